"""Page chrome is dropped at ingest, checked on the saved pages of evaluation set A (shared/eval/corpus_a)."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.language import detect_language
from knowledge.loaders.chrome import contact_box_start, is_page_chrome
from knowledge.loaders.registry import load_document
from knowledge.models import Document

CORPUS_A = Path(__file__).resolve().parents[3] / "../shared/eval/corpus_a"
needs_corpus = pytest.mark.skipif(not CORPUS_A.is_dir(), reason="shared/eval/corpus_a is not beside the repo")


def _load(stem: str) -> Document:
    return load_document(CORPUS_A / f"{stem}.md", detect=detect_language)


def _blocks(document: Document) -> list[str]:
    return [block for section in document.sections for block in section.blocks]


@pytest.mark.parametrize(
    "line",
    [
        "Hopp til hovudinnhald",
        "Hopp til hovedinnhold",
        "Skip to main content",
        "Home / For skole og barnehage",
        "Forside › Utlysninger › Samarbeid",
        "article image",
        "skolebilde.jpg",
        "Vi bruker informasjonskapsler (cookies) for å forbedre nettstedet.",
        "Welcome",
        "Updated on 08.11.22",
    ],
)
def test_chrome_lines(line: str) -> None:
    assert is_page_chrome(line)


@pytest.mark.parametrize(
    "line",
    [
        "Kven kan søke",
        "Hvert år kan akkrediterte organisasjoner sende inn en søknad.",
        "Budget - Provides an overview of the awarded and reported budget.",
        "Annex I: Budsjettet som gjeld for prosjektet",
        "Image rights must be cleared before results are uploaded.",
    ],
)
def test_content_lines_are_not_chrome(line: str) -> None:
    assert not is_page_chrome(line)


def test_contact_box_only_at_the_end_with_short_lines() -> None:
    assert contact_box_start(["Tekst.", "", "Kontakt oss", "", "Erasmus+", "E-post:x@y.no"]) == 2
    long_line = (
        "Kontakt oss dersom det er en nødsituasjon eller uforutsette omstendigheter som ikke kan avverges."
    )
    assert contact_box_start(["Kontakt oss", long_line]) is None


@needs_corpus
def test_saved_pages_lose_their_chrome() -> None:
    for path in sorted(CORPUS_A.glob("*.md")):
        blocks = _blocks(_load(path.stem))
        for chrome in ("Hopp til", "Skip to main content", "article image", "E-post:", "Updated on"):
            assert not any(block.startswith(chrome) for block in blocks), (path.name, chrome)


@needs_corpus
def test_saved_page_reads_title_url_and_headings() -> None:
    page = _load("01_samarbeidspartnarskap_utlysing")

    assert page.title == "Samarbeidspartnarskap Erasmus+ (HK-dir)"
    assert page.url == "https://erasmuspluss.no/utlysninger-og-tilskudd/samarbeidspartnerskap-erasmus"
    assert [s.heading for s in page.sections][1:4] == ["Kven kan søke", "Søknadsfrist", "Om tilskotet"]


@needs_corpus
def test_lines_saved_without_blank_lines_become_paragraphs_and_headings() -> None:
    page = _load("02_smaaskalapartnarskap_tildelt_2024")

    assert "Oppstart av nytt prosjekt" in [s.heading for s in page.sections]
    assert "Saman med kontrakten sender vi ut fire vedlegg." in _blocks(page)


@needs_corpus
def test_site_name_above_the_page_text_is_dropped() -> None:
    blocks = _blocks(_load("06_europeisk_kvalitetsmerke"))

    assert "European School Education Platform" not in blocks
    assert "Europeisk kvalitetsmerke" not in blocks


@needs_corpus
def test_a_page_date_glued_to_the_next_heading_gives_the_date_and_the_heading() -> None:
    document = _load("02_smaaskalapartnarskap_tildelt_2024")
    assert document.updated is not None and document.updated.isoformat() == "2024-09-26"
    headings = [section.heading for section in document.sections]
    assert "For prosjekt godkjende i 2024" in headings
    assert not any("oppdatert" in heading.lower() for heading in headings)


@needs_corpus
def test_a_last_updated_line_with_a_two_digit_year_dates_the_page() -> None:
    document = _load("06_europeisk_kvalitetsmerke")
    assert document.updated is not None and document.updated.isoformat() == "2022-11-08"
    assert not any("Updated on" in block for block in _blocks(document))
