"""Files for reports and for other tools.

- :func:`write_gexf`: Gephi, with time intervals (``start``/``end`` from the
  spreadsheet's since/until) so Gephi's timeline works, and opgavelab's
  colours, sizes and positions as Gephi's "viz" data;
- :func:`write_graphml`: GraphML for Gephi, yEd, igraph, R;
- :func:`write_kumu`: a Kumu import workbook (sheets ``Elements`` and
  ``Connections`` with Kumu's column names);
- :func:`write_csv`, :func:`write_network_csv`: CSV tables;
- :func:`write_scan_excel`: tables as a formatted Excel workbook (headers,
  widths, frozen panes, filters), used by ``scan.to_excel``.

Every file is written through :func:`opgavelab.io.atomic_write`: a temporary
file renamed into place, so an interrupted write leaves nothing behind, and an
existing file is kept unless ``overwrite=True``: every ``write_*`` function
raises ``FileExistsError`` when its file exists and ``overwrite`` is false,
and returns the path it wrote.

Spreadsheet injection: a text that starts with ``=``, ``+``, ``-`` or ``@`` (or
a tab or carriage return) would run as a formula when a CSV file is opened in
Excel or LibreOffice. CSV exports put a ``'`` in front of such texts; Excel
exports store them as text cells, never as formulas.

Lists become ``;``-joined texts (``|``-joined for Kumu) and dates ISO texts
(``2024-12-31``) in GEXF, GraphML and CSV.
"""

from __future__ import annotations

__all__ = [
    "export_graph",
    "write_gexf",
    "write_graphml",
    "kumu_tables",
    "write_kumu",
    "write_csv",
    "write_network_csv",
    "write_scan_excel",
    "neutralise",
    "safe_file_name",
]

import datetime as _dt
import math
import re
from collections.abc import Mapping
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd

from ._checks import _check_lang
from ._files import FORMULA_START, atomic_write, neutralise, safe_file_name  # noqa: F401 (public here)
from ._i18n import message
from ._sheets import fit_columns, print_setup
from ._values import is_na
from . import __version__, _sheets
from ._docs import raises

#: Characters XML 1.0 cannot hold (openpyxl refuses them).
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


# --------------------------------------------------------------------------
# plain values for files
# --------------------------------------------------------------------------

def _iso(value) -> str:
    ts = pd.Timestamp(value)
    if ts.hour == ts.minute == ts.second == 0 and ts.microsecond == 0:
        return ts.strftime("%Y-%m-%d")
    return ts.isoformat()


def _flat(value, sep: str = ";"):
    """A value for GEXF/GraphML/CSV: None for missing; lists joined; dates ISO; numpy → Python."""
    if isinstance(value, (list, tuple, set)):
        items = sorted(value, key=str) if isinstance(value, set) else list(value)
        return sep.join(str(_flat(v, sep)) for v in items if not is_na(v))
    if is_na(value):
        return None
    if isinstance(value, (pd.Timestamp, _dt.datetime, _dt.date, np.datetime64)):
        return _iso(value)
    if isinstance(value, np.bool_):
        return bool(value)
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.floating):
        return float(value)
    if isinstance(value, (bool, int, float, str)):
        return value
    return str(value)


def _harmonise(records: list[dict]) -> None:
    """One type per attribute across all nodes (or edges): int+float → float, anything mixed → str."""
    kinds: dict[str, set] = {}
    for rec in records:
        for k, v in rec.items():
            kinds.setdefault(k, set()).add(type(v))
    for k, types in kinds.items():
        if len(types) <= 1:
            continue
        if types <= {int, float}:
            target = float
        else:
            target = str
        for rec in records:
            if k in rec:
                v = rec[k]
                rec[k] = str(v).lower() if target is str and isinstance(v, bool) else target(v)


_EDGE_SKIP = {"type", "types", "n_ties", "opgaven", "since", "until", "directed", "weight"}
_NODE_SKIP = {"name", "involved_since", "involved_until"}


