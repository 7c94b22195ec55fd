"""Network surveys: questionnaires out of a Case, answers back into a new one."""

from __future__ import annotations

import copy
import os
import shutil
import subprocess

import pandas as pd
import pytest
from openpyxl import Workbook, load_workbook

import opgavelab
from opgavelab import Case, ValidationError
from opgavelab.cli import main
from opgavelab.survey import read_survey, write_questionnaires

# what a Dutch respondent picks from the dropdowns
FREQ = {5: "wekelijks", 4: "wekelijks", 3: "maandelijks", 2: "een paar keer per jaar", 1: "één keer"}
NON_RESPONDENTS = {"bedr-bakkerij", "dr-turfmond"}
# (reporter, alter): the reporter forgets this partner, so the tie is one-sided
FORGOTTEN = {("bedr-metaal", "ovm"), ("hogeschool", "roc")}


# --------------------------------------------------------------------------
# filling questionnaires the way a respondent does in Excel
# --------------------------------------------------------------------------

def fill(path, answers: dict, aware=None, commitment=None, domains=()):
    """answers: alter id → (worked, frequency, kind, since, direction)."""
    wb = load_workbook(path)
    ws = wb["Samenwerking"] if "Samenwerking" in wb.sheetnames else wb["Collaboration"]
    for row in range(4, ws.max_row + 1):
        alter = ws.cell(row, 1).value
        if alter in answers:
            for col, value in zip("EFGHI", answers[alter]):
                ws[f"{col}{row}"] = value
    me = wb["Over u"] if "Over u" in wb.sheetnames else wb["About you"]
    me["C3"], me["C4"] = aware, commitment
    for row in range(7, me.max_row + 1):
        if me.cell(row, 1).value in domains:
            me.cell(row, 3).value = "ja"
    wb.save(path)


def true_answers(case, opgave):
    """What each actor would answer if it remembered every tie active in 2024."""
    ties = case.ties_at(2024, opgave)
    answers: dict[str, dict] = {}
    for t in ties.itertuples(index=False):
        for me, other in ((t.source, t.target), (t.target, t.source)):
            direction = None
            if t.directed:
                direction = "van ons naar hen" if me == t.source else "van hen naar ons"
            answers.setdefault(me, {}).setdefault(
                other, ("ja", FREQ[int(t.weight)], str(t.type), t.since.year, direction))
    return answers


@pytest.fixture(scope="module")
def blank(example, tmp_path_factory):
    folder = tmp_path_factory.mktemp("blank")
    files = write_questionnaires(example, "economie", folder)
    return folder, files


@pytest.fixture(scope="module")
def filled(example, blank, tmp_path_factory):
    """All but two actors answered from the true ties, two forgot one partner each."""
    source, files = blank
    folder = tmp_path_factory.mktemp("filled")
    for f in source.iterdir():
        shutil.copy(f, folder / f.name)
    answers = true_answers(example, "economie")
    for actor, path in files["file"].items():
        if actor in NON_RESPONDENTS:
            continue  # returned blank: non-response
        mine = {alter: a for alter, a in answers.get(actor, {}).items() if (actor, alter) not in FORGOTTEN}
        aware, commitment = ("nee", 1) if actor == "regio" else ("ja", 4)
        fill(folder / path.name, mine, aware=aware, commitment=commitment, domains=("3.1",))
    return folder, files, answers


def _pair(a, b):
    return tuple(sorted((a, b)))


# --------------------------------------------------------------------------
# the round trip
# --------------------------------------------------------------------------

