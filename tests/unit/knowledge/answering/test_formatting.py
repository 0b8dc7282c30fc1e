"""Source lines, answer composition and the user-facing messages."""

from __future__ import annotations

from datetime import date

import pytest

from core.dates import DateStyle, format_date
from core.language import Language
from knowledge.answering.extractive import Excerpt
from knowledge.answering.formatting import compose, source_line
from knowledge.answering.messages import ENTRIES, text
from knowledge.models import Chunk, Citation

URL = "https://erasmuspluss.no/skoleutvekslingspartnerskap"


def _citation(**changes: object) -> Citation:
    values: dict[str, object] = {
        "title": "Skoleutvekslingspartnerskap",
        "url": URL,
        "section": "Endringer",
        "text": "Det er mulig å flytte midler mellom budsjettposter.",
        "score": 0.3,
        "language": Language.NB,
        "updated": date(2024, 1, 3),
    }
    return Citation(**(values | changes))  # type: ignore[arg-type]


def _chunk(text_: str, language: Language) -> Chunk:
    return Chunk(
        chunk_id=f"c-{language}",
        doc_id="d",
        text=text_,
        title="T",
        section="S",
        url=None,
        language=language,
        updated=None,
        position=0,
        group_id="c-nb",
    )


def test_norwegian_source_line_has_title_section_url_and_date() -> None:
    assert source_line(_citation(), Language.NB) == (
        f"Kilde: Skoleutvekslingspartnerskap › Endringer – {URL} (sist oppdatert 3. januar 2024)"
    )


def test_english_source_line_of_an_unofficial_rendering_says_so() -> None:
    citation = _citation(title="School exchange partnerships", section="Changes", official=False)

    assert source_line(citation, Language.EN) == (
        f"Source: School exchange partnerships › Changes – {URL} (last updated 3 January 2024) "
        "Unofficial English translation; the Norwegian page is authoritative."
    )


def test_section_equal_to_title_url_and_date_missing_are_left_out() -> None:
    citation = _citation(section="Skoleutvekslingspartnerskap", url=None, updated=None)

    assert source_line(citation, Language.NB) == "Kilde: Skoleutvekslingspartnerskap"


@pytest.mark.parametrize(
    ("day", "language", "written"),
    [
        (date(2024, 1, 3), Language.NB, "3. januar 2024"),
        (date(2024, 1, 3), Language.EN, "3 January 2024"),
        (date(2023, 12, 31), Language.NB, "31. desember 2023"),
        (date(2023, 5, 17), Language.EN, "17 May 2023"),
    ],
)
def test_dates_are_written_as_people_write_them(day: date, language: Language, written: str) -> None:
    assert format_date(day, language, style=DateStyle.LONG) == written


def test_compose_puts_sentences_first_and_each_source_once() -> None:
    chunk = _chunk("Fristen er 60 dager.", Language.NB)
    excerpts = [Excerpt(chunk=chunk, sentences=("Fristen er 60 dager.",), score=1.0)]

    answer = compose(excerpts, [_citation(), _citation()], Language.NB)

    body, sources = answer.split("\n\n")
    assert body == "Fristen er 60 dager."
    assert sources == source_line(_citation(), Language.NB)


def test_compose_lists_three_or_more_sentences_on_separate_lines() -> None:
    items = ("Koordinator:", "- registrering", "- rapportering")
    excerpts = [Excerpt(chunk=_chunk("\n".join(items), Language.NB), sentences=items, score=1.0)]

    assert compose(excerpts, [_citation()], Language.NB).startswith(
        "Koordinator:\n- registrering\n- rapportering\n\n"
    )


def test_compose_warns_when_the_passage_is_only_in_the_other_language() -> None:
    excerpts = [
        Excerpt(
            chunk=_chunk("Fristen er 60 dager.", Language.NB), sentences=("Fristen er 60 dager.",), score=1
        )
    ]

    answer = compose(excerpts, [_citation()], Language.EN)

    assert answer.startswith("This is only in HK-dir's Norwegian guidance:\n\nFristen er 60 dager.")


def test_every_message_exists_in_both_languages() -> None:
    assert all(len(versions) == len(Language) and all(versions) for versions in ENTRIES.values())


def test_messages_fill_in_their_values() -> None:
    assert text("abstain", Language.NB, contact="erasmuspluss@hkdir.no").endswith("erasmuspluss@hkdir.no")
    assert "40000" in text("too_long", Language.EN, length=40000, limit=4000)
    assert "4000" in text("too_long", Language.NB, length=40000, limit=4000)
