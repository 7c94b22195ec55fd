"""The note for a policy advisor: one editable Word document per opgave (scan.to_docx, report --document)."""

from __future__ import annotations

import os
import re

import pytest
from docx import Document

import opgavelab
from opgavelab._document import REFERENCES, _key_player, docx_to_pdf, find_soffice, write_docx
from opgavelab._i18n import message
from opgavelab.cli import main

KEY = "a-test-key-of-enough-length"
HEADINGS = ["doc.h.key", "doc.h.opgave", "doc.h.collective", "doc.h.key_figures", "doc.h.central",
            "doc.h.formation", "doc.h.missing", "doc.h.candidates", "doc.h.brokers", "doc.h.whatif", "doc.h.method",
            "doc.h.how", "doc.h.data", "doc.h.cannot", "doc.h.references"]


@pytest.fixture(scope="module")
def case():
    return opgavelab.example()


@pytest.fixture(scope="module")
def notes(case, tmp_path_factory):
    """The economie note in Dutch and English, written once (low dpi: the tests read structure, not pixels)."""
    out = tmp_path_factory.mktemp("notes")
    scan = opgavelab.scan(case, "economie", at=2024)
    paths = {lang: write_docx(scan, out / f"economie-{lang}.docx", lang=lang, dpi=40) for lang in ("nl", "en")}
    return scan, paths


def _all_text(doc) -> str:
    parts = [p.text for p in doc.paragraphs]
    for t in doc.tables:
        for row in t.rows:
            parts += [c.text for c in row.cells]
    return "\n".join(parts)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_note_has_its_headings_in_order_on_word_styles(notes, lang):
    doc = Document(notes[1][lang])
    heads = [(p.style.name, p.text) for p in doc.paragraphs if p.style.name.startswith("Heading")]
    texts = [t for _, t in heads]
    key_player = notes[0]._name(_key_player(notes[0])[0])
    expected = [message(k, lang, name=key_player) for k in HEADINGS]
    assert texts == expected
    levels = {t: s for s, t in heads}
    assert levels[message("doc.h.key", lang)] == "Heading 1"
    assert levels[message("doc.h.how", lang)] == "Heading 2"
    assert [p.text for p in doc.paragraphs if p.style.name == "Title"] == [notes[0].name]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_note_has_at_least_three_figures_each_with_a_caption(notes, lang):
    doc = Document(notes[1][lang])
    assert len(doc.inline_shapes) >= 3
    word = message("doc.fig", lang)
    captions = [p.text for p in doc.paragraphs if p.style.name == "Caption" and p.text.startswith(word)]
    assert len(captions) == len(doc.inline_shapes)
    assert captions[0].startswith(f"{word} 1. ")
    # figures fit the text width of the page
    assert all(s.width.cm <= 16.01 for s in doc.inline_shapes)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_tables_show_names_not_ids(notes, lang):
    scan = notes[0]
    doc = Document(notes[1][lang])
    assert all(t.style.name == "Light List Accent 1" for t in doc.tables)
    headers = {t.rows[0].cells[0].text: t for t in doc.tables}
    key_figures = headers[message("doc.col.measure", lang)]
    assert [r.cells[0].text for r in key_figures.rows][1] == message("doc.kf.actors", lang)
    named = [t for t in doc.tables if t.rows[0].cells[0].text == message("doc.col.name", lang)]
    assert len(named) >= 3  # central actors, candidates, brokers
    names = set(scan.case.actors["name"].astype(str))
    for t in named:
        first = [r.cells[0].text for r in t.rows[1:]]
        assert first and set(first) <= names
    assert scan._name("eb") in [r.cells[0].text for r in named[0].rows]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_nothing_in_the_note_is_an_id_where_a_name_exists(notes, lang):
    scan = notes[0]
    text = _all_text(Document(notes[1][lang]))
    for free in (scan.origin, scan.core_challenge, scan.case.opgaven.at["economie", "description"]):
        text = text.replace(str(free), "")  # the opgave's own words ("de regio krimpt") are not ids
    actors = scan.case.actors
    for aid, name in actors["name"].astype(str).items():
        if aid == name:
            continue
        assert not re.search(rf"(?<![\w-]){re.escape(str(aid))}(?![\w-])", text), f"id {aid!r} in the note"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_note_has_the_method_the_caveats_and_the_references(notes, lang):
    scan = opgavelab.scan(notes[0].case, "economie", at=2024, lang=lang)
    doc = Document(notes[1][lang])
    method = [t for t in doc.tables if t.rows[0].cells[0].text == message("doc.col.item", lang)]
    assert len(method) == 1
    labels = [r.cells[0].text for r in method[0].rows[1:]]
    assert labels[:len(scan.method)] == list(scan.method["label"])
    paras = [p.text for p in doc.paragraphs]
    start = paras.index(message("doc.h.references", lang))
    assert paras[start + 1:start + 1 + len(REFERENCES)] == REFERENCES
    assert message("doc.cannot.1", lang) in paras
    bullets = [p for p in doc.paragraphs if p.style.name == "List Bullet"]
    assert len(bullets) >= 5


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_key_message_says_what_matters_in_three_to_five_sentences(notes, lang):
    scan = notes[0]
    doc = Document(notes[1][lang])
    paras = [p.text for p in doc.paragraphs]
    start = paras.index(message("doc.h.key", lang))
    end = paras.index(message("doc.h.opgave", lang))
    key = [p for p in paras[start + 1:end] if p.strip()]
    sentences = re.findall(r"[.!?](?=\s|$)", " ".join(key))
    assert 3 <= len(key) and 3 <= len(sentences) <= 5, key
    assert str(scan.formed_at.year) in key[0]  # since when
    player = _key_player(scan)[0]  # designed into the example: the association the small firms hang on
    assert player == "ovm"
    assert scan._name(player) in key[1]  # who holds it together (exact for one key player)
    assert scan.case.domain_label(scan.missing_domains[0], lang) in key[2]  # what is missing
    assert key[-1].startswith(message("doc.key.without", lang, name=scan._name(player), effect=""))