@raises("graph")
def export_graph(G: nx.Graph, case=None, *, layout=None, viz: bool = True, colours: Mapping | None = None,
                 directed: bool | None = False) -> nx.Graph:
    """The graph as written to GEXF and GraphML: plain attribute values, time intervals, viz data.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        E.g. :func:`opgavelab.network.opgave_graph`.
    case : Case, optional
        For the colours of the actor types.
    layout : Layout or dict, optional
        Positions for Gephi; default a :func:`opgavelab.draw.force_layout`
        (seed 0) when ``viz``.
    viz : bool, default True
        Add Gephi's ``viz`` data: colour by actor type, size by number of
        ties, position.
    colours : mapping, optional
        ``{actor type: colour}`` overriding the palette.
    directed : bool or None, default False
        False: one undirected edge per pair of actors (a tie recorded as
        directed keeps ``directed=True`` as an attribute); True: a directed
        graph (an undirected tie becomes two arcs); None: as ``G``.

    Returns
    -------
    networkx.Graph or networkx.DiGraph
        Nodes keep their ids; ``label`` is the actor's name; ``start`` and
        ``end`` are the involvement's since/until (ISO dates, only when
        known); lists are ``;``-joined texts. Edges carry ``tie_type`` (the
        first type), ``tie_types``, ``weight``, ``n_ties``, ``opgaven``,
        ``directed``, ``start``, ``end``.

    Examples
    --------
    >>> import opgavelab
    >>> from opgavelab.network import opgave_graph
    >>> H = export_graph(opgave_graph(opgavelab.example(), "zorg"), viz=False)
    >>> sorted(H.nodes["gem-dijkhorst"])[:4]
    ['aware', 'commitment', 'domains', 'label']
    """
    if not isinstance(G, nx.Graph):
        msg = f"'G' must be a networkx graph, got {type(G).__name__}."
        raise TypeError(msg)
    if directed is None:
        directed = G.is_directed()
    H = nx.DiGraph() if directed else nx.Graph()
    name = G.graph.get("opgave_name") or G.graph.get("opgave") or G.graph.get("case") or ""
    H.graph["name"] = str(name)
    node_records = []
    for v, d in G.nodes(data=True):
        rec = {k: _flat(val) for k, val in d.items() if k not in _NODE_SKIP}
        rec["label"] = str(d.get("name") or v)
        start, end = _flat(d.get("involved_since")), _flat(d.get("involved_until"))
        if start:
            rec["start"] = start
        if end:
            rec["end"] = end
        node_records.append({k: val for k, val in rec.items() if val is not None and val != ""})
    _harmonise(node_records)
    for v, rec in zip(G.nodes, node_records):
        H.add_node(v, **rec)

    edge_records = []
    pairs = []
    for u, v, d in G.edges(data=True):
        if not directed and H.has_edge(u, v):
            continue
        rec = {
            "tie_type": _flat(d.get("type")),
            "tie_types": _flat(d.get("types")),
            "weight": float(d.get("weight", 1.0)) if not is_na(d.get("weight", 1.0)) else 1.0,
            "n_ties": _flat(d.get("n_ties")),
            "opgaven": _flat(d.get("opgaven")),
            "directed": bool(d.get("directed", False)),
            "start": _flat(d.get("since")),
            "end": _flat(d.get("until")),
        }
        rec.update({k: _flat(val) for k, val in d.items() if k not in _EDGE_SKIP})
        rec = {k: val for k, val in rec.items() if val is not None and val != ""}
        edge_records.append(rec)
        pairs.append((u, v))
        H.add_edge(u, v)
    _harmonise(edge_records)
    for (u, v), rec in zip(pairs, edge_records):
        H.edges[u, v].update(rec)

    if viz and H.number_of_nodes():
        from .draw.layout import force_layout
        from .draw.style import type_colours

        pos = layout if layout is not None else force_layout(G, seed=0)
        palette = type_colours(case, colours)
        degree = {v: len(set(nx.all_neighbors(G, v)) - {v}) for v in G}
        top = max(degree.values()) or 1
        for v in H.nodes:
            hexc = palette.get(G.nodes[v].get("type"), palette[None]).lstrip("#")
            r, g, b = (int(hexc[i:i + 2], 16) for i in (0, 2, 4))
            x, y = pos.get(v, (0.0, 0.0)) if hasattr(pos, "get") else (0.0, 0.0)
            H.nodes[v]["viz"] = {"color": {"r": r, "g": g, "b": b, "a": 1.0},
                                 "size": round(6.0 + 24.0 * math.sqrt(degree[v] / top), 2),
                                 "position": {"x": round(float(x) * 500, 2), "y": round(float(y) * 500, 2),
                                              "z": 0.0}}
    return H