def test_round_trip_ties_confirmations_report_and_unchanged_input(example, filled, tmp_path):
    folder, files, answers = filled
    before = copy.deepcopy(example)
    new = read_survey(folder, example, "economie")

    # the input case is unchanged, the new one is another object
    assert example.equals(before) and example.ties.equals(before.ties)
    assert new is not example

    eco = new.ties[new.ties["opgave"] == "economie"]
    pairs = {_pair(s, t): c for s, t, c in zip(eco["source"], eco["target"], eco["confirmation"])}
    respondents = set(files.index) - NON_RESPONDENTS
    true_pairs = {_pair(a, b) for a, alters in answers.items() for b in alters}
    expected = {p for p in true_pairs if set(p) & respondents}
    assert set(pairs) == expected
    for p in expected:
        both = set(p) <= respondents and not ({(p[0], p[1]), (p[1], p[0])} & FORGOTTEN)
        assert pairs[p] == ("bevestigd" if both else "eenzijdig"), p

    # provenance: who named it
    row = eco[(eco["source"] == "bedr-metaal") & (eco["target"] == "ovm")].iloc[0]
    assert (row["confirmation"], row["reported_by"]) == ("eenzijdig", "ovm")
    row = eco[(eco["source"] == "bedr-bakkerij") & (eco["target"] == "ovm")].iloc[0]
    assert (row["confirmation"], row["reported_by"]) == ("eenzijdig", "ovm")
    row = eco[(eco["source"] == "gem-markenveen") & (eco["target"] == "regio")].iloc[0]
    assert (row["confirmation"], row["reported_by"]) == ("bevestigd", "gem-markenveen; regio")
    # funding keeps its direction when both sides say the same
    row = eco[(eco["source"] == "prov") & (eco["target"] == "omo")].iloc[0]
    assert (row["type"], bool(row["directed"]), row["confirmation"]) == ("financiering", True, "bevestigd")
    # ties of other opgaven are kept as they were
    other = new.ties[new.ties["opgave"] != "economie"].reset_index(drop=True)
    old = example.ties[example.ties["opgave"] != "economie"].reset_index(drop=True)
    pd.testing.assert_frame_equal(other[old.columns], old, check_dtype=False, check_categorical=False)

    # awareness and commitment from the respondents' own answers
    inv = new.involvement.set_index(["actor", "opgave"])
    assert not inv.loc[("regio", "economie"), "aware"] and inv.loc[("regio", "economie"), "commitment"] == 1
    assert inv.loc[("ovm", "economie"), "commitment"] == 4
    assert inv.loc[("ovm", "economie"), "domains_contributed"] == "3.1"
    # a non-respondent keeps what the case said
    old_inv = example.involvement.set_index(["actor", "opgave"])
    assert inv.loc[("dr-turfmond", "economie"), "aware"] == old_inv.loc[("dr-turfmond", "economie"), "aware"]

    # the response report
    report = new.survey
    n = len(files)
    assert report.response_rate == pytest.approx((n - len(NON_RESPONDENTS)) / n)
    assert set(report.non_respondents.index) == NON_RESPONDENTS
    types = example.actors.loc[files.index, "type"]
    for kind in ("bedrijf", "maatschappelijke organisatie"):  # each has one non-respondent
        invited = int((types == kind).sum())
        assert report.by_type.loc[kind, ["invited", "answered"]].tolist() == [invited, invited - 1]
    assert report.by_scale["invited"].sum() == n
    among = {p for p in true_pairs if set(p) <= respondents}
    assert report.reciprocity == pytest.approx((len(among) - len(FORGOTTEN)) / len(among))
    text = "\n".join(report.summary())
    answered = n - len(NON_RESPONDENTS)
    assert f"Respons: {answered} van de {n} actoren antwoordden ({round(100 * answered / n)}%)." in text
    assert "Bakkerij De Graaf & Zn." in text and "Dorpsraad Turfmond" in text
    assert len(report.warnings) == 0


def test_non_response_options_change_the_ties(example, filled):
    folder, files, _ = filled
    respondents = set(files.index) - NON_RESPONDENTS
    confirmed = read_survey(folder, example, "economie", ties="confirmed")
    eco = confirmed.ties[confirmed.ties["opgave"] == "economie"]
    assert set(eco["confirmation"]) == {"bevestigd"}
    among = read_survey(folder, example, "economie", ties="reported_by_respondents")
    eco2 = among.ties[among.ties["opgave"] == "economie"]
    assert set(eco2["source"]) | set(eco2["target"]) <= respondents
    assert "eenzijdig" in set(eco2["confirmation"])  # the forgotten ties are still there
    n_any = len(among.survey.ties)  # every tie named, as ties="any" keeps them
    assert len(eco) < len(eco2) < n_any
    assert among.survey.ties["kept"].sum() == len(eco2) and confirmed.survey.ties["kept"].sum() == len(eco)


