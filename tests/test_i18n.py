"""The catalogue: .po files (the only source) with plural forms, Babel formats."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pandas as pd
import pytest

import opgavelab
from opgavelab import _i18n
from opgavelab._i18n import fmt_date, fmt_list, fmt_number, fmt_percent, fmt_signed, label, message, nmessage


@pytest.mark.parametrize(("n", "nl", "en"), [(0, "0 actoren", "0 actors"), (1, "1 actor", "1 actor"),
                                             (2, "2 actoren", "2 actors"), (1000, "1.000 actoren", "1,000 actors")])
def test_plural_forms_come_from_the_catalogue(n, nl, en):
    assert nmessage("count.actors", n, "nl") == nl
    assert nmessage("count.actors", n, "en") == en


def test_messages_and_labels_come_from_the_po_files_only():
    assert not hasattr(_i18n, "MESSAGES") and not hasattr(_i18n, "LABELS")
    assert message("file_missing", "en", path="x.xlsx") == "File or folder not found: x.xlsx."
    assert label("actors", "nl") == "actoren" and label("unknown-key", "en") == "unknown-key"
    with pytest.raises(KeyError, match="No message 'nope' in the en catalogue"):
        message("nope", "en")


def test_a_missing_plural_message_names_the_catalogue():
    with pytest.raises(KeyError, match="No plural message 'nope' in the nl catalogue"):
        nmessage("nope", 2, "nl")


def test_numbers_and_dates_as_a_reader_writes_them():
    assert fmt_number(0.1234, "nl") == "0,12" and fmt_number(0.1234, "en") == "0.12"
    assert fmt_signed(0.44, "nl") == "+0,44" and fmt_signed(-0.07, "en") == "−0.07" and fmt_signed(0, "nl") == "0,00"
    assert fmt_percent(0.123, "nl") == "12%"
    assert fmt_date(pd.Timestamp("2024-12-31"), "nl") == "31 december 2024"
    assert fmt_date(pd.Timestamp("2024-12-31"), "en") == "31 December 2024"
    assert fmt_date(pd.Timestamp("2022-12-31"), "nl", "short") == "31-12-2022"
    assert fmt_list(["a", "b", "c"], "nl") == "a, b en c"
    assert fmt_number(float("nan"), "nl") == "–"


def test_absorb_moves_dict_entries_into_the_po_files(tmp_path, monkeypatch):
    import shutil

    from opgavelab import _catalogue

    def path(lang):
        return tmp_path / lang / "LC_MESSAGES" / "opgavelab.po"

    for lang in ("nl", "en"):
        path(lang).parent.mkdir(parents=True)
        shutil.copy(_catalogue._path(lang), path(lang))
    monkeypatch.setattr(_catalogue, "_path", path)
    monkeypatch.setattr(_i18n, "MESSAGES", {"issue_99_example": ("{n} rij overgeslagen.", "{n} row skipped.")},
                        raising=False)
    monkeypatch.setattr(_i18n, "LABELS", {"actors": ("actoren", "actors")}, raising=False)
    try:
        assert _catalogue.absorb() >= 1
        text = path("nl").read_text(encoding="utf-8")
        assert 'msgid "issue_99_example"' in text and 'msgstr "{n} rij overgeslagen."' in text
        assert 'msgid "label.actors"' in path("en").read_text(encoding="utf-8")
        assert _catalogue.check() == []
    finally:
        _i18n._catalogue.cache_clear()


# --------------------------------------------------------------------------
# the catalogue stays the only source, complete and Dutch where it says Dutch
# --------------------------------------------------------------------------
PACKAGE = Path(opgavelab.__file__).parent

#: the few places that legitimately pick by language code, not by text: the
#: catalogue itself, the file format's sheet/column names, the command line's
#: reading of --lang/OPGAVELAB_LANG, and a questionnaire's stored language
ALLOWED_LANGUAGE_CHOICES = {
    ("_i18n.py", "*"), ("_catalogue.py", "*"),
    ("schema.py", "spec_name"),
    ("cli.py", "command_lang"), ("cli.py", "_run"),
    ("survey.py", "_read_book"),
}


def _language_choices(path: Path) -> list[tuple[int, str, str]]:
    """Inline language choices in one module, as (line, kind, enclosing function).

    ``"..." if nl else "..."``, ``if lang == "en":`` and ``{"nl": ..., "en": ...}``.
    """
    lang_names = {"nl", "en", "is_nl", "is_en", "dutch", "english"}

    def picks_language(node) -> bool:
        for n in ast.walk(node):
            if isinstance(n, ast.Name) and n.id in lang_names:
                return True
            if isinstance(n, ast.Compare):
                for c in (n.left, *n.comparators):
                    elts = c.elts if isinstance(c, (ast.Tuple, ast.List, ast.Set)) else [c]
                    if any(isinstance(e, ast.Constant) and e.value in ("nl", "en") for e in elts):
                        return True
        return False

    found = []

    def visit(node, function):
        for child in ast.iter_child_nodes(node):
            name = child.name if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)) else function
            kind = None
            if isinstance(child, ast.IfExp) and picks_language(child.test):
                kind = "x if nl else y"
            elif isinstance(child, ast.If) and picks_language(child.test):
                kind = "if lang == ..."
            elif isinstance(child, ast.Dict) and {"nl", "en"} <= {k.value for k in child.keys
                                                                     if isinstance(k, ast.Constant)}:
                kind = '{"nl": ..., "en": ...}'
            if kind:
                found.append((child.lineno, kind, name))
            visit(child, name)

    visit(ast.parse(path.read_text(encoding="utf-8")), "<module>")
    return found


#: Column and sheet keys of the file format that appear in pairs in code tables.
_CODE_WORDS = {"id", "actor", "opgave", "source", "target", "name", "sector", "origin", "description",
               "core_challenge", "involvement", "ties", "actors", "opgaven"}


def _pair_tables(path: Path) -> list[int]:
    """Lines of dict literals whose values are (nl, en) pairs of strings: a second catalogue."""
    lines = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Dict) and len(node.values) >= 2:
            # a pair of code names such as ("actor", "opgave") is data, not words to read
            pairs = [isinstance(v, ast.Tuple) and len(v.elts) == 2
                     and all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in v.elts)
                     and not all(e.value.isidentifier() and e.value == e.value.lower() and "_" in e.value
                                 or e.value in _CODE_WORDS for e in v.elts)
                     for v in node.values]
            if sum(pairs) >= max(2, len(pairs) // 2):
                lines.append(node.lineno)
    return lines


def test_no_inline_language_choices_in_the_package():
    problems = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        for line, kind, function in _language_choices(path):
            if (path.name, "*") in ALLOWED_LANGUAGE_CHOICES or (path.name, function) in ALLOWED_LANGUAGE_CHOICES:
                continue
            problems.append(f"opgavelab/{rel}:{line} ({function}): {kind}")
        problems += [f"opgavelab/{rel}:{line}: a (nl, en) table" for line in _pair_tables(path)
                     if path.name not in ("_i18n.py", "_catalogue.py")]
    assert not problems, ("Choose words through the catalogue (message/nmessage/label), not inline:\n"
                          + "\n".join(problems))


def test_the_language_choice_check_finds_what_it_looks_for(tmp_path):
    module = tmp_path / "m.py"
    module.write_text('def f(lang):\n    nl = lang == "nl"\n    a = "ja" if nl else "yes"\n'
                      '    if lang == "en":\n        pass\n    return {"nl": 1, "en": 2}\n'
                      'T = {"a": ("een", "one"), "b": ("twee", "two")}\n', encoding="utf-8")
    kinds = [kind for _, kind, _ in _language_choices(module)]
    assert kinds == ["x if nl else y", "if lang == ...", '{"nl": ..., "en": ...}']
    assert _pair_tables(module) == [7]


def _entries(lang):
    return _i18n._catalogue(lang)[0]


def _fields(text) -> set[str]:
    texts = text if isinstance(text, tuple) else (text,)
    return {re.split(r"[.\[!:]", f)[0] for t in texts for _, f, _, _ in string.Formatter().parse(t) if f}


#: keys whose languages deliberately use different fields (English shows the Dutch name beside its own)
DIFFERENT_FIELDS = {"template.taakveld_name"}


def test_every_key_is_in_both_languages_translated_with_the_same_fields():
    from opgavelab import _catalogue

    assert _catalogue.check() == []
    for lang in ("nl", "en"):  # a union merge of two branches must not leave a key twice
        ids = re.findall(r'^msgid "(.+)"$', _catalogue._path(lang).read_text(encoding="utf-8"), flags=re.M)
        assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})
    nl, en = _entries("nl"), _entries("en")
    assert set(nl) == set(en)
    problems = []
    for key in sorted(nl):
        if isinstance(nl[key], tuple) != isinstance(en[key], tuple):
            problems.append(f"{key}: a plural in one language only")
        if isinstance(nl[key], tuple) and len(nl[key]) != 2:
            problems.append(f"{key}: {len(nl[key])} Dutch plural forms, expected 2")
        if key not in DIFFERENT_FIELDS and _fields(nl[key]) != _fields(en[key]):
            problems.append(f"{key}: fields {sorted(_fields(nl[key]))} (nl) and {sorted(_fields(en[key]))} (en)")
    assert not problems, "\n".join(problems)


#: English words that are not Dutch words too (not: per, type, over, via, was, exact, label, export)
ENGLISH_WORDS = set("""
the and with without are not found missing tie ties warning warnings error errors file files written check share
largest covered needed broker brokers which this that these those from into have has more than only none other
also please should must would could yes no why what when where who how its their there here been being were will
shall can cannot may might one two three each every some both either neither between within across after before
since until about above below under again already still just very much many few less least most such same own
whole part parts people actors involvement involvements role roles types scale level levels domain domains
challenge challenges network networks case cases sheet sheets row rows column columns value values problem
problems fix hint next step steps number numbers count counts pairs pair path paths expected observed random mixing
chance baseline estimate estimated sampled directed undirected weight weights date dates year years month months
day days time times figure figures page pages report reports summary method methods table tables list lists name
names colour color colours order size unknown known valid invalid empty default true false null new old first last
total mean average median whether then else if or but so because while though although however therefore
""".split())


def _prose(text: str) -> str:
    """Text without what is not Dutch prose: {fields}, code, markup, option names, quoted values, URLs."""
    for pattern in (r"\{[^}]*\}", r"`[^`]*`", r"<[^>]+>", r"https?://\S+", r"\S*[=_()\[\]/]\S*", r"--\S+",
                    r"\.\w+", r"'[^']*'", r"%\(\w+\)\w"):
        text = re.sub(pattern, " ", text)
    return text


def test_dutch_texts_hold_no_english_words():
    problems = []
    for key, text in _entries("nl").items():
        for t in text if isinstance(text, tuple) else (text,):
            words = {w for w in re.findall(r"[A-Za-z][A-Za-z'-]*", _prose(t)) if w.lower() in ENGLISH_WORDS}
            if words:
                problems.append(f"{key}: {sorted(words)} in {t!r}")
    assert not problems, "\n".join(problems)
    assert _prose("Gebruik --force of aliases=report.aliases(...) voor {name}").split() == ["Gebruik", "of", "voor"]


def test_lang_none_means_the_case_language_everywhere():
    from opgavelab.draw.scene import build_scene
    from opgavelab.export import kumu_tables
    from opgavelab.network import opgave_graph

    case = opgavelab.example(lang="en")
    opgave = case.opgaven.index[0]
    assert opgavelab.scan(case, opgave).lang == "en"
    assert build_scene(case, opgave).lang == "en"
    assert "Scale level" in kumu_tables(opgave_graph(case, opgave), case=case)["Elements"].columns


def test_a_list_whose_items_hold_commas_is_separated_by_semicolons():
    from opgavelab._i18n import fmt_list

    names = ["Starchwell International N.V., vestiging Turfmond", "Provincie Oostermarken", "Parkmanagement"]
    assert fmt_list(names, "nl") == ("Starchwell International N.V., vestiging Turfmond; Provincie Oostermarken"
                                     " en Parkmanagement")
    assert fmt_list(names, "en").endswith("; Provincie Oostermarken and Parkmanagement")
    assert fmt_list(["a", "b", "c"], "nl") == "a, b en c"
    assert fmt_list(names[:2], "nl") == "Starchwell International N.V., vestiging Turfmond en Provincie Oostermarken"


def test_every_taakveld_has_an_english_name():
    from opgavelab import schema

    tv = schema.taakvelden()
    assert (tv["name_en"].str.strip() != "").all()
    assert tv.at["1.2", "name_en"] == "Public order and safety"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_plain_po_reader_gives_babels_catalogue(lang):
    """The catalogue is read without Babel's reader (fast); both readers give the same texts and plurals."""
    path = _i18n._LOCALE_DIR / lang / "LC_MESSAGES" / "opgavelab.po"
    plain = _i18n._read_po(path.read_text(encoding="utf-8"))
    assert plain is not None
    entries, plural = _i18n._catalogue_by_babel(path, lang)
    assert plain[0] == entries
    import gettext

    assert [gettext.c2py(plain[1])(n) for n in range(5)] == [plural(n) for n in range(5)]


