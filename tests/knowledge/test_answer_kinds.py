"""Answers that answer: the role for "who", the steps for "how", each page cited once, and declining what the
guidance does not give (over the shipped pages, with the real model and Chroma)."""

from __future__ import annotations

from knowledge.decision.model import DeclineModel, load_model
from knowledge.models import AnswerKind, Question
from knowledge.service import KnowledgeService


def test_who_submits_is_answered_with_the_role(service: KnowledgeService) -> None:
    answer = service.answer(Question(text="Who submits the final report?"))

    assert answer.kind is AnswerKind.EXTRACTIVE
    assert "The coordinator submits the report" in answer.body


def test_a_how_question_quotes_the_list_of_steps(service: KnowledgeService) -> None:
    answer = service.answer(Question(text="Hvordan laster vi opp resultater i Project Results Platform?"))

    assert "Kortfattet er stegene som følger:" in answer.body
    assert "«Manage my projects»" in answer.body


def test_each_page_is_cited_once(service: KnowledgeService) -> None:
    answer = service.answer(Question(text="Who submits the final report?"))

    # It quotes the steps (section "Final reporting") and the 60 days (the page's opening): one page, one line.
    assert "60 days" in answer.body and "The coordinator submits the report" in answer.body
    pages = [(c.title, c.url) for c in answer.cited]
    assert len(pages) == len(set(pages)) == 1
    lines = [line for line in answer.text.splitlines() if line.startswith("Source:")]
    assert len(lines) == 1 and "Final reporting" in lines[0]


def test_an_amount_the_pages_do_not_give_is_declined(service: KnowledgeService) -> None:
    assessment = service.assess(Question(text="Hvor mye penger får vi i tilskudd per elev?"))

    assert assessment.answer.abstained
    assert assessment.signals is not None and assessment.signals.required_missing
    assert assessment.grounded is not None  # a quote existed, but it gave no amount


def test_how_to_apply_without_an_application_procedure_is_declined(service: KnowledgeService) -> None:
    assert service.answer(Question(text="How do I apply for a new Erasmus+ project?")).abstained


def test_threshold_zero_never_declines(service: KnowledgeService) -> None:
    never = KnowledgeService(retriever=service.retriever, threshold=0.0, contact="x@example.org")

    answer = never.answer(Question(text="Hva er dagssatsene for opphold når elevene reiser på utveksling?"))

    assert answer.kind is AnswerKind.EXTRACTIVE


def test_without_a_threshold_the_models_own_decides(service: KnowledgeService) -> None:
    question = Question(text="Who submits the final report?")
    probability = service.assess(question).probability
    assert probability is not None and 0.0 < probability < 1.0
    # The English question's own threshold decides, whatever the overall one says.
    strict = load_model().model_copy(
        update={"threshold": 0.0, "thresholds": {"en": min(1.0, probability + 0.01)}}
    )
    lenient = load_model().model_copy(update={"threshold": 1.0, "thresholds": {"en": probability - 0.01}})

    def decided(model: DeclineModel) -> bool:
        return (
            KnowledgeService(retriever=service.retriever, contact="x@example.org", model=model)
            .answer(question)
            .abstained
        )

    assert decided(strict) and not decided(lenient)