def test_a_respondent_who_answered_twice_is_a_problem_and_nothing_is_read(example, filled, tmp_path):
    folder, files, _ = filled
    work = tmp_path / "answers"
    shutil.copytree(folder, work)
    shutil.copy(work / "economie-regio.xlsx", work / "economie-regio-kopie.xlsx")
    before = copy.deepcopy(example)
    with pytest.raises(ValidationError, match=r"Respondent 'regio' heeft twee keer geantwoord") as info:
        read_survey(work, example, "economie")
    problems = info.value.problems
    assert len(problems) == 1
    assert problems.loc[0, "sheet"] == "economie-regio.xlsx"
    assert "economie-regio-kopie.xlsx" in problems.loc[0, "message"]
    assert "Houd één van de twee bestanden" in problems.loc[0, "hint"]
    assert example.equals(before)


# --------------------------------------------------------------------------
# the questionnaire itself
# --------------------------------------------------------------------------

def test_questionnaire_has_dropdowns_protection_roster_and_print_setup(example, blank):
    _, files = blank
    n = len(example.actors_of("economie"))
    assert len(files) == n and files.attrs["roster_csv"].name == "economie-rooster.csv"
    wb = load_workbook(files.loc["ovm", "file"])
    assert wb.sheetnames == ["Toelichting", "Samenwerking", "Over u", "_opgavelab"]
    assert wb["_opgavelab"].sheet_state == "veryHidden"
    info = wb["Toelichting"]
    text = " ".join(str(c.value) for row in info.iter_rows() for c in row if c.value)
    assert "Regionale economische groei Veenmarken" in text and "pseudoniemen" in text
    assert "Ondernemersvereniging Markenveen" in text

    ws = wb["Samenwerking"]
    assert [c.value for c in ws[3]][:5] == ["id", "Partij", "Type", "Schaalniveau",
                                            "Samengewerkt in het afgelopen jaar?"]
    roster = [ws.cell(r, 1).value for r in range(4, ws.max_row + 1)]
    assert len(roster) == n - 1 and "ovm" not in roster and "regio" in roster
    last = 3 + len(roster)
    assert ws.protection.sheet
    assert ws["A4"].protection.locked and ws["B4"].protection.locked and ws["C3"].protection.locked
    assert not ws["E4"].protection.locked and not ws["H36"].protection.locked
    rules = {str(dv.sqref): dv for dv in ws.data_validations.dataValidation}
    assert rules[f"E4:E{last}"].formula1 == '"ja,nee"'
    kinds = rules[f"G4:G{last}"].formula1
    assert all(k in kinds for k in ("samenwerking", "financiering", "informatie", "mandaat"))
    year = rules[f"H4:H{last}"]
    assert (year.type, year.formula1, year.showErrorMessage) == ("whole", "1900", True)
    assert all(dv.showErrorMessage for dv in rules.values())
    assert ws.page_setup.orientation == "landscape" and ws.print_title_rows == "$3:$3"
    assert ws.column_dimensions["B"].width >= 40

    me = wb["Over u"]
    assert me.protection.sheet and not me["C3"].protection.locked and not me["C4"].protection.locked
    commitment = [dv for dv in me.data_validations.dataValidation if str(dv.sqref) == "C4"][0]
    assert (commitment.type, commitment.formula1, commitment.formula2) == ("whole", "1", "5")
    assert me["A7"].value == "3.1"  # the opgave's needed domains come first


def test_roster_csv_has_one_row_per_respondent_and_alter(blank):
    _, files = blank
    roster = pd.read_csv(files.attrs["roster_csv"])
    assert len(roster) == len(files) * (len(files) - 1)
    assert roster[["respondent", "alter"]].duplicated().sum() == 0
    assert (roster["respondent"] != roster["alter"]).all()


def test_english_questionnaire_and_file_names_are_safe(tmp_path):
    case = tiny_case()
    files = write_questionnaires(case, "o1", tmp_path, lang="en", contact="A. Researcher, a@example.org")
    assert sorted(p.name for p in files["file"]) == ["o1-a-b.xlsx", "o1-a.xlsx", "o1-b.xlsx", "o1-c.xlsx", "o1-d.xlsx"]
    wb = load_workbook(files.loc["b", "file"])
    assert wb.sheetnames[:3] == ["Instructions", "Collaboration", "About you"]
    text = " ".join(str(c.value) for row in wb["Instructions"].iter_rows() for c in row if c.value)
    assert "A. Researcher, a@example.org" in text