def test_the_plain_po_reader_reads_what_babel_writes_and_leaves_the_rest_to_babel(tmp_path):
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import write_po

    cat = Catalog(locale="nl_NL")
    cat.add("a.long", "een heel lange tekst " * 12 + 'met "aanhalingstekens",\ttab en\nregel\\slash')
    cat.add(("a.plural", "a.plural"), ("{n} actor", "{n} actoren"))
    cat.add(("a.half", "a.half"), ("{n} ding", ""))  # an untranslated plural form: no entry
    cat.add("a.empty", "")
    cat.add("a.fuzzy", "vaag", flags=["fuzzy"])
    path = tmp_path / "x.po"
    with path.open("wb") as fh:
        write_po(fh, cat, width=40)
    text = path.read_text(encoding="utf-8")
    assert '"\n"' in text or text.count('msgstr ""') > 1  # long texts are wrapped over lines
    plain = _i18n._read_po(text)
    assert plain is not None and plain[0] == _i18n._catalogue_by_babel(path, "nl")[0]
    assert plain[0]["a.long"].endswith('met "aanhalingstekens",\ttab en\nregel\\slash')
    assert plain[0]["a.plural"] == ("{n} actor", "{n} actoren") and "a.half" not in plain[0]
    # forms the plain reader does not know: Babel reads the file
    assert _i18n._read_po(text.replace('msgid "a.empty"', 'msgctxt "x"\nmsgid "a.empty"')) is None
    assert _i18n._read_po(text.replace("Plural-Forms", "X-Plural")) is None
    assert _i18n._read_po('msgid "a"\nmsgstr "b"\nrubbish\n') is None


