"""A thread follow-up asking what comes next gets what the page says after the earlier answer's quote."""

from __future__ import annotations

from core.language import Language
from knowledge.models import AnswerKind, Question
from knowledge.service import KnowledgeService


def test_what_happens_after_that_quotes_what_follows_the_earlier_answer_in_its_page(
    service: KnowledgeService,
) -> None:
    first = service.answer(Question(text="When is the final report due?", language=Language.EN))
    alone = service.answer(Question(text="what happens after that?", language=Language.EN))
    follow_up = service.answer(
        Question(
            text="what happens after that?", language=Language.EN, context=("When is the final report due?",)
        )
    )

    assert first.kind is AnswerKind.EXTRACTIVE and "60 days" in first.text
    assert alone.kind is AnswerKind.ABSTAINED  # on its own it says nothing the guidance could answer
    assert follow_up.kind is AnswerKind.EXTRACTIVE
    assert follow_up.body and follow_up.body not in first.body  # it moves on, it does not repeat the answer
    assert follow_up.cited and follow_up.cited[0].url == first.cited[0].url  # from the same page


def test_a_follow_up_to_a_declined_question_is_judged_on_its_own(service: KnowledgeService) -> None:
    follow_up = service.answer(
        Question(text="and then?", language=Language.EN, context=("What is the capital of Australia?",))
    )
    assert follow_up.kind is AnswerKind.ABSTAINED
