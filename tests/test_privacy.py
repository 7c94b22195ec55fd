"""Pseudonyms for people and dropping personal columns (opgavelab.privacy)."""

from __future__ import annotations

import doctest
import hashlib
import hmac
import os
import subprocess
import sys
import textwrap
import warnings
from pathlib import Path

import pandas as pd
import pytest

import opgavelab
from opgavelab import OpgavelabWarning
from opgavelab import privacy as privacy_module
from opgavelab.privacy import is_personal_column, pseudonymise

KEY = "een-lange-geheime-sleutel-voor-tests"
OTHER_KEY = "een-andere-geheime-sleutel-voor-tests"


def expected_hex(actor_id: str, key: str = KEY, digits: int = 6) -> str:
    """HMAC-SHA256 as documented, computed here independently of the module."""
    return hmac.new(key.encode(), b"opgavelab-actor\x00" + actor_id.encode(), hashlib.sha256).hexdigest()[:digits]


def make_case(lang="nl", extra_actors=()):
    actors = pd.DataFrame({
        "id": ["gem", "jan-jansen", "piet", "bedr", *[a[0] for a in extra_actors]],
        "naam": ["Gemeente Zuidhoek", "Jan Jansen", "Piet de Vries", "Bakkerij De Graaf",
                 *[a[1] for a in extra_actors]],
        "type": ["overheid", "burger", "burger", "bedrijf", *[a[2] for a in extra_actors]],
        "telefoon (persoonsgegeven)": [None, "06-12345678", "06-87654321", None, *[None] * len(extra_actors)],
        "toelichting": ["Centrumgemeente", "Woont aan de Dorpsstraat", "Vrijwilliger", "Familiebedrijf",
                        *["-"] * len(extra_actors)],
        "leeftijd": [None, 67, 34, None, *[None] * len(extra_actors)],
    })
    opgaven = pd.DataFrame({"id": ["buurt", "econ"], "naam": ["Buurtaanpak", "Economie"]})
    involvement = pd.DataFrame({
        "actor": ["gem", "jan-jansen", "piet", "bedr", "gem"],
        "opgave": ["buurt", "buurt", "buurt", "econ", "econ"],
        "notitie (Personal)": ["", "belde op 3 mei", "", "", ""],
    })
    ties = pd.DataFrame({
        "van": ["gem", "jan-jansen", "piet", "bedr"],
        "naar": ["jan-jansen", "piet", "gem", "gem"],
        "type": ["informatie", "samenwerking", "samenwerking", "financiering"],
    })
    return opgavelab.Case.from_frames(actors, opgaven, involvement, ties, lang=lang)


@pytest.fixture
def case():
    return make_case()


# --------------------------------------------------------------------------
# names and ids
# --------------------------------------------------------------------------

def test_names_and_ids_of_citizens_become_keyed_pseudonyms(case):
    safe = pseudonymise(case, key=KEY)
    jan, piet = expected_hex("jan-jansen"), expected_hex("piet")
    assert list(safe.actors.index) == ["gem", f"burger-{jan}", f"burger-{piet}", "bedr"]
    assert safe.actors.loc[f"burger-{jan}", "name"] == f"Burger {jan}"
    assert safe.actors.loc[f"burger-{piet}", "name"] == f"Burger {piet}"
    assert safe.actors.loc[f"burger-{jan}", "type"] == "burger"


def test_references_are_replaced_consistently(case):
    safe = pseudonymise(case, key=KEY)
    jan, piet = f"burger-{expected_hex('jan-jansen')}", f"burger-{expected_hex('piet')}"
    assert safe.involvement["actor"].tolist() == ["gem", jan, piet, "bedr", "gem"]
    assert safe.ties["source"].tolist() == ["gem", jan, piet, "bedr"]
    assert safe.ties["target"].tolist() == [jan, piet, "gem", "gem"]
    everything = pd.concat([safe.actors.reset_index().astype(str), safe.involvement.astype(str),
                            safe.ties.astype(str)]).to_numpy().ravel().tolist()
    assert not any(v in ("jan-jansen", "piet", "Jan Jansen", "Piet de Vries") for v in everything)