def test_numbers_written_without_babels_locale_data_are_babels_numbers():
    """fmt_number and fmt_percent write plain ints and floats themselves (Babel's locale data takes a twelfth
    of a second to load); the text is Babel's, rounding, grouping, signs and -0 included."""
    import random

    import numpy as np
    from babel.numbers import format_decimal, format_percent

    rng = random.Random(7)
    values = [0, -0.0, 0.5, 1.5, 2.5, -2.5, 0.125, 0.135, 2.675, 0.005, -0.005, 999.995, 0.99995, 1e-20, -1e-20,
              1e15, 1e22, 123456789012345678, 10**30, float("inf"), -float("inf"), np.float32(0.1), np.int64(-12345),
              True]
    values += [rng.uniform(-1, 1) for _ in range(400)] + [rng.uniform(-1e7, 1e7) for _ in range(400)]
    values += [rng.randint(0, 4000) / rng.choice([8, 200, 400, 2000]) for _ in range(400)]

    def either(f, *args, **kw):
        try:
            return f(*args, **kw)
        except Exception as exc:  # noqa: BLE001 -- both must fail alike (a number too big to round)
            return type(exc)

    for v in values:
        for lang, locale in (("nl", "nl_NL"), ("en", "en_GB")):
            for digits in (0, 1, 2, 3):
                pattern = "#,##0" + ("." + "0" * digits if digits else "")
                assert either(fmt_number, v, lang, digits) == either(format_decimal, v, format=pattern,
                                                                      locale=locale), (v, lang, digits)
            assert either(fmt_percent, v, lang) == either(format_percent, v, format="#,##0%", locale=locale), v
    assert fmt_number(-0.001, "nl") == "-0,00" and fmt_number(1234567.891, "nl") == "1.234.567,89"
    assert fmt_percent(0.125, "en") == "12%"


def test_dates_and_lists_written_without_babels_locale_data_are_babels():
    import datetime

    from babel.dates import format_date
    from babel.lists import format_list

    day = datetime.date(2023, 1, 1)
    for lang, locale in (("nl", "nl_NL"), ("en", "en_GB")):
        for k in range(0, 366, 1):
            d = day + datetime.timedelta(days=k)
            assert fmt_date(pd.Timestamp(d), lang) == format_date(d, format="d MMMM y", locale=locale)
        for items in (["a"], ["a", "b"], ["a", "b", "c"], ["a", "b", "c", "d", "e"]):
            assert fmt_list(items, lang) == format_list(items, locale=locale)
    assert fmt_date(pd.Timestamp("1700-03-05"), "nl") == "5 maart 1700"


def test_the_number_symbols_are_babels():
    from babel.numbers import get_decimal_symbol, get_group_symbol, get_minus_sign_symbol

    for lang, locale in _i18n._BABEL_LOCALE.items():
        assert _i18n._SYMBOLS[lang] == (get_decimal_symbol(locale), get_group_symbol(locale))
        assert get_minus_sign_symbol(locale) == "-"