def write_gexf(G: nx.Graph, path, *, case=None, layout=None, viz: bool = True, colours: Mapping | None = None,
               directed: bool | None = False, overwrite: bool = False) -> Path:
    """Write the network as GEXF 1.2 for Gephi, with time intervals for the timeline.

    Nodes get ``start``/``end`` from their involvement's since/until, edges
    from their ties' since/until (dates, ``timeformat="date"``); Gephi then
    shows the collective forming over time. Tie types are the attribute
    ``tie_type`` (GEXF reserves ``type`` for the edge direction).

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
    path : str or path-like
    case, layout, viz, colours, directed
        See :func:`export_graph`.
    overwrite : bool, default False

    Returns
    -------
    pathlib.Path
        The GEXF file written.

    Examples
    --------
    >>> import opgavelab, tempfile, pathlib, networkx as nx
    >>> from opgavelab.network import opgave_graph
    >>> G = opgave_graph(opgavelab.example(), "zorg")
    >>> out = write_gexf(G, pathlib.Path(tempfile.mkdtemp()) / "zorg.gexf")
    >>> nx.read_gexf(out).number_of_nodes() == G.number_of_nodes()
    True
    """
    H = export_graph(G, case, layout=layout, viz=viz, colours=colours, directed=directed)
    path = Path(path)
    with atomic_write(path, overwrite=overwrite) as tmp:
        nx.write_gexf(H, tmp, version="1.2draft")
    return path


def write_graphml(G: nx.Graph, path, *, directed: bool | None = False, overwrite: bool = False) -> Path:
    """Write the network as GraphML (lists as ``;``-joined texts, dates as ISO texts).

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
    path : str or path-like
    directed : bool or None, default False
        See :func:`export_graph`.
    overwrite : bool, default False

    Returns
    -------
    pathlib.Path
        The GraphML file written.

    Examples
    --------
    >>> import tempfile, pathlib, networkx as nx
    >>> G = nx.Graph([("gem", "prov")])
    >>> G.nodes["gem"]["domains"] = ["1.2", "3.1"]  # a list becomes a text
    >>> out = write_graphml(G, pathlib.Path(tempfile.mkdtemp()) / "wonen.graphml")
    >>> nx.read_graphml(out).nodes["gem"]["domains"]
    '1.2;3.1'
    """
    H = export_graph(G, viz=False, directed=directed)
    path = Path(path)
    with atomic_write(path, overwrite=overwrite) as tmp:
        nx.write_graphml(H, tmp, infer_numeric_types=True)
    return path


# --------------------------------------------------------------------------
# Kumu
# --------------------------------------------------------------------------

#: Kumu's own columns stay English (Label, Type, ...); ours are shown as ``kumu.field.<key>``
_KUMU_FIELDS = ("id", "scale", "sector", "role", "aware", "commitment", "domains", "since", "until", "opgaven",
                "not_aware")



