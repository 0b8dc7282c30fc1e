"""The in-memory twin of the conversation memory contract."""

from __future__ import annotations

from datetime import UTC, datetime

from core.language import Language
from core.memory import InMemoryConversationMemory

AT = datetime(2025, 9, 1, tzinfo=UTC)


def test_a_thread_keeps_its_questions_in_order_and_threads_stay_apart() -> None:
    memory = InMemoryConversationMemory()
    for question in ("a", "b", "c", "d"):
        memory.remember_question(thread_key="slack:C1:1", question=question, at=AT)
    memory.remember_question(thread_key="slack:C1:2", question="other", at=AT)
    assert memory.thread_context(thread_key="slack:C1:1", limit=3) == ("b", "c", "d")
    assert memory.thread_context(thread_key="slack:C1:2", limit=3) == ("other",)
    assert memory.thread_context(thread_key="slack:C9:1", limit=3) == ()
    assert memory.thread_context(thread_key="slack:C1:1", limit=0) == ()


def test_a_language_is_replaced_and_the_least_recent_are_forgotten_beyond_capacity() -> None:
    memory = InMemoryConversationMemory(capacity=2)
    memory.remember_language(person_key="slack:U1", language=Language.EN, at=AT)
    memory.remember_language(person_key="slack:U2", language=Language.EN, at=AT)
    memory.remember_language(person_key="slack:U1", language=Language.NB, at=AT)
    memory.remember_language(person_key="slack:U3", language=Language.EN, at=AT)
    assert memory.language_of(person_key="slack:U1") is Language.NB
    assert memory.language_of(person_key="slack:U2") is None
