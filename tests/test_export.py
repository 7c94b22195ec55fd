"""Exports: files that other tools read back to the same network, and that are safe to open."""

from __future__ import annotations

import csv

import networkx as nx
import pandas as pd
import pytest
from openpyxl import load_workbook

import opgavelab
from opgavelab import Case
from opgavelab.export import (
    export_graph,
    kumu_tables,
    neutralise,
    write_csv,
    write_gexf,
    write_graphml,
    write_kumu,
    write_network_csv,
    write_scan_excel,
)
from opgavelab.network import opgave_graph

FORMULAS = ["=1+1", "+31 6 1234", "-2+3", "@SUM(A1)", "=HYPERLINK(\"http://x\",\"klik\")"]


@pytest.fixture(scope="module")
def G(case):
    return opgave_graph(case, "economie")


@pytest.fixture(scope="module")
def formula_case():
    """Actor names a spreadsheet would run as formulas, and two actors with one name."""
    return Case.from_frames(
        actors=pd.DataFrame({"id": ["a", "b", "c", "d"], "naam": ["=1+1", "@SUM(A1)", "Stichting X", "Stichting X"],
                             "type": ["overheid", "bedrijf", "burger", "burger"]}),
        opgaven=pd.DataFrame({"id": ["o1"], "naam": ["-Opgave"]}),
        involvement=pd.DataFrame({"actor": ["a", "b", "c", "d"], "opgave": ["o1"] * 4}),
        ties=pd.DataFrame({"van": ["a", "c"], "naar": ["b", "d"], "type": ["samenwerking", "financiering"],
                           "gericht": ["nee", "ja"], "sinds": ["2019", "2020-03-01"], "tot": [None, "2022"]}),
    )


def _without(d: dict, *keys) -> dict:
    return {k: v for k, v in d.items() if k not in keys}


# -- GEXF and GraphML -------------------------------------------------------------

def test_gexf_reads_back_to_the_same_nodes_edges_and_attributes(G, case, tmp_path):
    path = write_gexf(G, tmp_path / "economie.gexf", case=case)
    back = nx.read_gexf(path)
    expected = export_graph(G, case)
    assert set(back.nodes) == set(expected.nodes) == set(G.nodes)
    assert {frozenset(e) for e in back.edges} == {frozenset(e) for e in expected.edges}
    for v in expected:
        assert _without(back.nodes[v], "viz") == _without(expected.nodes[v], "viz")
        assert back.nodes[v]["label"] == G.nodes[v]["name"]
    for u, v in expected.edges:
        assert _without(back.edges[u, v], "id") == expected.edges[u, v]
    v = "gem-markenveen"
    assert back.nodes[v]["domains"] == ";".join(G.nodes[v]["domains"])
    assert back.nodes[v]["viz"]["color"] == {"r": 0, "g": 114, "b": 178, "a": 1.0}  # overheid, Okabe-Ito blue


def test_gexf_has_time_intervals_for_gephis_timeline(formula_case, tmp_path):
    G = opgave_graph(formula_case, "o1")
    path = write_gexf(G, tmp_path / "o1.gexf", viz=False)
    text = path.read_text(encoding="utf-8")
    assert 'mode="dynamic"' in text and 'timeformat="date"' in text
    back = nx.read_gexf(path)
    tie = back.edges["c", "d"]
    assert (tie["start"], tie["end"]) == ("2020-03-01", "2022-12-31")
    assert back.edges["a", "b"]["start"] == "2019-01-01" and "end" not in back.edges["a", "b"]
    # tie types are an attribute: GEXF's own 'type' is the edge's direction
    assert tie["tie_type"] == "financiering" and tie["directed"] is True


def test_graphml_reads_back_to_the_same_nodes_edges_and_attributes(G, tmp_path):
    path = write_graphml(G, tmp_path / "economie.graphml")
    back = nx.read_graphml(path)
    expected = export_graph(G, viz=False)
    assert set(back.nodes) == set(expected.nodes)
    assert {frozenset(e) for e in back.edges} == {frozenset(e) for e in expected.edges}
    for v in expected:
        assert back.nodes[v] == expected.nodes[v]
    for u, v in expected.edges:
        assert back.edges[u, v] == expected.edges[u, v]
    assert isinstance(back.nodes["gem-markenveen"]["commitment"], int)
    assert back.nodes["gem-markenveen"]["start"] == "2018-01-01"


