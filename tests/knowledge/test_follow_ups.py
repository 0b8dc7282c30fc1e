"""A thread follow-up asking what comes next gets what the page says after the earlier answer's quote."""

from __future__ import annotations

import pytest

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
    # On its own it names nothing to search for: the asker is told what to do, not sent to HK-dir.
    assert alone.kind is AnswerKind.INVALID and "no earlier answer" in alone.text
    assert "HK-dir directly" not in alone.text and not alone.cited
    assert follow_up.kind is AnswerKind.EXTRACTIVE
    assert follow_up.body and follow_up.body not in first.body  # it moves on, it does not repeat the answer
    assert follow_up.cited and follow_up.cited[0].url == first.cited[0].url  # from the same page


def test_a_follow_up_to_a_declined_question_is_judged_on_its_own(service: KnowledgeService) -> None:
    follow_up = service.answer(
        Question(text="and then?", language=Language.EN, context=("What is the capital of Australia?",))
    )
    assert follow_up.kind is AnswerKind.ABSTAINED


def test_a_bare_follow_up_in_bokmal_with_nothing_before_it_asks_for_the_whole_question(
    service: KnowledgeService,
) -> None:
    answer = service.answer(Question(text="Hva skjer så?"))

    assert answer.kind is AnswerKind.INVALID and answer.language is Language.NB
    assert "tidligere svar" in answer.text and not answer.cited


@pytest.mark.parametrize("question", ["OK, and then?", "takk, og så?"])
def test_a_bare_follow_up_with_a_word_the_pages_do_not_know_is_still_bare(
    service: KnowledgeService, question: str
) -> None:
    answer = service.answer(Question(text=question))

    assert answer.kind is AnswerKind.INVALID and not answer.cited


def test_a_follow_up_that_names_its_subject_is_searched_without_context(service: KnowledgeService) -> None:
    answer = service.answer(Question(text="What happens after the final report is submitted?"))

    assert answer.kind is not AnswerKind.INVALID


def test_a_follow_up_in_english_on_a_norwegian_answer_continues_it_in_english(
    service: KnowledgeService,
) -> None:
    first = service.answer(Question(text="frist?"))
    follow_up = service.answer(
        Question(text="what happens after that?", language=Language.EN, context=("frist?",))
    )

    assert first.kind is AnswerKind.EXTRACTIVE and first.language is Language.NB and "60 dager" in first.text
    assert follow_up.kind is AnswerKind.EXTRACTIVE and follow_up.language is Language.EN
    assert follow_up.body and "Mobility Tool+" in follow_up.body and "Rapportering" not in follow_up.body
    assert follow_up.cited and follow_up.cited[0].url == first.cited[0].url
    assert follow_up.cited[0].language is Language.EN and follow_up.cited[0].section == "Mobility Tool+"


def test_a_follow_up_in_bokmal_on_an_english_answer_continues_it_in_bokmal(service: KnowledgeService) -> None:
    first = service.answer(Question(text="When is the final report due?", language=Language.EN))
    follow_up = service.answer(Question(text="hva skjer så?", context=("When is the final report due?",)))

    assert first.kind is AnswerKind.EXTRACTIVE and "60 days" in first.text
    assert follow_up.kind is AnswerKind.EXTRACTIVE and follow_up.language is Language.NB
    assert follow_up.body and "Rapportering" in follow_up.body and "Reporting" not in follow_up.body
