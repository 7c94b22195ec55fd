"""Cleaning steps for Dutch public data, each on a small hand-made case."""

from __future__ import annotations

import pandas as pd
import pytest

from opgavelab import public_bodies as pb

# --- mojibake ------------------------------------------------------------


def test_fix_mojibake_repairs_double_encoded_utf8():
    raw = pd.Series(["Provincie FryslÃ¢n", "SÃºdwest-FryslÃ¢n", "CoÃ¶peratie", "Waterschap â€™t Suydevelt"])
    assert pb.fix_mojibake(raw).tolist() == [
        "Provincie Fryslân", "Súdwest-Fryslân", "Coöperatie", "Waterschap ’t Suydevelt"]


def test_fix_mojibake_leaves_correct_text_and_missing_values_alone():
    raw = pd.Series(["Fryslân", "Café", "Sneek", None], index=[10, 11, 12, 13])
    fixed = pb.fix_mojibake(raw)
    assert fixed.tolist() == ["Fryslân", "Café", "Sneek", None]
    assert list(fixed.index) == [10, 11, 12, 13]


def test_has_mojibake_spots_the_traces():
    assert pb.has_mojibake("GroÃŸefehn")
    assert not pb.has_mojibake("Großefehn")
    assert not pb.has_mojibake(None)


def test_fix_mojibake_rejects_a_number():
    with pytest.raises(TypeError, match="'values' must be a pandas Series or an iterable of names, got int"):
        pb.fix_mojibake(5)


# --- normalising ---------------------------------------------------------


@pytest.mark.parametrize(("raw", "clean"), [
    ("  Dronten ", "Dronten"),
    ("Overbetuwe,", "Overbetuwe"),
    ("Aa  en\u00a0Hunze", "Aa en Hunze"),
    ("Capelle aan den Ijssel", "Capelle aan den IJssel"),
    ("Waterschap \u2019t Suydevelt", "Waterschap 't Suydevelt"),
    ("Midden\u2013Delfland", "Midden-Delfland"),
    ("Regio ( RA )", "Regio (RA)"),
])
def test_normalise_name_tidies_spaces_quotes_dashes_and_ij(raw, clean):
    assert pb.normalise_name(raw) == clean


def test_normalise_name_keeps_non_text():
    assert pb.normalise_name(None) is None


def test_normalise_names_prefers_spelling_without_inner_capitals():
    # "EnkHuizen" is more frequent, but the capital inside the word marks it as the typo
    names = pd.Series(["EnkHuizen"] * 3 + ["Enkhuizen"])
    assert set(pb.normalise_names(names)) == {"Enkhuizen"}


def test_normalise_names_prefers_the_most_frequent_of_equal_spellings():
    names = pd.Series(["Het Bildt", "Het Bildt", "het Bildt"])
    assert pb.normalise_names(names).tolist() == ["Het Bildt"] * 3


def test_normalise_names_leaves_different_names_apart():
    names = pd.Series(["Haren", "Haaren"])
    assert pb.normalise_names(names).tolist() == ["Haren", "Haaren"]


def test_name_key_ignores_hyphens_accents_case_and_abbreviations():
    assert pb.name_key("Sint-Oedenrode") == pb.name_key("sint oedenrode")
    assert pb.name_key("Súdwest-Fryslân") == pb.name_key("Sudwest Fryslan")
    assert pb.name_key("Crematoria Twente (OLCT)") == pb.name_key("Crematoria Twente")
    assert pb.name_key("Streekraad (in liquidatie)") == "streekraad"


def test_name_key_keeps_province_codes_that_tell_places_apart():
    assert pb.name_key("Bergen (NH)") != pb.name_key("Bergen (L)")
    assert pb.name_key("Bergen (NH.)") == pb.name_key("Bergen (NH)")


# --- near-duplicates -------------------------------------------------------


def test_near_duplicates_flags_a_misspelling_and_suggests_the_frequent_spelling():
    names = ["Provincie Overijssel"] * 2 + ["Provincie Overrijssel"] + ["Provincie Utrecht"]
    pairs = pb.near_duplicates(names)
    assert len(pairs) == 1
    row = pairs.iloc[0]
    assert (row["name"], row["candidate"]) == ("Provincie Overrijssel", "Provincie Overijssel")
    # difflib ratio on the keys "provincie overijssel" (20) and "provincie overrijssel" (21): 2·20/41
    assert row["similarity"] == pytest.approx(2 * 20 / 41, abs=1e-3)
    assert (row["n_name"], row["n_candidate"]) == (1, 2)