def test_directed_export_keeps_arcs(G, tmp_path):
    back = nx.read_graphml(write_graphml(G, tmp_path / "d.graphml", directed=True))
    assert back.is_directed() and back.number_of_edges() == G.number_of_edges()


def test_exports_keep_an_existing_file(G, tmp_path):
    for writer, name in ((write_gexf, "a.gexf"), (write_graphml, "a.graphml"), (write_kumu, "a.xlsx")):
        path = tmp_path / name
        path.write_text("mine", encoding="utf-8")
        with pytest.raises(FileExistsError, match="already exists"):
            writer(G, path)
        assert path.read_text(encoding="utf-8") == "mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.gexf", "a.graphml", "a.xlsx"]


def test_export_graph_rejects_something_that_is_not_a_graph():
    with pytest.raises(TypeError, match="'G' must be a networkx graph, got dict"):
        export_graph({})


# -- Kumu ----------------------------------------------------------------------------

def test_kumu_workbook_has_kumus_sheets_and_columns(G, case, tmp_path):
    path = write_kumu(G, tmp_path / "kumu.xlsx", case=case)
    wb = load_workbook(path)
    assert wb.sheetnames == ["Elements", "Connections"]
    el = [c.value for c in wb["Elements"][1]]
    co = [c.value for c in wb["Connections"][1]]
    assert el[:4] == ["Label", "Type", "Description", "Tags"]
    assert co[:5] == ["From", "To", "Type", "Strength", "Direction"]
    assert wb["Elements"].max_row - 1 == G.number_of_nodes()
    labels = {r[0].value for r in wb["Elements"].iter_rows(min_row=2)}
    for row in wb["Connections"].iter_rows(min_row=2):
        assert row[0].value in labels and row[1].value in labels
        assert row[4].value in ("directed", "undirected")
    first = {k: c.value for k, c in zip(el, wb["Elements"][2])}
    assert first["Type"] == "overheid" and "3.1 Economische ontwikkeling" in first["Tags"].split("|")


def test_kumu_tells_apart_actors_with_the_same_name_and_keeps_directions(formula_case):
    t = kumu_tables(opgave_graph(formula_case, "o1"), formula_case, lang="en")
    assert set(t["Elements"]["Label"]) == {"=1+1", "@SUM(A1)", "Stichting X (c)", "Stichting X (d)"}
    c = t["Connections"].set_index(["From", "To"])
    assert c.loc[("Stichting X (c)", "Stichting X (d)"), "Direction"] == "directed"
    assert c.loc[("=1+1", "@SUM(A1)"), "Direction"] == "undirected"
    assert len(t["Connections"]) == 2  # an undirected tie is one connection, not two arcs


def test_kumu_cells_are_never_formulas(formula_case, tmp_path):
    path = write_kumu(opgave_graph(formula_case, "o1"), tmp_path / "k.xlsx", case=formula_case)
    ws = load_workbook(path)["Elements"]
    cells = {c.value: c for c in ws["A"][1:]}
    assert cells["=1+1"].data_type == "s" and cells["@SUM(A1)"].data_type == "s"


# -- CSV ------------------------------------------------------------------------------

@pytest.mark.parametrize("text", FORMULAS)
def test_neutralise_disarms_formula_starts(text):
    assert neutralise(text) == "'" + text


def test_neutralise_leaves_other_values_alone():
    assert neutralise("Gemeente A") == "Gemeente A"
    assert neutralise(-3) == -3 and neutralise(2.5) == 2.5 and neutralise(None) is None


def test_csv_export_neutralises_formulas_and_joins_lists(tmp_path):
    frame = pd.DataFrame({"naam": FORMULAS, "domeinen": [["3.1", "8.1"]] * len(FORMULAS),
                          "waarde": [-1.5] * len(FORMULAS)})
    path = write_csv(frame, tmp_path / "t.csv", index=False, sep=";")
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    assert rows[0] == ["naam", "domeinen", "waarde"]
    assert [r[0] for r in rows[1:]] == ["'" + f for f in FORMULAS]
    assert rows[1][1] == "3.1; 8.1" and rows[1][2] == "-1.5"


