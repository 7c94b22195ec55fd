"""The catalogue: .po files (the only source) with plural forms, Babel formats."""

from __future__ import annotations

import pandas as pd
import pytest

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