def test_near_duplicates_scores_hyphen_variants_as_equal():
    pairs = pb.near_duplicates(["Sint-Oedenrode", "Sint Oedenrode"])
    assert pairs["similarity"].tolist() == [1.0]


def test_near_duplicates_never_flags_two_known_names():
    names = ["Haren", "Haaren"]
    assert len(pb.near_duplicates(names)) == 1
    assert pb.near_duplicates(names, known=["Haren", "Haaren"]).empty


def test_near_duplicates_keeps_the_known_spelling_even_when_rarer():
    names = ["Provincie Overrijssel"] * 5 + ["Provincie Overijssel"]
    pairs = pb.near_duplicates(names, known=["Provincie Overijssel"])
    assert pairs.iloc[0]["candidate"] == "Provincie Overijssel"


def test_near_duplicates_respects_the_threshold():
    names = ["Haaksbergen", "Haasbergen"]  # ratio 0.952
    assert len(pb.near_duplicates(names, threshold=0.95)) == 1
    assert pb.near_duplicates(names, threshold=0.96).empty


def test_near_duplicates_of_nothing_is_an_empty_table():
    pairs = pb.near_duplicates([])
    assert pairs.empty
    assert list(pairs.columns) == ["name", "candidate", "similarity", "n_name", "n_candidate"]


@pytest.mark.parametrize("bad", [0, 1.5, "0.9", True])
def test_near_duplicates_rejects_a_bad_threshold(bad):
    with pytest.raises(ValueError, match=r"'threshold' must be a number in \(0, 1\]"):
        pb.near_duplicates(["a", "b"], threshold=bad)


# --- public bodies ---------------------------------------------------------


@pytest.mark.parametrize(("name", "expected"), [
    ("Groningen", ("overheid", "lokaal", "gemeente")),
    ("Gemeente Utrecht", ("overheid", "lokaal", "gemeente")),
    ("Provincie Fryslân", ("overheid", "provinciaal", "provincie")),
    ("Waterschap Aa en Maas", ("overheid", "regionaal", "waterschap")),
    ("Hoogheemraadschap van Delfland", ("overheid", "regionaal", "waterschap")),
    ("Wetterskip Fryslân", ("overheid", "regionaal", "waterschap")),
    ("Veiligheidsregio Amsterdam", ("overheid", "regionaal", "veiligheidsregio")),
    ("GGD Drenthe", ("overheid", "regionaal", "GGD")),
    ("Omgevingsdienst Groningen", ("overheid", "regionaal", "omgevingsdienst")),
    ("Recreatieschap Stichtse Groenlanden", ("overheid", "regionaal", "openbaar lichaam (schap)")),
    ("Stadsregio Amsterdam", ("overheid", "regionaal", "regio")),
    ("Regionale Afvalstoffendienst Hoeksche Waard", ("overheid", "regionaal", "regionale dienst")),
    ("Landkreis Leer (Duitsland)", ("overheid", "regionaal", "Kreis")),
    ("Alpen (Duitsland)", ("overheid", "lokaal", "Gemeinde")),
    ("Ministerie van Onderwijs, Cultuur en Wetenschap", ("overheid", "nationaal", "ministerie")),
    ("Rijksarchief Gelderland", ("overheid", "nationaal", "rijksdienst")),
    ("Stichting ISOB", ("maatschappelijke organisatie", None, "stichting")),
    ("Sita Gemeentelijke Dienstverlening BV", ("bedrijf", None, "bedrijf")),
    ("Kamer van Koophandel", ("bedrijf", "nationaal", "kamer van koophandel")),
])
def test_classify_public_body_by_keyword_or_bare_name(name, expected):
    assert pb.classify_public_body(name) == expected


def test_classify_public_body_rejects_a_non_string():
    with pytest.raises(TypeError, match="'name' must be a str, got int"):
        pb.classify_public_body(3)


