"""Tests for the Markdown loader and the shipped knowledge base in ``knowledge/docs``."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

import knowledge
from core.language import Language
from knowledge.errors import UnreadableDocumentError
from knowledge.language import detect_language
from knowledge.loaders.markdown import clean_inline, load_markdown, parse_markdown
from knowledge.loaders.source import read_source
from knowledge.models import Document

DOCS = Path(knowledge.__file__).parent / "docs"
_ADDRESS = re.compile(r"https?://\S+|[\w.+-]+@[\w-]+\.[\w.]+")
_ORDERED_ITEM = re.compile(r"\d+\. ")


def _load(path: Path) -> Document:
    return load_markdown(read_source(path), detect=detect_language)


def _item_number(block: str) -> str | None:
    match = _ORDERED_ITEM.match(block)
    return match.group() if match else None


def _shipped() -> dict[str, Document]:
    documents = [_load(path) for path in sorted(DOCS.glob("*.md"))]
    return {document.doc_id: document for document in documents}


def _translation_pairs() -> list[tuple[Document, Document]]:
    documents = _shipped()
    return [
        (documents[doc.translation_of], doc) for doc in documents.values() if doc.translation_of is not None
    ]


def test_skoleutvekslingspartnerskap_front_matter_and_sections() -> None:
    document = _load(DOCS / "skoleutvekslingspartnerskap.md")

    assert document.doc_id == "hkdir-skoleutvekslingspartnerskap"
    assert document.title == "Skoleutvekslingspartnerskap"
    assert document.url == "https://erasmuspluss.no/skoleutvekslingspartnerskap"
    assert document.language is Language.NB
    assert document.updated == date(2024, 1, 3)
    assert document.official is True
    assert document.translation_of is None
    assert [section.heading for section in document.sections] == [
        "Skoleutvekslingspartnerskap",
        "Mobility Tool+",
        "Sluttrapportering",
        "Dokumentasjon",
        "Endringer",
        "Laste opp resultater i Erasmus+ Project Results Platform",
        "Kontakt oss",
    ]
    final_report = document.sections[2]
    assert final_report.blocks[1].startswith("1. Koordinator fullfører")
    assert final_report.blocks[3] == "3. Koordinator sender inn rapporten på vegne av hele partnerskapet."
    assert document.sections[-1].blocks == ("Erasmus+", "E-post: erasmuspluss@hkdir.no")


def test_for_skole_og_barnehage_has_no_updated_date_and_no_chrome() -> None:
    document = _load(DOCS / "for-skole-og-barnehage.md")

    assert document.doc_id == "hkdir-for-skole-og-barnehage"
    assert document.url == "https://www.erasmuspluss.no/for-skole-og-barnehage"
    assert document.updated is None
    text = " ".join(block for section in document.sections for block in section.blocks)
    for chrome in ("Home /", "Glede i barnehagen", "Collage fra barnehage", "Barneskole collage"):
        assert chrome not in text


def test_english_translation_is_marked_unofficial() -> None:
    document = _load(DOCS / "skoleutvekslingspartnerskap.en.md")

    assert document.doc_id == "hkdir-skoleutvekslingspartnerskap-en"
    assert document.title == "School exchange partnerships"
    assert document.language is Language.EN
    assert document.official is False
    assert document.translation_of == "hkdir-skoleutvekslingspartnerskap"
    assert not any("Unofficial" in block for section in document.sections for block in section.blocks)


def test_every_shipped_original_has_an_english_translation() -> None:
    documents = _shipped()
    originals = {doc.doc_id for doc in documents.values() if doc.translation_of is None}

    assert originals == {original.doc_id for original, _ in _translation_pairs()}
    assert all(doc.language is Language.NB for doc in documents.values() if doc.doc_id in originals)


@pytest.mark.parametrize("pair", _translation_pairs(), ids=lambda pair: pair[1].doc_id)
def test_translation_aligns_block_for_block(pair: tuple[Document, Document]) -> None:
    original, translation = pair

    assert translation.language is Language.EN
    assert translation.url == original.url
    assert translation.updated == original.updated
    assert translation.official is False
    assert len(translation.sections) == len(original.sections)
    for nb_section, en_section in zip(original.sections, translation.sections, strict=True):
        assert len(en_section.blocks) == len(nb_section.blocks), nb_section.heading
        for nb_block, en_block in zip(nb_section.blocks, en_section.blocks, strict=True):
            assert _ADDRESS.findall(en_block) == _ADDRESS.findall(nb_block)
            assert _item_number(en_block) == _item_number(nb_block)


def test_title_falls_back_to_first_heading_then_file_stem() -> None:
    assert parse_markdown("# Frister\n\nTekst.", fallback_title="stem").title == "Frister"
    assert parse_markdown("Bare tekst.", fallback_title="stem").title == "stem"
    assert parse_markdown("# Frister\n\nTekst.", fallback_title="stem", title="Gitt").title == "Gitt"


def test_headings_split_sections_and_lists_become_blocks() -> None:
    body = """# Tittel

Innledning som går
over to linjer.

## Steg

1. Første steg
2. Andre steg
   fortsetter her

- punkt
* stjerne

### Detaljer

#### Liten overskrift

---

> Sitat

```
kode
```
"""
    parsed = parse_markdown(body, fallback_title="x")

    assert [(section.heading, section.blocks) for section in parsed.sections] == [
        ("Tittel", ("Innledning som går over to linjer.",)),
        ("Steg", ("1. Første steg", "2. Andre steg fortsetter her", "punkt", "stjerne")),
        ("Detaljer", ("Liten overskrift", "Sitat", "kode")),
    ]


def test_inline_markup_is_cleaned() -> None:
    assert clean_inline("Les **mer** på __nett__") == "Les mer på nett"
    assert clean_inline("Se [veiledningen](https://example.org/guide).") == (
        "Se veiledningen (https://example.org/guide)."
    )
    assert clean_inline("[https://example.org](https://example.org)") == "https://example.org"
    assert clean_inline("Skriv til [a@b.no](mailto:a@b.no) ![logo](logo.png)") == "Skriv til a@b.no"
    assert clean_inline("<https://example.org>") == "https://example.org"


def test_without_front_matter_the_id_and_language_are_derived(tmp_path: Path) -> None:
    path = tmp_path / "guide.md"
    path.write_text("# Guide\n\nThe report is due after the project has ended.\n", encoding="utf-8")

    document = _load(path)

    assert document.doc_id.startswith("file-") and len(document.doc_id) == 21
    assert document.language is Language.EN
    assert document.official is True


@pytest.mark.parametrize(
    "front_matter",
    ["language: de", "updated: soon", "official: maybe", "title: [a, b]", "id: {x: 1}"],
)
def test_invalid_front_matter_is_unreadable(tmp_path: Path, front_matter: str) -> None:
    path = tmp_path / "bad.md"
    path.write_text(f"---\n{front_matter}\n---\n\n# Tittel\n\nTekst.\n", encoding="utf-8")

    with pytest.raises(UnreadableDocumentError, match=r"bad\.md"):
        _load(path)


def test_malformed_yaml_is_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "broken.md"
    path.write_text("---\ntitle: [unclosed\n---\n\nTekst.\n", encoding="utf-8")

    with pytest.raises(UnreadableDocumentError, match=r"broken\.md"):
        _load(path)