def test_questionnaire_opens_in_libreoffice(blank, tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        msg = "LibreOffice (soffice) is not installed; .ci/run installs libreoffice-calc-nogui."
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(msg)
        pytest.skip(msg)
    _, files = blank
    src = tmp_path / "q.xlsx"
    shutil.copy(files.loc["ovm", "file"], src)
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path / 'lo'}",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(src)],
                   check=True, capture_output=True, timeout=180)
    pdf = tmp_path / "q.pdf"
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 10_000


# --------------------------------------------------------------------------
# bad answers: every problem at once, with file, row, column and a fix
# --------------------------------------------------------------------------

def tiny_case(contacts: bool = False) -> Case:
    actors = pd.DataFrame({
        "id": ["a", "b", "c", "d", "a/b", "e"],
        "naam": ["Gemeente A", "Bedrijf B", "Hogeschool C", "Jan Jansen", "Samenwerking A/B", "Stichting E"],
        "type": ["overheid", "bedrijf", "kennisinstelling", "burger", "overheid", "maatschappelijke organisatie"],
        "schaalniveau": ["lokaal", "regionaal", "regionaal", "buurt", "lokaal", "lokaal"],
        "domeinen": ["3.1", "3.1", "6.5", None, None, None],
    })
    if contacts:
        actors["contactpersoon (persoonsgegeven)"] = ["Piet; Klaas", "Marie", None, "Jan Jansen", None, None]
    return Case.from_frames(
        actors=actors,
        opgaven=pd.DataFrame({"id": ["o1", "o2"], "naam": ["Werk", "Wonen"], "domeinen": ["3.1; 8.1", "8.3"]}),
        involvement=pd.DataFrame({"actor": ["a", "b", "c", "d", "a/b", "e"],
                                  "opgave": ["o1", "o1", "o1", "o1", "o1", "o2"]}),
        ties=pd.DataFrame({"van": ["a"], "naar": ["b"], "type": ["samenwerking"], "opgave": ["o1"]}),
    )


@pytest.fixture
def tiny(tmp_path):
    case = tiny_case()
    files = write_questionnaires(case, "o1", tmp_path / "q")
    return case, files


def test_values_outside_the_dropdowns_are_all_listed_with_cell_and_fix(tiny):
    case, files = tiny
    fill(files.loc["a", "file"], {"b": ("misschien", "dagelijks", "vriendschap", 2099, None)}, commitment=7)
    fill(files.loc["b", "file"], {"a": ("ja", None, None, "vorig jaar", None)})
    with pytest.raises(ValidationError, match=r"6 problemen gevonden; er is niets ingelezen") as info:
        read_survey([files.loc["a", "file"], files.loc["b", "file"]], case, "o1")
    p = info.value.problems
    assert p[["sheet", "row", "column", "value"]].values.tolist() == [
        ["o1-a.xlsx: Samenwerking", 5, "E", "misschien"],
        ["o1-a.xlsx: Samenwerking", 5, "F", "dagelijks"],
        ["o1-a.xlsx: Samenwerking", 5, "G", "vriendschap"],
        ["o1-a.xlsx: Samenwerking", 5, "H", "2099"],
        ["o1-a.xlsx: Over u", 4, "C", "7"],
        ["o1-b.xlsx: Samenwerking", 4, "H", "vorig jaar"],
    ]
    assert p.loc[0, "hint"] == "Kies uit: ja, nee."
    assert "samenwerking, financiering, informatie, mandaat" in p.loc[2, "hint"]
    assert p.loc[5, "message"].startswith("'vorig jaar' is geen jaartal tussen 1900 en")