def test_network_csv_has_nodes_and_edges(formula_case, tmp_path):
    n, e = write_network_csv(opgave_graph(formula_case, "o1"), tmp_path / "n.csv", tmp_path / "e.csv")
    nodes = pd.read_csv(n, encoding="utf-8-sig", dtype=str)
    edges = pd.read_csv(e, encoding="utf-8-sig", dtype=str)
    assert sorted(nodes["id"]) == ["a", "b", "c", "d"]
    assert set(nodes["label"]) == {"'=1+1", "'@SUM(A1)", "Stichting X"}
    assert {frozenset(p) for p in zip(edges["source"], edges["target"])} == {frozenset("ab"), frozenset("cd")}
    with pytest.raises(FileExistsError, match="already exists"):
        write_network_csv(opgave_graph(formula_case, "o1"), tmp_path / "x.csv", e)
    assert not (tmp_path / "x.csv").exists()


def test_csv_export_needs_a_dataframe(tmp_path):
    with pytest.raises(TypeError, match="'frame' must be a pandas DataFrame, got list"):
        write_csv([1, 2], tmp_path / "x.csv")


# -- the scan workbook ------------------------------------------------------------------

def test_scan_workbook_is_formatted(tmp_path):
    tables = {
        "centraliteit": pd.DataFrame({"naam": ["=1+1", "B"], "betweenness": [0.51234, 0.1],
                                      "domeinen": [["3.1", "8.1"], []]},
                                     index=pd.Index(["a", "b"], name="id")),
        "vorming": pd.DataFrame({"n_actors": [3, 4]},
                                index=pd.DatetimeIndex(["2020-12-31", "2021-12-31"], name="date")),
        "a/b:c*d?[e]" * 4: pd.DataFrame({"x": [1]}),
    }
    path = write_scan_excel(tables, tmp_path / "scan.xlsx", title="Economie — stand 2024", caption="bron: test.xlsx")
    wb = load_workbook(path)
    assert wb.sheetnames[0] == "over" and wb.sheetnames[1:3] == ["centraliteit", "vorming"]
    assert len(wb.sheetnames[3]) <= 31 and not set("[]:*?/\\") & set(wb.sheetnames[3])
    ws = wb["centraliteit"]
    # the table starts in A1 (issue 22: no banner); sheet and title are in the printed page header
    assert "Economie" in ws.oddHeader.left.text
    header = [c.value for c in ws[1]]
    assert header == ["id", "naam", "betweenness", "domeinen"]
    assert ws["A1"].font.bold and ws.freeze_panes == "B2" and ws.print_title_rows == "$1:$1"
    assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.auto_filter.ref.startswith("A1:D")
    assert ws["B2"].value == "=1+1" and ws["B2"].data_type == "s"  # a text, never a formula
    assert ws["C2"].value == pytest.approx(0.51234) and ws["C2"].number_format == "0.000"
    assert ws["D2"].value == "3.1; 8.1"
    assert ws.column_dimensions["B"].width >= 8
    assert wb["vorming"]["A2"].number_format == "dd-mm-yyyy"
    assert wb["vorming"]["B2"].number_format == "0"
    about = wb["over"]
    assert about["A1"].value == "Economie — stand 2024"
    links = [c.hyperlink.location for c in about["A"] if c.hyperlink]
    assert links[0] == "'centraliteit'!A1"


def test_scan_to_excel_uses_the_formatted_workbook(case, tmp_path):
    scan = opgavelab.scan(case, "zorg")
    path = scan.to_excel(tmp_path / "zorg.xlsx")
    wb = load_workbook(path)
    assert wb.sheetnames[0] == "over" and "centraliteit" in wb.sheetnames
    with pytest.raises(FileExistsError, match="already exists"):
        scan.to_excel(tmp_path / "zorg.xlsx")


def test_scan_workbook_needs_a_mapping_of_tables(tmp_path):
    with pytest.raises(TypeError, match=r"'sheets' must be a mapping \{sheet name: DataFrame\}"):
        write_scan_excel([pd.DataFrame()], tmp_path / "x.xlsx")
    with pytest.raises(ValueError, match=r"'lang' must be one of \['nl', 'en'\], got 'fr'\."):
        write_scan_excel({}, tmp_path / "x.xlsx", lang="fr")
