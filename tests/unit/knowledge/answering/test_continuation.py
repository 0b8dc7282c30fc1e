"""A thread follow-up asking what comes next is answered with what the page says after the earlier quote."""

from __future__ import annotations

import pytest

from core.language import Language
from knowledge.answering.continuation import continuation, in_language
from knowledge.answering.extractive import Excerpt
from knowledge.catalog import Catalog
from knowledge.models import Chunk
from knowledge.text.question_words import asks_what_follows, only_asks_what_follows
from tests.unit.knowledge.answering.passages import passage as _chunk

FIRST = _chunk("rapport", 0, "Sluttrapporten leveres innen 60 dager. Koordinator sender den inn.")
SECOND = _chunk(
    "rapport", 1, "HK-dir vurderer rapporten. Deretter utbetales resten av tilskuddet.\nSiste linje."
)
OTHER = _chunk("budsjett", 0, "Budsjettet kan endres.")
CATALOG = Catalog([FIRST, SECOND, OTHER], generation="g")


@pytest.mark.parametrize(
    "question",
    [
        "what happens after that?",
        "And then?",
        "Hva skjer så?",
        "og hva skjer etterpå",
        "Kva skjer etter det?",
    ],
)
def test_follow_ups_asking_what_comes_next_are_recognised(question: str) -> None:
    assert asks_what_follows(question)


@pytest.mark.parametrize(
    "question",
    ["When is the final report due?", "Hva er fristen for sluttrapporten?", "Hvem sender inn?", "then"],
)
def test_ordinary_questions_are_not_follow_ups(question: str) -> None:
    assert not asks_what_follows(question)


@pytest.mark.parametrize(
    ("question", "bare"),
    [
        ("what happens after that?", True),
        ("And then?", True),
        ("Kva skjer etter det?", True),
        ("What happens to the grant after that?", False),
        ("Hva skjer med pengene etterpå?", False),
        ("When is the final report due?", False),
        ("and, then…", True),
        ("Og så!", True),
    ],
)
def test_a_follow_up_is_bare_when_it_names_nothing_else(question: str, bare: bool) -> None:
    assert only_asks_what_follows(question) is bare


def test_words_the_pages_do_not_know_leave_a_follow_up_bare() -> None:
    pages_know = {"grant", "tilskudd"}.__contains__

    assert only_asks_what_follows("OK, and then?", pages_know)
    assert only_asks_what_follows("takk, og så?", pages_know)
    assert not only_asks_what_follows("What happens to the grant after that?", pages_know)
    assert not only_asks_what_follows("OK, and then?")  # without the pages, every other word names something


def test_the_sentence_after_the_quote_follows_in_the_same_passage() -> None:
    quoted = Excerpt(chunk=FIRST, sentences=("Sluttrapporten leveres innen 60 dager.",), score=1.0)
    after = continuation(CATALOG, [quoted], sentences=2)
    assert after is not None and after.chunk == FIRST
    assert after.sentences == ("Koordinator sender den inn.",)


def test_a_quote_that_ends_its_passage_continues_in_the_next_passage_of_the_page() -> None:
    quoted = Excerpt(
        chunk=FIRST,
        sentences=("Sluttrapporten leveres innen 60 dager.", "Koordinator sender den inn."),
        score=1.0,
    )
    after = continuation(
        CATALOG, [quoted, Excerpt(chunk=OTHER, sentences=("Budsjettet kan endres.",), score=0.5)]
    )
    assert after is not None and after.chunk == SECOND
    assert after.sentences == ("HK-dir vurderer rapporten.", "Deretter utbetales resten av tilskuddet.")


def test_nothing_follows_the_end_of_a_page() -> None:
    quoted = Excerpt(chunk=SECOND, sentences=("Siste linje.",), score=1.0)
    assert continuation(CATALOG, [quoted]) is None
    assert continuation(CATALOG, []) is None


def _english(chunk: Chunk, text: str) -> Chunk:
    """The English version of ``chunk`` with ``text`` (on its own English page, as a rendering is)."""
    return chunk.model_copy(
        update={
            "chunk_id": f"{chunk.chunk_id}@en",
            "doc_id": "rapport-en",
            "text": text,
            "language": Language.EN,
        }
    )


def test_a_follow_up_in_english_gets_the_same_sentences_from_the_english_version() -> None:
    english = _english(SECOND, "HK-dir assesses the report. Then the rest of the grant is paid.\nLast line.")
    catalog = Catalog([FIRST, SECOND, english], generation="g")
    after = Excerpt(chunk=SECOND, sentences=("Deretter utbetales resten av tilskuddet.",), score=1.0)

    found = in_language(catalog, after, Language.EN)

    assert found.chunk == english and found.sentences == ("Then the rest of the grant is paid.",)


def test_a_repeated_sentence_is_mapped_by_where_the_quoted_run_stands() -> None:
    norwegian = _chunk("liste", 0, "Les veiledningen. Send inn rapporten. Les veiledningen. Vent på svar.")
    english = _english(norwegian, "Read the guidance. Submit the report. Read it again. Wait for a reply.")
    catalog = Catalog([norwegian, english], generation="g")
    quoted = Excerpt(chunk=norwegian, sentences=("Send inn rapporten.",), score=1.0)
    after = continuation(catalog, [quoted])
    assert after is not None

    found = in_language(catalog, after, Language.EN)

    assert found.sentences == ("Read it again.", "Wait for a reply.")


def test_a_version_that_does_not_line_up_is_quoted_whole_in_the_askers_language() -> None:
    english = _english(SECOND, "HK-dir assesses the report and then pays the rest of the grant.\nLast line.")
    catalog = Catalog([FIRST, SECOND, english], generation="g")
    after = Excerpt(chunk=SECOND, sentences=("Deretter utbetales resten av tilskuddet.",), score=1.0)

    found = in_language(catalog, after, Language.EN)

    assert found.chunk == english
    assert found.sentences == (
        "HK-dir assesses the report and then pays the rest of the grant.",
        "Last line.",
    )


def test_without_a_version_in_the_askers_language_the_excerpt_is_kept() -> None:
    after = Excerpt(chunk=SECOND, sentences=("Deretter utbetales resten av tilskuddet.",), score=1.0)

    assert in_language(CATALOG, after, Language.EN) == after  # no English version at all
    assert in_language(CATALOG, after, Language.NB) == after  # already in the asker's language