def test_questionnaire_from_another_opgave_is_named(tiny, tmp_path):
    case, files = tiny
    other = write_questionnaires(case, "o2", tmp_path / "o2")
    with pytest.raises(ValidationError, match=r"hoort bij opgave 'o2', niet bij 'o1'") as info:
        read_survey([files.loc["a", "file"], other.loc["e", "file"]], case, "o1")
    assert info.value.problems.loc[0, "hint"] == "Lees hem met opgave='o2', of haal hem uit deze map."


def test_questionnaire_from_an_older_roster_is_named(tiny):
    case, files = tiny
    newer = Case.from_frames(
        actors=case.actors.reset_index().rename(columns={"id": "id"}),
        opgaven=case.opgaven.reset_index(),
        involvement=pd.concat([case.involvement[["actor", "opgave"]],
                               pd.DataFrame({"actor": ["e"], "opgave": ["o1"]})], ignore_index=True),
    )
    with pytest.raises(ValidationError, match=r"andere lijst partijen dan de casus nu heeft \(nieuw: e\)"):
        read_survey(files.loc["a", "file"], newer, "o1")


def test_changed_roster_row_names_the_cell(tiny):
    case, files = tiny
    wb = load_workbook(files.loc["a", "file"])
    wb["Samenwerking"]["B5"] = "Bedrijf Bee"
    wb.save(files.loc["a", "file"])
    with pytest.raises(ValidationError, match=r"Deze rij van de lijst partijen is veranderd; verwacht: b / Bedrijf B"
                       ) as info:
        read_survey(files.loc["a", "file"], case, "o1")
    assert info.value.problems.loc[0, ["row", "column"]].tolist() == [5, "A"]


def test_empty_file_and_foreign_workbook_are_listed_together(tiny, tmp_path):
    case, files = tiny
    empty = tmp_path / "leeg.xlsx"
    empty.write_bytes(b"")
    foreign = tmp_path / "iets.xlsx"
    Workbook().save(foreign)
    with pytest.raises(ValidationError, match="2 problemen gevonden") as info:
        read_survey([empty, foreign, files.loc["a", "file"]], case, "o1")
    messages = info.value.problems["message"].tolist()
    assert messages[0] == "Het bestand is leeg (0 bytes)."
    assert messages[1].startswith("Dit is geen vragenlijst van opgavelab")
    assert info.value.problems["sheet"].tolist() == ["leeg.xlsx", "iets.xlsx"]


def test_empty_folder_is_a_problem(tmp_path):
    with pytest.raises(ValidationError, match="Geen ingevulde vragenlijsten gevonden"):
        read_survey(tmp_path, tiny_case(), "o1")


def test_no_with_other_answers_is_a_warning(tiny):
    case, files = tiny
    fill(files.loc["a", "file"], {"b": ("nee", "wekelijks", None, None, None)})
    new = read_survey(files.loc["a", "file"], case, "o1")
    w = new.survey.warnings
    assert len(w) == 1 and w.loc[0, "message"].startswith("Hier staat 'nee' maar ook andere antwoorden")
    assert len(new.ties) == 0


def test_bad_arguments_name_the_allowed_values(tiny):
    case, files = tiny
    with pytest.raises(ValueError, match=r"'ties' must be one of \['any', 'confirmed', 'reported_by_respondents'\]"):
        read_survey(files.loc["a", "file"], case, "o1", ties="all")
    with pytest.raises(ValueError, match=r"'per' must be one of \['actor', 'contact'\], got 'person'"):
        write_questionnaires(case, "o1", "unused", per="person")
    with pytest.raises(ValueError, match=r"per='contact' needs a column of contact persons"):
        write_questionnaires(case, "o1", "unused", per="contact")
    with pytest.raises(TypeError, match="'case' must be an opgavelab Case"):
        write_questionnaires("case.xlsx", "o1", "unused")


