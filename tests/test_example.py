"""The bundled example case is what the issue promises a teacher."""

from __future__ import annotations

import networkx as nx
import pandas as pd
import pytest

import opgavelab
from opgavelab.network import opgave_graph


@pytest.fixture(scope="module")
def case():
    return opgavelab.example()


def test_is_labelled_fictional():
    from openpyxl import load_workbook

    wb = load_workbook(opgavelab.example_path(), read_only=True)
    text = " ".join(str(c) for row in wb["info"].iter_rows(values_only=True) for c in row if c)
    assert "Fictieve casus" in text and "fictional" in text.lower()


def test_size_and_variety(case):
    assert len(case.actors) >= 60
    assert set(case.actors["type"]) == {"overheid", "bedrijf", "maatschappelijke organisatie",
                                        "kennisinstelling", "burger"}
    assert case.actors["scale"].nunique() >= 5
    assert len(case.opgaven) >= 4
    assert case.involvement["role"].notna().all()
    assert (~case.involvement["aware"]).sum() >= 1
    assert case.involvement["commitment"].nunique() >= 4
    assert case.ties["type"].nunique() >= 3
    years = sorted(case.ties["since"].dt.year.unique())
    assert years[-1] - years[0] >= 6


def test_main_opgave_needs_space_labour_and_safety_at_once(case):
    needed = set(case.opgaven.loc["economie", "domains"])
    assert {"8.1", "6.5", "1.2"} <= needed


def test_main_opgave_forms_from_at_least_five_clusters_into_one(case):
    first = opgave_graph(case, "economie", at=2018, directed=False)
    last = opgave_graph(case, "economie", at=2024, directed=False)
    assert nx.number_connected_components(first) >= 5
    assert nx.number_connected_components(last) == 1
    assert set(last) == set(case.actors_of("economie", at=2024))


def test_a_needed_domain_nobody_involved_covers_but_others_do(case):
    involved = case.actors_of("economie")
    covered = {d.split(".")[0] for ds in case.actors.loc[involved, "domains"] for d in ds}
    covered |= {d for ds in case.actors.loc[involved, "domains"] for d in ds}
    assert "1.2" not in covered and "1" not in covered
    elsewhere = case.actors.drop(involved)
    assert elsewhere["domains"].map(lambda ds: "1.2" in ds).any()


def test_example_works_from_an_installed_wheel(tmp_path):
    """``opgavelab.example()`` also works from a built, non-editable package."""
    import subprocess
    import sys
    import zipfile
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    wheel_dir = tmp_path / "wheel"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(wheel_dir), str(root)], check=True, capture_output=True)
    wheel = next(wheel_dir.glob("opgavelab-*.whl"))
    assert "opgavelab/_data/voorbeeld-veenmarken.xlsx" in zipfile.ZipFile(wheel).namelist()
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
                   check=True, capture_output=True)
    code = ("import opgavelab, sys; c = opgavelab.example(); "
            "assert 'site' in opgavelab.__file__, opgavelab.__file__; print(len(c.actors))")
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, check=True, capture_output=True, text=True,
                         env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"})
    assert int(out.stdout.strip()) >= 60


def test_involvement_dates_span_the_period(case):
    assert case.involvement["since"].min() <= pd.Timestamp("2018-12-31")


# -- true to life: what a reader in Dutch public administration expects ------------------

def test_the_ministry_of_economic_affairs_and_climate_is_split_in_2024(case):
    inv = case.involvement.set_index(["actor", "opgave"])
    assert inv.loc[("min-ezk", "economie"), "until"].year == 2023
    assert inv.loc[("min-ez", "economie"), "since"].year == 2024
    assert inv.loc[("min-kgg", "energie"), "since"].year == 2024
    assert ("min-kgg", "economie") not in inv.index  # energy goes to KGG, the economy to EZ
    assert set(case.actors_of("economie", 2024)) >= {"min-ez"} and "min-ezk" not in case.actors_of("economie", 2024)
    assert "min-ezk" in case.actors_of("economie", 2023) and "min-ez" not in case.actors_of("economie", 2023)


def test_a_fund_is_no_actor_but_its_managing_authority_is(case):
    names = " ".join(case.actors["name"])
    assert "EU-programma" not in names and "eu-efro" not in case.actors.index
    assert "snn" in case.actors_of("economie")
    notes = " ".join(case.ties.loc[case.ties["source"].eq("snn") | case.ties["target"].eq("snn"), "toelichting"]
                     .dropna())
    assert "EFRO" in notes


def test_the_labour_market_side_has_uwv_the_chamber_of_commerce_and_a_union(case):
    assert {"uwv", "kvk", "fnv"} <= set(case.actors_of("economie", 2024))
    assert "6.5" in case.opgaven.loc["economie", "domains"]


def test_the_grid_operator_is_missing_from_economie_and_first_to_ask(case):
    from opgavelab.metrics.coverage import candidate_partners, missing_domains

    assert "bedr-marknet" in case.actors_of("energie") and "bedr-marknet" not in case.actors_of("economie")
    assert "Netcapaciteit" in missing_domains(case, "economie", at=2024)
    cands = candidate_partners(case, "economie", at=2024)
    assert cands.index[0] == "bedr-marknet" and cands.loc["bedr-marknet", "n_ties"] >= 2
    assert "Netcapaciteit" in cands.loc["bedr-marknet", "reason"]


def test_public_order_is_the_mayors_police_prosecutors_and_riecs_not_the_safety_regions(case):
    domains = case.actors["domains"]
    assert "1.2" not in domains["vr"] and "1.1" in domains["vr"]
    for aid in ("burg-markenveen", "politie", "om-parket", "riec"):
        assert "1.2" in domains[aid], aid


def test_interest_organisations_of_entrepreneurs_and_farmers_have_one_type(case):
    assert case.actors.loc["ovm", "type"] == case.actors.loc["lto", "type"]
    assert case.actors["short_name"].notna().all()  # every actor has a short name for figures


def test_becoming_one_hangs_on_no_single_tie(case):
    from opgavelab.metrics.formation import formation, formation_events, formation_moment

    formed_from_parts = []
    for oid in case.opgaven.index:
        f = formation(case, oid)
        moment = formation_moment(f)
        if moment is None or f["n_components"].iloc[0] == 1:
            continue
        formed_from_parts.append(oid)
        ev = formation_events(case, oid)
        last = ev[(ev["event"] == "merge") & (ev["date"] == moment)]
        assert len(last) and all(len(t) >= 2 for t in last["ties"]), (oid, moment)
    assert "economie" in formed_from_parts and len(formed_from_parts) >= 3
