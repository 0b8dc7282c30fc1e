"""Tests for the plain-text loader, on a saved HK-dir page and on small texts."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import knowledge
from core.language import Language
from knowledge.language import detect_language
from knowledge.loaders.markdown import load_markdown
from knowledge.loaders.source import read_source
from knowledge.loaders.text import load_text, parse_text
from knowledge.models import Document

FIXTURES = Path(__file__).parents[3] / "knowledge" / "fixtures"
SEED = FIXTURES / "skoleutvekslingspartnerskap.txt"
SHIPPED = Path(knowledge.__file__).parent / "docs" / "skoleutvekslingspartnerskap.md"


def _load_seed() -> Document:
    return load_text(read_source(SEED), detect=detect_language)


def test_seed_page_title_date_and_no_url() -> None:
    document = _load_seed()

    assert document.title == "Skoleutvekslingspartnerskap"
    assert document.updated == date(2024, 1, 3)
    assert document.url is None
    assert document.language is Language.NB
    assert document.source_path == str(SEED.resolve())


def test_seed_page_sections_and_blocks() -> None:
    sections = _load_seed().sections

    assert [section.heading for section in sections] == [
        "Skoleutvekslingspartnerskap",
        "Mobility Tool+",
        "Sluttrapportering",
        "Dokumentasjon",
        "Endringer",
        "Laste opp resultater i Erasmus+ Project Results Platform",
    ]  # the contact box at the end is page chrome
    assert sections[0].blocks[0].startswith("Et skoleutvekslingspartnerskap legger til rette")
    assert sections[1].blocks[3:] == (
        "registrering av deltakere",
        "prosjektdrift",
        "budsjett",
        "rapportering",
    )
    assert sections[2].blocks[1].startswith("1. Koordinator fullfører")
    assert sections[2].blocks[3] == "3. Koordinator sender inn rapporten på vegne av hele partnerskapet."
    assert len(sections) == 6  # the contact box ("Kontakt oss", "E-post: …") closing the page is chrome


def test_seed_page_drops_chrome_lines() -> None:
    blocks = [block for section in _load_seed().sections for block in section.blocks]

    assert not any("Hopp til hovedinnhold" in block or "Sist oppdatert" in block for block in blocks)


def test_seed_page_has_the_shape_of_the_shipped_markdown() -> None:
    from_text = _load_seed()
    from_markdown = load_markdown(read_source(SHIPPED), detect=detect_language)

    # The Markdown keeps the contact box as a written section; in the saved page it is chrome.
    assert [(s.heading, len(s.blocks)) for s in from_text.sections] == [
        (s.heading, len(s.blocks)) for s in from_markdown.sections if s.heading != "Kontakt oss"
    ]


def test_heading_needs_blank_lines_and_no_sentence_ending() -> None:
    text = (
        "Tittel\n\nIntro.\n\nFrister\n\nLever innen 60 dager.\nKort linje uten punktum\n\n"
        "Slutt:\n\nMer tekst.\n"
    )

    parsed = parse_text(text, fallback_title="x")

    assert [(s.heading, s.blocks) for s in parsed.sections] == [
        ("Tittel", ("Intro.",)),
        ("Frister", ("Lever innen 60 dager. Kort linje uten punktum", "Slutt:", "Mer tekst.")),
    ]


def test_heading_is_not_followed_by_another_heading_and_never_last() -> None:
    text = "Tittel\n\nTekst.\n\nOm saken\n\nErasmus+\n\nSiste linje"

    parsed = parse_text(text, fallback_title="x")

    assert [(s.heading, s.blocks) for s in parsed.sections] == [
        ("Tittel", ("Tekst.",)),
        ("Om saken", ("Erasmus+", "Siste linje")),
    ]


def test_list_markers_and_continuations() -> None:
    text = "Tittel\n\nSteg:\n• en\n- to\n  fortsatt to\n* tre\n1. første\n2) andre\nAvslutning.\n"

    parsed = parse_text(text, fallback_title="x")

    assert parsed.sections[0].blocks == (
        "Steg:",
        "en",
        "to fortsatt to",
        "tre",
        "1. første",
        "2. andre",
        "Avslutning.",
    )


def test_english_chrome_and_date_are_recognised() -> None:
    text = "Skip to main content\n\nReporting\n\nLast updated: 3 January 2024\n\nSubmit the report.\n"

    parsed = parse_text(text, fallback_title="x")

    assert parsed.title == "Reporting"
    assert parsed.updated == date(2024, 1, 3)
    assert parsed.sections[0].blocks == ("Submit the report.",)


def test_given_title_replaces_a_matching_first_line() -> None:
    assert parse_text("Veiledning\n\nTekst.", fallback_title="x", title="Veiledning").sections[0].blocks == (
        "Tekst.",
    )
    assert parse_text("Annet\n\nTekst.", fallback_title="x", title="Veiledning").sections[0].blocks == (
        "Annet",
        "Tekst.",
    )