@raises("lang_of_case")
def kumu_tables(G: nx.Graph, case=None, lang: str | None = None) -> dict[str, pd.DataFrame]:
    """The ``Elements`` and ``Connections`` tables of a Kumu import.

    Kumu matches connections to elements by label, so two actors with the
    same name get their id added: ``"Stichting X (sx2)"``.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
    case : Case, optional
        For labels of types, scale levels, roles and domains.
    lang : {"nl", "en"}, optional
        Default: the case's language (``case.lang``).

    Returns
    -------
    dict
        ``{"Elements": DataFrame, "Connections": DataFrame}``; Elements starts
        with ``Label, Type, Description, Tags``, Connections with ``From, To,
        Type, Strength, Direction``.

    Examples
    --------
    >>> import opgavelab
    >>> from opgavelab.network import opgave_graph
    >>> t = kumu_tables(opgave_graph(opgavelab.example(), "zorg"))
    >>> list(t["Connections"].columns[:5])
    ['From', 'To', 'Type', 'Strength', 'Direction']
    """
    lang = _check_lang(lang or getattr(case, "lang", None) or "nl")  # None: the case's language
    field = {k: message("kumu.field." + k, lang) for k in _KUMU_FIELDS}

    def labels(list_name):
        return case.labels(list_name, lang) if case is not None else {}

    type_l, scale_l, role_l, tie_l = labels("actor_type"), labels("scale"), labels("role"), labels("tie_type")

    def domain(code):
        return case.domain_label(code, lang) if case is not None else str(code)

    names = {v: str(d.get("name") or v) for v, d in G.nodes(data=True)}
    counts = pd.Series(list(names.values())).value_counts()
    label = {v: (f"{n} ({v})" if counts[n] > 1 else n) for v, n in names.items()}
    rows = []
    for v, d in G.nodes(data=True):
        doms = [str(x) for x in (d.get("domains") or [])]
        tags = [domain(x) for x in doms]
        if d.get("aware") is False:
            tags.append(field["not_aware"])
        t, s, r = d.get("type"), d.get("scale"), d.get("role")
        desc = d.get("description") or d.get("toelichting") or d.get("beschrijving") or ""
        rows.append({
            "Label": label[v],
            "Type": type_l.get(t, t) if not is_na(t) else None,
            "Description": None if is_na(desc) else str(desc),
            "Tags": "|".join(tags) or None,
            field["id"]: str(v),
            field["scale"]: scale_l.get(s, s) if not is_na(s) else None,
            field["sector"]: _flat(d.get("sector")),
            field["role"]: role_l.get(r, r) if not is_na(r) else None,
            field["aware"]: (None if d.get("aware") is None
                             else message("label." + ("yes" if d["aware"] else "no"), lang)),
            field["commitment"]: _flat(d.get("commitment")),
            field["domains"]: "|".join(doms) or None,
            field["since"]: _flat(d.get("involved_since")),
            field["until"]: _flat(d.get("involved_until")),
        })
    elements = pd.DataFrame(rows, columns=["Label", "Type", "Description", "Tags"]
                            + [field[k] for k in ("id", "scale", "sector", "role", "aware", "commitment",
                                                            "domains", "since", "until")])
    crow = []
    seen = set()
    for u, v, d in G.edges(data=True):
        if u == v:
            continue
        recorded_directed = bool(d.get("directed", False))
        if not recorded_directed:
            key = frozenset((u, v))
            if key in seen:
                continue
            seen.add(key)
        t = d.get("type")
        crow.append({
            "From": label[u], "To": label[v],
            "Type": tie_l.get(t, t) if not is_na(t) else None,
            "Strength": float(d.get("weight", 1.0)),
            "Direction": "directed" if recorded_directed else "undirected",
            field["since"]: _flat(d.get("since")),
            field["until"]: _flat(d.get("until")),
            field["opgaven"]: "|".join(str(o) for o in (d.get("opgaven") or [])) or None,
        })
    connections = pd.DataFrame(crow, columns=["From", "To", "Type", "Strength", "Direction",
                                              field["since"], field["until"],
                                              field["opgaven"]])
    return {"Elements": elements, "Connections": connections}


