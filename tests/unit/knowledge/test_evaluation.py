"""Scoring one answer: a keyword counts in what the answer says, not in its source lines."""

from __future__ import annotations

import pytest

from core.language import Language
from knowledge.evaluation import EvalQuestion, score
from knowledge.models import Answer, AnswerKind

BODY = "Koordinatoren sender inn rapporten på vegne av partnerskapet."
SOURCE = (
    "Kilde: Skoleutvekslingspartnerskap › Register – https://erasmuspluss.no (sist oppdatert 3. januar 2024)"
)


def _answer(kind: AnswerKind = AnswerKind.EXTRACTIVE) -> Answer:
    return Answer(question="?", text=f"{BODY}\n\n{SOURCE}", body=BODY, language=Language.NB, kind=kind)


@pytest.mark.parametrize(
    ("keyword", "hit"),
    [("koordinator", True), ("oppdatert", False), ("register", False)],
)
def test_a_keyword_counts_only_in_the_body(keyword: str, hit: bool) -> None:
    question = EvalQuestion(id="q", lang=Language.NB, question="?", answer_keywords=[keyword])
    assert score(question, _answer(), [BODY]).keyword_hit is hit


def test_a_declined_answer_hits_no_keyword() -> None:
    question = EvalQuestion(id="q", lang=Language.NB, question="?", answer_keywords=["koordinator"])
    assert score(question, _answer(AnswerKind.ABSTAINED), [BODY]).keyword_hit is False


def test_an_answer_without_a_body_is_scored_on_its_text() -> None:
    question = EvalQuestion(id="q", lang=Language.NB, question="?", answer_keywords=["register"])
    answer = Answer(question="?", text=SOURCE, language=Language.NB, kind=AnswerKind.EXTRACTIVE)
    assert score(question, answer, [SOURCE]).keyword_hit is True