def test_english_answers_read_back_and_csv_roster(tmp_path):
    case = tiny_case()
    files = write_questionnaires(case, "o1", tmp_path, lang="en")
    fill(files.loc["a", "file"], {"b": ("yes", "weekly", "funding", 2020, "from us to them")}, aware="yes",
         commitment=5)
    roster = pd.read_csv(files.attrs["roster_csv"], dtype=str, keep_default_na=False)
    row = (roster["respondent"] == "b") & (roster["alter"] == "a")
    roster.loc[row, ["worked_together", "tie_type", "direction"]] = ["yes", "financiering", "from them to us"]
    roster.loc[(roster["respondent"] == "c") & (roster["alter"] == "a"), "worked_together"] = "ja"
    roster.to_csv(files.attrs["roster_csv"], index=False)
    new = read_survey(tmp_path, case, "o1", lang="en")
    t = new.ties.set_index(["source", "target"])
    assert t.loc[("a", "b"), ["type", "directed", "confirmation", "reported_by"]].tolist() == [
        "financiering", True, "bevestigd", "a; b"]
    assert t.loc[("a", "c"), ["type", "confirmation", "reported_by"]].tolist() == [
        "samenwerking", "eenzijdig", "c"]
    assert new.survey.response_rate == pytest.approx(3 / 5)
    assert "Response: 3 of the 5 actors answered (60%)." in repr(new.survey)


def test_per_contact_person_and_pseudonymise(tmp_path):
    case = tiny_case(contacts=True)
    files = write_questionnaires(case, "o1", tmp_path, per="contact")
    assert files["contact"].tolist()[:2] == ["Piet", "Klaas"] or "Piet" in files["contact"].tolist()
    assert "o1-a-1.xlsx" in {p.name for p in files["file"]} and not any("Piet" in p.name for p in files["file"])
    fill(files.loc["d#1", "file"], {"a": ("ja", "wekelijks", None, None, None)})
    fill(files.loc["a#2", "file"], {"d": ("ja", "maandelijks", None, None, None)}, commitment=2)
    fill(files.loc["a#1", "file"], {}, commitment=4)
    new = read_survey(tmp_path, case, "o1")
    assert new.survey.respondents.loc["a#1", "contact"] == "Piet"
    inv = new.involvement.set_index("actor")
    assert inv.loc["a", "commitment"] == 3  # the mean of two contact persons
    safe = opgavelab.pseudonymise(new, key="een lange geheime sleutel")
    pseudonym = safe.actors.index[safe.actors["type"] == "burger"][0]
    assert pseudonym.startswith("burger-")
    assert safe.ties["reported_by"].str.contains(pseudonym).any()
    report = safe.survey
    assert report.respondents["contact"].isna().all() and report.respondents["file"].isna().all()
    tables = [report.actors, report.respondents, report.ties, report.answers, report.non_respondents]
    text = " ".join(t.reset_index().astype(str).to_csv() for t in tables)
    assert "Jan Jansen" not in text and ",d," not in text and "Piet" not in text
    assert "Jan Jansen" in new.survey.actors["name"].tolist()  # the original is untouched


def test_cli_survey_and_read_survey(tmp_path, capsys):
    case = tiny_case()
    path = opgavelab.save(case, tmp_path / "case.xlsx")
    assert main(["survey", str(path), "--opgave", "o1", "--out", str(tmp_path / "q"), "--lang", "en"]) == 0
    assert "5 questionnaires written to" in capsys.readouterr().out
    fill(tmp_path / "q" / "o1-a.xlsx", {"b": ("yes", None, None, None, None)})
    code = main(["read-survey", str(path), str(tmp_path / "q"), "--opgave", "o1", "--out",
                 str(tmp_path / "new.xlsx"), "--ties", "any"])
    out = capsys.readouterr().out
    assert code == 0 and "Respons: 1 van de 5 actoren antwoordden (20%)." in out
    assert len(opgavelab.load(tmp_path / "new.xlsx").ties) == 1
    fill(tmp_path / "q" / "o1-b.xlsx", {"a": ("zeker", None, None, None, None)})
    code = main(["read-survey", str(path), str(tmp_path / "q"), "--opgave", "o1", "--out", str(tmp_path / "n2.xlsx")])
    assert code == 1 and "'zeker' is geen keuze uit de lijst." in capsys.readouterr().out
    assert main(["survey", str(path), "--opgave", "nope", "--out", str(tmp_path / "x")]) == 1