def write_kumu(G: nx.Graph, path, *, case=None, lang: str | None = None, overwrite: bool = False) -> Path:
    """Write a Kumu import workbook (sheets ``Elements`` and ``Connections``).

    In Kumu: *Import* → *Excel* and pick this file. See :func:`kumu_tables`
    for the columns.

    Parameters
    ----------
    G, case, lang
        As in :func:`kumu_tables`.
    path : str or path-like
        Where to write the ``.xlsx`` file.
    overwrite : bool, default False
        Replace an existing file.

    Returns
    -------
    pathlib.Path
        The Kumu workbook written.

    Raises
    ------
    ValueError
        If ``lang`` (or the case's language) is not ``"nl"`` or ``"en"``.
    FileExistsError, opgavelab.WriteError
        As in :func:`opgavelab.io.atomic_write` (``path`` exists and
        ``overwrite`` is false; the file cannot be written).

    Examples
    --------
    >>> import opgavelab, tempfile, pathlib
    >>> from opgavelab.network import opgave_graph
    >>> case = opgavelab.example()
    >>> out = write_kumu(opgave_graph(case, "zorg"), pathlib.Path(tempfile.mkdtemp()) / "k.xlsx", case=case)
    >>> out.suffix
    '.xlsx'
    """
    tables = kumu_tables(G, case, lang)
    return _write_workbook(tables, path, overwrite=overwrite, index=False, title=None, caption=None, lang=lang,
                           banner=False)


# --------------------------------------------------------------------------
# CSV
# --------------------------------------------------------------------------

def _cell_text(value, list_sep: str = "; "):
    """A value as a CSV or Excel cell: lists joined, missing → None, formulas neutralised."""
    if isinstance(value, (list, tuple, set, np.ndarray)):
        value = list_sep.join(str(_cell_text(v)) for v in value if not is_na(v))
    if is_na(value):
        return None
    if isinstance(value, (pd.Timestamp, _dt.datetime, _dt.date)):
        return _iso(value)
    if isinstance(value, np.generic):
        value = value.item()
    return neutralise(value) if isinstance(value, str) else value


def write_csv(frame: pd.DataFrame, path, *, sep: str = ",", index: bool = True, overwrite: bool = False,
              encoding: str = "utf-8-sig") -> Path:
    """Write a table as CSV that is safe to open in a spreadsheet.

    Texts starting with ``=``, ``+``, ``-`` or ``@`` get a leading ``'``;
    lists become ``; ``-joined texts; dates ISO texts. UTF-8 with a BOM, so
    Excel shows accents right.

    Parameters
    ----------
    frame : pandas.DataFrame
    path : str or path-like
    sep : str, default ","
        ``";"`` opens directly in Dutch Excel.
    index : bool, default True
    overwrite : bool, default False
    encoding : str, default "utf-8-sig"

    Returns
    -------
    pathlib.Path
        The CSV file written.

    Raises
    ------
    TypeError
        If ``frame`` is not a pandas DataFrame.
    FileExistsError, opgavelab.WriteError
        As in :func:`opgavelab.io.atomic_write` (``path`` exists and
        ``overwrite`` is false; the file cannot be written).

    Examples
    --------
    >>> import pandas as pd, tempfile, pathlib
    >>> out = write_csv(pd.DataFrame({"naam": ["=1+1"]}), pathlib.Path(tempfile.mkdtemp()) / "t.csv", index=False)
    >>> out.read_text(encoding="utf-8-sig").splitlines()[1]
    "'=1+1"
    """
    if not isinstance(frame, pd.DataFrame):
        msg = f"'frame' must be a pandas DataFrame, got {type(frame).__name__}."
        raise TypeError(msg)
    out = frame.copy()
    if index:
        out = out.reset_index()
    out.columns = [_cell_text(str(c)) for c in out.columns]
    for col in out.columns:
        out[col] = [_cell_text(v) for v in out[col].tolist()]
    path = Path(path)
    with atomic_write(path, overwrite=overwrite) as tmp:
        out.to_csv(tmp, sep=sep, index=False, encoding=encoding, lineterminator="\r\n")
    return path