def test_the_footer_numbers_the_pages(notes):
    doc = Document(notes[1]["nl"])
    xml = doc.sections[0].footer._element.xml
    assert "PAGE" in xml and "fldChar" in xml


def test_pseudonymise_replaces_every_citizen_name_in_the_note(case, tmp_path, monkeypatch):
    monkeypatch.setenv("OPGAVELAB_PSEUDONYM_KEY", KEY)
    scan = opgavelab.scan(case, "economie", at=2024)
    path = write_docx(scan, tmp_path / "n.docx", pseudonymise=True, dpi=40)
    text = _all_text(Document(path))
    citizens = case.actors[case.actors["type"] == "burger"]
    involved = [a for a in citizens.index if a in set(scan.graph.nodes) | set(scan.candidates.index)]
    assert involved, "the example should involve a citizen"
    for aid, row in citizens.iterrows():
        assert str(row["name"]) not in text
        assert not re.search(rf"(?<![\w-]){re.escape(aid)}(?![\w-])", text)
    assert re.search(r"Burger [0-9a-f]{6}", text)
    assert message("doc.pseudonymised", "nl") in text


def test_report_document_writes_the_note_and_refuses_to_overwrite(tmp_path, capsys):
    example = str(opgavelab.example_path())
    args = ["report", example, "--opgave", "zorg", "--out", str(tmp_path), "--document", "--lang", "en", "--quiet",
            "--dpi", "50"]
    assert main(args) == 0
    path = tmp_path / "zorg" / "zorg-note.docx"
    assert Document(path).paragraphs
    assert main(args) == 1
    assert "already exists" in capsys.readouterr().err
    assert sorted(p.name for p in (tmp_path / "zorg").iterdir()) == ["zorg-note.docx"]


def test_report_pdf_without_libreoffice_says_how_to_get_it(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("opgavelab._document.find_soffice", lambda: None)
    example = str(opgavelab.example_path())
    rc = main(["report", example, "--opgave", "zorg", "--out", str(tmp_path), "--document", "--pdf", "--quiet",
               "--dpi", "50"])
    assert rc == 1
    err = capsys.readouterr().err
    assert "libreoffice-writer-nogui" in err and ".docx" in err
    assert (tmp_path / "zorg" / "zorg-notitie.docx").exists()


def test_the_note_converts_to_pdf_with_libreoffice(notes):
    if find_soffice() is None:
        if os.environ.get("CI") == "true":
            pytest.fail("LibreOffice (soffice) is missing in CI: .ci/run installs libreoffice-writer-nogui.")
        pytest.skip("LibreOffice (soffice) is not installed; apt-get install libreoffice-writer-nogui to run this.")
    pdf = docx_to_pdf(notes[1]["nl"])
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page(?![s\w])", data)) >= 6


def test_the_explorer_has_a_note_button(tmp_path):
    from opgavelab.explorer import Explorer

    ex = Explorer(opgavelab.example(), opgave="zorg", at=2024, export_dir=tmp_path)
    button = next(b for b in ex._export_buttons if b.description == "Notitie (.docx)")
    button.click()
    assert ex.last_export.name == "zorg-2024-notitie.docx"
    assert Document(ex.last_export).paragraphs[0] is not None
    assert "download=" in ex._export_out.value
