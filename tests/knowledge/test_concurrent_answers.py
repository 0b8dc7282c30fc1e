"""The answer engine may be called from several threads at once (the chat adapters answer in parallel): the
answers are the same as one by one, with the real model, Chroma and the shared caches."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from knowledge.models import Question
from knowledge.service import KnowledgeService

QUESTIONS = (
    "Når er fristen for sluttrapporten?",
    "Who submits the final report?",
    "Hvordan laster vi opp resultatene til Project Results Platform?",
    "Can we change the budget after the grant agreement is signed?",
    "Hva skjer hvis vi leverer sluttrapporten for sent?",
    "What do partners do in Mobility Tool+?",
)


def test_answers_given_from_several_threads_at_once_equal_those_given_one_by_one(
    service: KnowledgeService,
) -> None:
    alone = [service.answer(Question(text=q)).text for q in QUESTIONS]
    with ThreadPoolExecutor(max_workers=6) as pool:
        together = list(pool.map(lambda q: service.answer(Question(text=q)).text, QUESTIONS * 3))
    assert together == alone * 3