def write_network_csv(G: nx.Graph, nodes_path, edges_path, *, sep: str = ",",
                      overwrite: bool = False) -> tuple[Path, Path]:
    """Write the nodes and the edges of a network as two CSV files.

    The nodes file has one row per actor (``id`` and its attributes), the
    edges file ``source``, ``target`` and the tie attributes; both are
    neutralised as in :func:`write_csv`.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
    nodes_path, edges_path : str or path-like
    sep : str, default ","
    overwrite : bool, default False

    Returns
    -------
    (pathlib.Path, pathlib.Path)

    Raises
    ------
    FileExistsError
        A file exists and ``overwrite`` is false (then neither is written).

    Examples
    --------
    >>> import opgavelab, tempfile, pathlib
    >>> from opgavelab.network import opgave_graph
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> n, e = write_network_csv(opgave_graph(opgavelab.example(), "zorg"), d / "nodes.csv", d / "edges.csv")
    >>> n.name, e.name
    ('nodes.csv', 'edges.csv')
    """
    nodes_path, edges_path = Path(nodes_path), Path(edges_path)
    if not overwrite:
        for p in (nodes_path, edges_path):
            if p.exists():
                msg = f"{p} already exists; pass overwrite=True (or --force) to replace it."
                raise FileExistsError(msg)
    H = export_graph(G, viz=False)
    nodes = pd.DataFrame.from_dict({v: d for v, d in H.nodes(data=True)}, orient="index")
    nodes.index.name = "id"
    edges = pd.DataFrame([{"source": u, "target": v, **d} for u, v, d in H.edges(data=True)],
                         columns=None if H.number_of_edges() else ["source", "target"])
    write_csv(nodes, nodes_path, sep=sep, overwrite=overwrite)
    write_csv(edges, edges_path, sep=sep, index=False, overwrite=overwrite)
    return nodes_path, edges_path


# --------------------------------------------------------------------------
# Excel
# --------------------------------------------------------------------------

_SHEET_BAD = re.compile(r"[\[\]:*?/\\]")


def _sheet_names(names) -> list[str]:
    out: list[str] = []
    for name in names:
        base = _SHEET_BAD.sub("_", str(name)).strip("'") or "blad"
        base = base[:31]
        candidate, k = base, 2
        while candidate.lower() in {o.lower() for o in out}:
            suffix = f" ({k})"
            candidate = base[:31 - len(suffix)] + suffix
            k += 1
        out.append(candidate)
    return out