def test_same_key_gives_the_same_pseudonyms_on_every_run(case):
    first = pseudonymise(case, key=KEY)
    second = pseudonymise(make_case(), key=KEY)
    assert first.equals(second)


def test_same_key_gives_the_same_pseudonyms_in_another_process(case, monkeypatch):
    monkeypatch.setenv("OPGAVELAB_PSEUDONYM_KEY", KEY)
    code = textwrap.dedent("""
        import sys
        sys.path.insert(0, sys.argv[1])
        from tests.test_privacy import make_case
        from opgavelab.privacy import pseudonymise
        print(",".join(pseudonymise(make_case()).actors.index))
    """)
    root = str(Path(__file__).resolve().parents[1])
    out = subprocess.run([sys.executable, "-c", code, root], capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONHASHSEED": "12345"})
    assert out.stdout.strip().split(",") == list(pseudonymise(case, key=KEY).actors.index)


def test_another_key_gives_other_pseudonyms(case):
    ours = pseudonymise(case, key=KEY).actors.index
    theirs = pseudonymise(case, key=OTHER_KEY).actors.index
    assert ours[0] == theirs[0] == "gem"
    assert ours[1] != theirs[1] and ours[2] != theirs[2]
    assert theirs[1] == f"burger-{expected_hex('jan-jansen', OTHER_KEY)}"


def test_key_from_the_environment(case, monkeypatch):
    monkeypatch.setenv("OPGAVELAB_PSEUDONYM_KEY", KEY)
    assert pseudonymise(case).equals(pseudonymise(case, key=KEY))


def test_key_may_be_bytes(case):
    assert pseudonymise(case, key=KEY.encode()).equals(pseudonymise(case, key=KEY))


def test_english_names_and_the_same_ids(case):
    nl = pseudonymise(case, key=KEY)
    en = pseudonymise(case, key=KEY, lang="en")
    assert list(en.actors.index) == list(nl.actors.index)
    jan = expected_hex("jan-jansen")
    assert en.actors.loc[f"burger-{jan}", "name"] == f"Citizen {jan}"
    assert pseudonymise(make_case(lang="en"), key=KEY).actors.loc[f"burger-{jan}", "name"] == f"Citizen {jan}"


def test_other_actor_types_are_untouched(case):
    safe = pseudonymise(case, key=KEY)
    for actor in ("gem", "bedr"):
        assert safe.actors.loc[actor, "name"] == case.actors.loc[actor, "name"]
        assert safe.actors.loc[actor, "toelichting"] == case.actors.loc[actor, "toelichting"]
    pd.testing.assert_frame_equal(safe.opgaven, case.opgaven)


@pytest.mark.parametrize("types", ["citizen", "Burgers", ["burger"], ("inwoners",)])
def test_types_by_label_or_alias(case, types):
    assert pseudonymise(case, types=types, key=KEY).equals(pseudonymise(case, key=KEY))


def test_several_types(case):
    safe = pseudonymise(case, types=["burger", "bedrijf"], key=KEY)
    bedr = expected_hex("bedr")
    assert f"bedrijf-{bedr}" in safe.actors.index
    assert safe.actors.loc[f"bedrijf-{bedr}", "name"] == f"Bedrijf {bedr}"
    assert "gem" in safe.actors.index


def test_two_people_sharing_six_digits_get_longer_pseudonyms():
    seen = {}
    for n in range(200_000):
        digits = expected_hex(f"p{n}")
        if digits in seen:
            a, b = seen[digits], f"p{n}"
            break
        seen[digits] = f"p{n}"
    else:  # pragma: no cover - a 6-digit collision among 200,000 is certain
        pytest.fail("no collision found")
    extra = [(a, "Persoon A", "burger"), (b, "Persoon B", "burger")]
    safe = pseudonymise(make_case(extra_actors=extra), key=KEY)
    ids = list(safe.actors.index)
    assert f"burger-{expected_hex(a, digits=8)}" in ids
    assert f"burger-{expected_hex(b, digits=8)}" in ids
    assert f"burger-{expected_hex('jan-jansen')}" in ids  # the others keep 6 digits
    assert len(set(ids)) == len(ids)


def test_a_pseudonym_never_equals_an_existing_id():
    taken = f"burger-{expected_hex('jan-jansen')}"
    case = make_case(extra_actors=[(taken, "Vereniging met een vreemd id", "maatschappelijke organisatie")])
    safe = pseudonymise(case, key=KEY)
    assert f"burger-{expected_hex('jan-jansen', digits=8)}" in safe.actors.index
    assert safe.actors.loc[taken, "name"] == "Vereniging met een vreemd id"


# --------------------------------------------------------------------------
# personal columns
# --------------------------------------------------------------------------

def test_columns_marked_personal_are_dropped_everywhere(case):
    safe = pseudonymise(case, key=KEY)
    assert "telefoon (persoonsgegeven)" not in safe.actors.columns
    assert "notitie (Personal)" not in safe.involvement.columns
    assert {"toelichting", "leeftijd"} <= set(safe.actors.columns)


def test_drop_names_more_columns_case_insensitively(case):
    safe = pseudonymise(case, key=KEY, drop=["Toelichting", "leeftijd"])
    assert not {"toelichting", "leeftijd", "telefoon (persoonsgegeven)"} & set(safe.actors.columns)
    safe = pseudonymise(case, key=KEY, drop="toelichting")
    assert "toelichting" not in safe.actors.columns and "leeftijd" in safe.actors.columns


@pytest.mark.parametrize("header, personal", [
    ("e-mail (persoonsgegeven)", True), ("Adres (Persoonsgegevens)", True), ("phone (personal)", True),
    ("birth date (personal data) ", True), ("persoonsgegeven", False), ("(personal) note", False),
    ("toelichting", False), (None, False), (3, False),
])
def test_personal_column_convention(header, personal):
    assert is_personal_column(header) is personal


# --------------------------------------------------------------------------
# the result is a valid case; the input is untouched
# --------------------------------------------------------------------------

def test_result_passes_validation_round_trip(case, tmp_path):
    safe = pseudonymise(case, key=KEY)
    path = opgavelab.save(safe, tmp_path / "veilig.xlsx")
    again = opgavelab.load(path)
    assert again.equals(safe)
    assert set(again.involvement["actor"]) <= set(again.actors.index)


def test_example_case_round_trip(tmp_path):
    example = opgavelab.example()
    safe = pseudonymise(example, key=KEY)
    assert (safe.actors["type"] == "burger").sum() == (example.actors["type"] == "burger").sum()
    assert not set(example.actors.index[example.actors["type"] == "burger"]) & set(safe.actors.index)
    again = opgavelab.load(opgavelab.save(safe, tmp_path / "voorbeeld-veilig.xlsx"))
    assert again.equals(safe)


def test_original_case_is_unchanged(case):
    before = {name: getattr(case, name).copy(deep=True)
              for name in ("actors", "opgaven", "involvement", "ties", "vocabularies", "warnings")}
    pseudonymise(case, key=KEY, drop=["toelichting"])
    for name, frame in before.items():
        pd.testing.assert_frame_equal(getattr(case, name), frame)


def test_warnings_that_mention_a_person_are_left_out():
    extra = [("kees-bakker", "Kees Bakker", "burger")]  # involved nowhere: a warning names him
    case = make_case(extra_actors=extra)
    assert case.warnings["message"].str.contains("kees-bakker").any()
    safe = pseudonymise(case, key=KEY)
    text = safe.warnings.astype(str).to_numpy().ravel().tolist()
    assert not any("kees-bakker" in t or "Kees Bakker" in t for t in text)


def test_warns_about_free_text_that_still_names_a_person():
    case = make_case()
    case.actors.loc["gem", "toelichting"] = "Werkt samen met Jan Jansen uit de Dorpsstraat"
    with pytest.warns(OpgavelabWarning, match="1 cel noemt nog de naam of het id") as record:
        pseudonymise(case, key=KEY)
    message = str(record[0].message)
    assert "actors gem 'toelichting'" in message and "Jan" not in message
    with pytest.warns(OpgavelabWarning, match="1 cell still mentions the name or id"):
        pseudonymise(case, key=KEY, lang="en")
    with warnings.catch_warnings():
        warnings.simplefilter("error", OpgavelabWarning)
        pseudonymise(case, key=KEY, drop="toelichting")  # dropped: nothing left to warn about


# --------------------------------------------------------------------------
# keys: none, too short, wrong type
# --------------------------------------------------------------------------

def test_without_a_key_a_random_one_is_used_and_said(case, monkeypatch):
    monkeypatch.delenv("OPGAVELAB_PSEUDONYM_KEY", raising=False)
    with pytest.warns(OpgavelabWarning, match="geen sleutel opgegeven, dus is een willekeurige sleutel gebruikt"):
        first = pseudonymise(case)
    with pytest.warns(OpgavelabWarning, match="no key given, so a random key was used"):
        second = pseudonymise(case, lang="en")
    assert list(first.actors.index) != list(second.actors.index)
    assert first.actors.index[0] == "gem"


def test_an_empty_environment_variable_counts_as_no_key(case, monkeypatch):
    monkeypatch.setenv("OPGAVELAB_PSEUDONYM_KEY", "")
    with pytest.warns(OpgavelabWarning, match="OPGAVELAB_PSEUDONYM_KEY"):
        pseudonymise(case)


def test_a_short_key_is_refused(case):
    with pytest.raises(ValueError, match="'key' must be at least 16 characters long, got 6: a short key can be "
                                         "guessed.*secrets.token_hex"):
        pseudonymise(case, key="geheim")


def test_a_short_key_in_the_environment_is_refused(case, monkeypatch):
    monkeypatch.setenv("OPGAVELAB_PSEUDONYM_KEY", "kort")
    with pytest.raises(ValueError, match="The environment variable OPGAVELAB_PSEUDONYM_KEY must be at least 16"):
        pseudonymise(case)


def test_a_key_that_is_not_text_is_refused(case):
    with pytest.raises(TypeError, match="'key' must be text or bytes, got int"):
        pseudonymise(case, key=1234567890123456789)


# --------------------------------------------------------------------------
# other arguments
# --------------------------------------------------------------------------

def test_unknown_type_is_refused(case):
    with pytest.raises(ValueError, match=r"'types' must name actor types of the case, one of \['overheid', "
                                         r"'bedrijf', .*'burger'\], got 'persoon'"):
        pseudonymise(case, types=["persoon"], key=KEY)


def test_empty_types_is_refused(case):
    with pytest.raises(ValueError, match="'types' is empty"):
        pseudonymise(case, types=[], key=KEY)


def test_drop_of_an_unknown_column_is_refused(case):
    with pytest.raises(ValueError, match=r"'drop' names columns the case does not have: \['emial'\]; its extra "
                                         r"columns are \[.*'toelichting'"):
        pseudonymise(case, key=KEY, drop=["emial"])


def test_drop_of_a_model_column_is_refused(case):
    with pytest.raises(ValueError, match="'drop' may only name extra columns, not 'naam'"):
        pseudonymise(case, key=KEY, drop=["naam"])


def test_not_a_case_is_refused():
    with pytest.raises(TypeError, match="'case' must be an opgavelab Case .*, got DataFrame"):
        pseudonymise(pd.DataFrame(), key=KEY)


def test_lang_is_checked(case):
    with pytest.raises(ValueError, match=r"'lang' must be one of \['nl', 'en'\], got 'de'"):
        pseudonymise(case, key=KEY, lang="de")


def test_docstring_examples():
    result = doctest.testmod(privacy_module, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0 and result.attempted >= 5