def test_classify_public_bodies_says_on_what_basis():
    table = pb.classify_public_bodies(["Provincie Utrecht", "Zeist", "Zaanstreek", "Hengelo"],
                                      municipalities=["Zeist", "Hengelo (O)"])
    assert table["basis"].to_dict() == {
        "Provincie Utrecht": "keyword", "Zeist": "municipality list",
        "Zaanstreek": "bare name", "Hengelo": "municipality list"}
    assert table["recognised"].to_dict() == {
        "Provincie Utrecht": True, "Zeist": True, "Zaanstreek": False, "Hengelo": True}
    assert table.loc["Provincie Utrecht", "tier"] == "provincie"


def test_classify_public_bodies_without_a_list_leaves_bare_names_unverified():
    table = pb.classify_public_bodies(["Zeist"])
    assert table.loc["Zeist", "basis"] == "bare name"
    assert table.loc["Zeist", "kind"] == "gemeente"


def test_public_body_rules_is_a_table_ending_with_the_bare_name_rule():
    rules = pb.public_body_rules()
    assert list(rules.columns) == ["soort", "bestuurslaag", "actortype", "schaalniveau", "patroon", "voorbeeld"]
    assert rules.iloc[-1]["soort"] == "gemeente"
    # every example in the table is classified by its own rule
    for rec in rules.iloc[:-1].itertuples(index=False):
        assert pb.classify_public_body(rec.voorbeeld)[2] == rec.soort
    assert list(pb.public_body_rules("en").columns)[0] == "kind"


def test_public_body_rules_rejects_an_unknown_language():
    with pytest.raises(ValueError, match=r"'lang' must be one of \['nl', 'en'\], got 'de'"):
        pb.public_body_rules("de")


# --- arrangements ------------------------------------------------------------


@pytest.mark.parametrize(("name", "category"), [
    ("Veiligheidsregio Groningen", "veiligheid"),
    ("Veiligheids- en Gezondheidsregio Gelderland Midden (VGGM)", "veiligheid"),
    ("GGD Drenthe", "gezondheid"),
    ("Openbare gezondheidszorg West-Brabant (GROGZ; GGD, GHOR, AMK)", "gezondheid"),
    ("Jeugdhulp Rijnmond", "jeugd"),
    ("Belastingsamenwerking Gemeenten en Waterschappen (BsGW)", "belastingen"),
    ("Afvalwater Vught", "water"),
    ("Afvalverwijdering Utrecht (AVU)", "afval"),
    ("Omgevingsdienst Groningen", "milieu en omgevingsdienst"),
    ("Werkvoorzieningschap Tomingroep", "werk en inkomen"),
    ("Centrum Regeling Sociaal Domein Flevoland", "sociaal domein"),
    ("Regionalisering Leerplicht West-Brabant", "onderwijs"),
    ("Streekarchief Midden-Holland", "cultuur en erfgoed"),
    ("Recreatieschap Drenthe", "recreatie en natuur"),
    ("Bedrijvenschap Hoefweg", "economie"),
    ("Wegschap Dordtse kil", "verkeer en vervoer"),
    ("Welstand en Monumenten Midden-Nederland", "ruimte en wonen"),
    ("Het Waterschapshuis", "bedrijfsvoering en ICT"),
    ("Regio Twente", "bestuur en regionale samenwerking"),
    ("DSW Rijswijk", "overig"),
])
def test_classify_arrangement_by_keyword(name, category):
    assert pb.classify_arrangement(name) == category


def test_classify_arrangement_rejects_a_non_string():
    with pytest.raises(TypeError, match="'name' must be a str, got NoneType"):
        pb.classify_arrangement(None)


def test_arrangement_rules_list_every_category_once_with_its_task_field():
    rules = pb.arrangement_rules()
    assert rules["categorie"].is_unique
    assert rules["categorie"].iloc[-1] == "overig"
    assert rules.set_index("categorie").loc["afval", "taakveld"] == "7"
    assert "waste" in set(pb.arrangement_rules("en")["category"])


# --- provinces and reference lists -------------------------------------------