def _excel_value(value):
    """A Python value openpyxl can store; texts are returned as texts (the caller types the cell)."""
    if isinstance(value, (list, tuple, set, np.ndarray)):
        value = "; ".join(str(_excel_value(v)) for v in value if not is_na(v))
    if is_na(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime().replace(tzinfo=None)
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and math.isinf(value):
        return str(value)
    if isinstance(value, (str, int, float, bool, _dt.datetime, _dt.date)):
        return _ILLEGAL_XML.sub("", value) if isinstance(value, str) else value
    return _ILLEGAL_XML.sub("", str(value))


def _set(cell, value) -> None:
    """Put a value in a cell; a text is always a text cell, never a formula."""
    v = _excel_value(value)
    cell.value = v
    if isinstance(v, str):
        cell.data_type = "s"
    elif isinstance(v, (_dt.datetime, _dt.date)):
        cell.number_format = "yyyy-mm-dd"


def _flatten_columns(frame: pd.DataFrame) -> list[str]:
    if isinstance(frame.columns, pd.MultiIndex):
        return [" / ".join(str(x) for x in col if str(x) != "") for col in frame.columns]
    return [str(c) for c in frame.columns]


_SHARE_WORDS = ("aandeel", "share", "fractie", "fraction", "percentage")
_COUNT_WORDS = ("aantal", "grootte", "number", "size", "count", "n_", "losse", "isolates")


def _column_format(label: str, values: pd.Series) -> str | None:
    """How a column's numbers are shown: ``"share"``, ``"integer"``, ``"decimal"``, ``"mixed"`` or None."""
    low = label.lower()
    if pd.api.types.is_bool_dtype(values):
        return None
    if pd.api.types.is_numeric_dtype(values):
        if any(w in low for w in _SHARE_WORDS):
            return "share"
        if pd.api.types.is_integer_dtype(values):
            return "integer"
        numbers = pd.to_numeric(values, errors="coerce").dropna()
        numbers = numbers[np.isfinite(numbers)]
        if len(numbers) and (numbers == numbers.round()).all() and not any(
                w in low for w in ("waarde", "value")):
            return "integer"
        return "mixed" if any(w in low for w in ("waarde", "value")) else "decimal"
    if values.dtype == object:
        return "mixed"
    return None


def _cell_format(kind, row_label: str, value, lang: str) -> str | None:
    """The number format of one cell; ``mixed`` columns (a value per measure) go by the row's label."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (_dt.datetime, _dt.date)):
        return message("format.excel_date", lang)
    if not isinstance(value, (int, float)):
        return None
    if kind == "share" or (kind == "mixed" and any(w in row_label for w in _SHARE_WORDS)):
        return _sheets.PERCENT
    if kind == "integer" or isinstance(value, int):
        return _sheets.INTEGER
    if kind == "mixed" and float(value).is_integer() and any(row_label.startswith(w) for w in _COUNT_WORDS):
        return _sheets.INTEGER
    return _sheets.DECIMAL


def _write_workbook(sheets: Mapping[str, pd.DataFrame], path, *, overwrite: bool, index: bool, title, caption,
                    lang: str, banner: bool, about: bool = False) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Border, Font, PatternFill, Side

    if not isinstance(sheets, Mapping) or not all(isinstance(f, (pd.DataFrame, pd.Series)) for f in sheets.values()):
        msg = "'sheets' must be a mapping {sheet name: DataFrame}."
        raise TypeError(msg)
    wb = Workbook()
    wb.remove(wb.active)
    names = _sheet_names(sheets.keys())
    head = {"font": Font(bold=True, color="FFFFFF"), "fill": PatternFill("solid", fgColor="2B2D42"),
            "border": Border(bottom=Side(style="thin", color="888888"))}
    if about:
        _about_sheet(wb, names, sheets, head, title, caption, lang)
    for name, frame in zip(names, sheets.values()):
        _table_sheet(wb, name, frame, head, index=index, title=title, banner=banner, lang=lang)
    path = Path(path)
    with atomic_write(path, overwrite=overwrite) as tmp:
        wb.save(tmp)
    return path


def _about_sheet(wb, names: list[str], sheets: Mapping, head: dict, title, caption, lang: str) -> None:
    """The overview sheet: title, caption, the version, and a link to each sheet with its number of rows."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.worksheet.hyperlink import Hyperlink

    ws = wb.create_sheet(message("export.about_sheet", lang))
    _set(ws.cell(1, 1), title or message("export.about_title", lang))
    ws.cell(1, 1).font = Font(bold=True, size=14)
    row = 2
    if caption:
        _set(ws.cell(2, 1), caption)
        ws.cell(2, 1).font = Font(italic=True, color="555555")
        row = 3
    _set(ws.cell(row, 1), message("export.made_with", lang, version=__version__))
    ws.cell(row, 1).font = Font(color="555555")
    row += 2
    _set(ws.cell(row, 1), message("export.column.sheet", lang))
    _set(ws.cell(row, 2), message("export.column.rows", lang))
    for c in (1, 2):
        ws.cell(row, c).font = head["font"]
        ws.cell(row, c).fill = head["fill"]
    for name, frame in zip(names, sheets.values()):
        row += 1
        cell = ws.cell(row, 1)
        _set(cell, name)
        cell.hyperlink = Hyperlink(ref=cell.coordinate, location=f"'{name}'!A1", display=name)
        cell.font = Font(color="0563C1", underline="single")
        ws.cell(row, 2).value = int(len(frame))
    ws.column_dimensions["A"].width = 34
    ws.column_dimensions["B"].width = 10
    for r in (1, 2):  # the title and caption wrap within the two columns
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=2)
        ws.cell(r, 1).alignment = Alignment(wrap_text=True, vertical="top")
        ws.row_dimensions[r].height = _sheets.wrapped_height(ws.cell(r, 1).value, 33 if r == 1 else 44, 19 if r == 1 else 15)
    print_setup(ws, landscape=False)