def test_simulated_answers_are_seeded_and_follow_response_and_recall(tmp_path):
    from opgavelab.survey import simulate_answers

    case = tiny_case()
    files = write_questionnaires(case, "o1", tmp_path / "a")
    everyone = simulate_answers(files, case, "o1", response=1.0, recall=1.0)
    assert everyone["answered"].all() and everyone.loc["a", "n_named"] == 1
    new = read_survey(tmp_path / "a", case, "o1")
    assert new.ties[["source", "target", "confirmation"]].values.tolist() == [["a", "b", "bevestigd"]]
    files2 = write_questionnaires(case, "o1", tmp_path / "b")
    nobody = simulate_answers(files2, case, "o1", response=0.0)
    assert not nobody["answered"].any()
    assert simulate_answers(files2, case, "o1", response=0.5, seed=3)["answered"].tolist() == \
        simulate_answers(files2, case, "o1", response=0.5, seed=3)["answered"].tolist()
    with pytest.raises(ValueError, match=r"'recall' must be a probability between 0 and 1, got 2"):
        simulate_answers(files, case, "o1", recall=2)


def test_all_actors_and_mixed_rounds(tmp_path):
    case = tiny_case()
    everyone = write_questionnaires(case, "o1", tmp_path / "all", actors="all")
    assert "e" in everyone.index and len(everyone) == 6
    wb = load_workbook(everyone.loc["a", "file"])
    assert [wb["Samenwerking"].cell(r, 1).value for r in range(4, 9)] == ["a/b", "b", "e", "c", "d"]
    involved = write_questionnaires(case, "o1", tmp_path / "inv")
    with pytest.raises(ValidationError, match=r"met verschillende instellingen gemaakt .*actors=all.*actors=involved"):
        read_survey([everyone.loc["e", "file"], involved.loc["b", "file"]], case, "o1")
    new = read_survey(tmp_path / "all", case, "o1")
    assert len(new.survey.actors) == 6 and new.survey.response_rate == 0


def test_every_survey_message_has_both_languages_with_the_same_fields():
    import string

    from opgavelab._i18n import _catalogue

    keys = [k for k in _catalogue("nl")[0] if k.startswith("sv_")]
    assert len(keys) > 90
    for key in keys:
        nl, en = _catalogue("nl")[0][key], _catalogue("en")[0].get(key)
        assert nl and en, key
        forms = [form for text in (nl, en) for form in (text if isinstance(text, tuple) else (text,))]
        fields = [{f for _, f, _, _ in string.Formatter().parse(t) if f} for t in forms]
        assert all(f == fields[0] for f in fields), key
    assert opgavelab.example().survey is None


def test_a_simulated_tie_without_a_type_reads_back(tmp_path):
    # a tie without a type was written as the answer 'nan', which read_survey then refused
    from opgavelab.survey import simulate_answers

    case = tiny_case()
    case.ties.loc[case.ties.index[0], "type"] = None
    files = write_questionnaires(case, "o1", tmp_path / "q")
    simulate_answers(files, case, "o1", response=1.0, recall=1.0)
    new = read_survey(tmp_path / "q", case, "o1")
    assert new.ties[["source", "target", "confirmation"]].values.tolist() == [["a", "b", "bevestigd"]]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_survey_summary_counts_one_actor_and_one_pair_in_the_singular(tmp_path, lang):
    from opgavelab.survey import simulate_answers

    case = Case.from_frames(
        actors=pd.DataFrame({"id": ["a", "b"], "naam": ["A", "B"], "type": ["overheid", "bedrijf"]}),
        opgaven=pd.DataFrame({"id": ["o1"], "naam": ["Werk"]}),
        involvement=pd.DataFrame({"actor": ["a", "b"], "opgave": ["o1", "o1"]}),
        ties=pd.DataFrame({"van": ["a"], "naar": ["b"], "type": ["samenwerking"], "opgave": ["o1"]}))
    files = write_questionnaires(case, "o1", tmp_path / "q", lang=lang)
    simulate_answers(files, case, "o1", response=1.0, recall=1.0)
    summary = read_survey(tmp_path / "q", case, "o1", lang=lang).survey.summary()
    singular = {"nl": ["van de 1 paren", "van de 1 genoemde"], "en": ["of the 1 pairs", "of the 1 named"]}[lang]
    assert not any(wrong in line for line in summary for wrong in singular), summary
    assert {"nl": "van 1 paar", "en": "of 1 pair"}[lang] in " ".join(summary)