@pytest.mark.parametrize(("text", "province"), [
    ("Provincie Noord Brabant", "Noord-Brabant"),
    ("Provincie Fryslân", "Fryslân"),
    ("Provincie FryslÃ¢n", "Fryslân"),
    ("Friesland", "Fryslân"),
    ("Limburg (NL)", "Limburg"),
    ("Provincie Overrijssel", None),  # a misspelling is not guessed
    ("Noordrijn-Westfalen (Duitsland)", None),
    (None, None),
])
def test_canonical_province(text, province):
    assert pb.canonical_province(text) == province


def test_match_names_finds_spelling_variants_and_leaves_ambiguous_names():
    matched = pb.match_names(["Súdwest-Fryslân", "Hengelo", "Nuenen", "Bergen", "Sneek"],
                             ["Súdwest Fryslân", "Hengelo (O)", "Nuenen, Gerwen en Nederwetten",
                              "Bergen (L)", "Bergen (NH)"])
    assert matched.to_dict() == {"Súdwest-Fryslân": "Súdwest Fryslân", "Hengelo": "Hengelo (O)",
                                 "Nuenen": "Nuenen, Gerwen en Nederwetten", "Bergen": None, "Sneek": None}


def _write_atlas(path, name, region, rows):
    text = f'\ufeff"Gemeente";"CBS";"{region}";"Inwoneraantal van regio"\n'
    text += "".join(f'"{g}";"{c}";"{r}";"1"\n' for g, c, r in rows)
    path.write_text(text, encoding="utf-8")


def test_read_regioatlas_joins_the_files_per_municipality(tmp_path):
    _write_atlas(tmp_path / "regioatlas_provincies.csv", "p", "Provincies",
                 [("Zeist", "0355", "Utrecht"), ("Aalten", "0197", "Gelderland")])
    _write_atlas(tmp_path / "regioatlas_ggds.csv", "g", "GGD's", [("Zeist", "0355", "GGD regio Utrecht")])
    atlas = pb.read_regioatlas(tmp_path)
    assert atlas.loc["Zeist", "provincies"] == "Utrecht"
    assert atlas.loc["Zeist", "ggds"] == "GGD regio Utrecht"
    assert atlas.loc["Aalten", "cbs"] == "0197"


def test_read_regioatlas_reads_the_repository_layout(tmp_path):
    (tmp_path / "regioatlas" / "Bestuurlijk").mkdir(parents=True)
    _write_atlas(tmp_path / "regioatlas" / "Bestuurlijk" / "provincies.csv", "p", "Provincies",
                 [("Zeist", "0355", "Utrecht")])
    assert pb.read_regioatlas(tmp_path).loc["Zeist", "provincies"] == "Utrecht"


def test_read_regioatlas_says_where_to_get_the_files(tmp_path):
    with pytest.raises(FileNotFoundError, match="No regioatlas files .*github.com/openstate/datasets"):
        pb.read_regioatlas(tmp_path)


def test_read_regioatlas_needs_a_gemeente_column(tmp_path):
    (tmp_path / "regioatlas_x.csv").write_text("a;b;c\n1;2;3\n", encoding="utf-8")
    with pytest.raises(FileNotFoundError, match="No regioatlas table with a 'Gemeente' column"):
        pb.read_regioatlas(tmp_path)


def test_find_opengr_follows_path_then_environment_then_neighbours(tmp_path, monkeypatch):
    data = tmp_path / "shared" / "data" / "opengr"
    data.mkdir(parents=True)
    (data / "opengr_provincies.csv").write_text("Deelnemer\n", encoding="utf-8")
    notebooks = tmp_path / "repo" / "notebooks"
    notebooks.mkdir(parents=True)
    monkeypatch.delenv("OPGAVELAB_OPENGR", raising=False)
    assert pb.find_opengr(start=notebooks) == data.resolve()
    assert pb.find_opengr(start=tmp_path / "elsewhere" / "a" / "b") is None
    monkeypatch.setenv("OPGAVELAB_OPENGR", str(data))
    assert pb.find_opengr(start=tmp_path / "elsewhere") == data.resolve()
    assert pb.find_opengr(data, start=tmp_path) == data.resolve()


def test_opengr_source_points_at_the_open_state_repository():
    assert "github.com/openstate/datasets" in pb.opengr_source()
    assert "OPGAVELAB_OPENGR" in pb.opengr_source("en")
    with pytest.raises(ValueError, match="'lang' must be one of"):
        pb.opengr_source("fr")