def _table_sheet(wb, name: str, frame, head: dict, *, index: bool, title, banner: bool, lang: str) -> None:
    """One table on its own sheet: a dark header row, number formats by column, a filter, frozen panes."""
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    if isinstance(frame, pd.Series):
        frame = frame.to_frame()
    ws = wb.create_sheet(name)
    # the table starts in A1: its title is on the overview sheet and in the printed page header
    # (a banner above the table repeated the opgave on every sheet and spilled over blank pages)
    r0 = 1
    if banner:
        ws.oddHeader.left.text = f"&A — {title}" if title else "&A"
        ws.oddHeader.left.size = 9
        ws.oddFooter.right.text = "&P / &N"
        ws.oddFooter.right.size = 9
    # a default 0…n index (RangeIndex without a name) numbers nothing a reader looks up: leave it out
    keep_index = index and not (isinstance(frame.index, pd.RangeIndex) and frame.index.name is None)
    data = frame.reset_index() if keep_index else frame
    if keep_index:
        idx_names = [str(n) if n is not None else (message("xl_unnamed_index", lang) if i == 0 else f"level_{i}")
                     for i, n in enumerate(frame.index.names)]
        columns = idx_names + _flatten_columns(frame)
        row_labels = [str(v[0] if isinstance(v, tuple) else v) for v in frame.index]
    else:
        columns = _flatten_columns(frame)
        row_labels = [""] * len(frame)
    for j, col in enumerate(columns, start=1):
        cell = ws.cell(r0, j)
        _set(cell, col)
        cell.font = head["font"]
        cell.fill = head["fill"]
        cell.border = head["border"]
        cell.alignment = Alignment(vertical="center", wrap_text=False)
    formats = [_column_format(str(col), data.iloc[:, j]) for j, col in enumerate(columns)]
    for i, rec in enumerate(data.itertuples(index=False, name=None), start=r0 + 1):
        label = row_labels[i - r0 - 1].lower()
        for j, value in enumerate(rec, start=1):
            cell = ws.cell(i, j)
            _set(cell, value)
            fmt = _cell_format(formats[j - 1], label, cell.value, lang)
            if fmt:
                cell.number_format = fmt
    fit_columns(ws, first_row=r0)
    _sheets.wrap_long_texts(ws, first_row=r0 + 1)
    last_col = get_column_letter(max(1, len(columns)))
    if len(columns):
        ws.auto_filter.ref = f"A{r0}:{last_col}{r0 + max(len(data), 1)}"
    # keep the header (and the id column of a table with an index) in view
    ws.freeze_panes = ws.cell(r0 + 1, 2 if keep_index and len(columns) > 2 else 1)
    print_setup(ws, header_row=r0)


def write_scan_excel(sheets: Mapping[str, pd.DataFrame], path, *, title: str | None = None,
                     caption: str | None = None, overwrite: bool = False, lang: str = "nl") -> Path:
    """Write tables as one formatted Excel workbook: a sheet per table, and an overview sheet.

    Each sheet has the table's title (and ``caption``) above a dark header
    row, the index as the first column, column widths fitted to the content,
    a filter on the header, and the header and first column frozen. Texts
    are text cells, never formulas; lists are ``; ``-joined; numbers keep
    three decimals. The first sheet (``over``/``about``) lists the sheets
    with links.

    Parameters
    ----------
    sheets : mapping
        ``{sheet name: DataFrame}`` in order; names are cut to Excel's 31
        characters and made unique.
    path : str or path-like
        The ``.xlsx`` file.
    title : str, optional
        E.g. the opgave and the date.
    caption : str, optional
        E.g. case, source and filters.
    overwrite : bool, default False
    lang : {"nl", "en"}, default "nl"

    Returns
    -------
    pathlib.Path

    Raises
    ------
    TypeError
        ``sheets`` is not a mapping of DataFrames.

    Examples
    --------
    >>> import pandas as pd, tempfile, pathlib
    >>> t = pd.DataFrame({"betweenness": [0.5, 0.1]}, index=pd.Index(["a", "b"], name="id"))
    >>> out = write_scan_excel({"centraliteit": t}, pathlib.Path(tempfile.mkdtemp()) / "scan.xlsx", title="Test")
    >>> out.suffix
    '.xlsx'
    """
    lang = _check_lang(lang)
    return _write_workbook(sheets, path, overwrite=overwrite, index=True, title=title, caption=caption, lang=lang,
                           banner=True, about=True)
