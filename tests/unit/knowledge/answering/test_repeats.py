"""Each sentence of an answer is quoted once, however its excerpts overlap."""

from __future__ import annotations

from knowledge.answering.extractive import Excerpt
from knowledge.answering.repeats import without_repeats
from tests.unit.knowledge.answering.passages import passage

LIST = passage("rapport", 0, "Dette gjøres i tre steg:\n1. Koordinator fyller ut.")
REST = passage("rapport", 1, "2. Partnerne fyller ut sin del.\n3. Koordinator sender inn.")
STEP_TWO = Excerpt(chunk=REST, sentences=("2. Partnerne fyller ut sin del.",), score=1.0)
WHOLE_LIST = Excerpt(
    chunk=LIST,
    sentences=(
        "Dette gjøres i tre steg:",
        "1. Koordinator fyller ut.",
        "2. Partnerne  fyller ut sin del.",  # white space as a page may have it
        "3. Koordinator sender inn.",
    ),
    score=0.95,
)


def test_an_excerpt_a_later_one_holds_gives_way_to_it_in_its_place() -> None:
    found = without_repeats([STEP_TWO, WHOLE_LIST])
    assert found == [WHOLE_LIST]


def test_a_later_excerpt_loses_the_sentences_already_quoted() -> None:
    overlap = Excerpt(chunk=REST, sentences=("1. Koordinator fyller ut.", "Så vurderer HK-dir."), score=0.9)
    found = without_repeats([WHOLE_LIST, overlap])
    assert [e.sentences for e in found] == [WHOLE_LIST.sentences, ("Så vurderer HK-dir.",)]
    assert found[1].chunk == REST and found[1].score == 0.9


def test_excerpts_that_share_nothing_are_kept_as_they_are() -> None:
    other = Excerpt(chunk=REST, sentences=("Budsjettet kan endres.",), score=0.5)
    assert without_repeats([STEP_TWO, other]) == [STEP_TWO, other]
    assert without_repeats([STEP_TWO, STEP_TWO]) == [STEP_TWO]


def test_the_same_sentence_on_another_page_is_quoted_again_with_its_own_source() -> None:
    other_page = passage("rapport-ka220", 0, "2. Partnerne fyller ut sin del.")
    again = Excerpt(chunk=other_page, sentences=("2. Partnerne fyller ut sin del.",), score=0.9)
    assert without_repeats([STEP_TWO, again]) == [STEP_TWO, again]
