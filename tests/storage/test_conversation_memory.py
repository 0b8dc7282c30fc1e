"""The SQL conversation memory (SQLite and PostgreSQL) behaves like its in-memory twin, across instances."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from core.language import Language
from core.memory import InMemoryConversationMemory
from storage.conversation_memory import SqlConversationMemory

AT = datetime(2025, 9, 1, tzinfo=UTC)


def test_sql_memory_and_its_twin_agree(database):
    for memory in (SqlConversationMemory(database=database), InMemoryConversationMemory()):
        for i, question in enumerate(("a", "b", "c", "d")):
            memory.remember_question(thread_key="teams:C1:7", question=question, at=AT + timedelta(minutes=i))
        memory.remember_language(person_key="teams:U1", language=Language.EN, at=AT)
        memory.remember_language(person_key="teams:U1", language=Language.NB, at=AT)
        assert memory.thread_context(thread_key="teams:C1:7", limit=3) == ("b", "c", "d")
        assert memory.thread_context(thread_key="teams:C1:8", limit=3) == ()
        assert memory.language_of(person_key="teams:U1") is Language.NB
        assert memory.language_of(person_key="teams:U2") is None


def test_what_one_instance_stores_another_reads_and_old_questions_can_be_dropped(database):
    SqlConversationMemory(database=database).remember_question(thread_key="k", question="old", at=AT)
    SqlConversationMemory(database=database).remember_question(
        thread_key="k", question="new", at=AT + timedelta(days=40)
    )
    other = SqlConversationMemory(database=database)
    assert other.thread_context(thread_key="k", limit=5) == ("old", "new")
    assert other.forget_questions_before(before=AT + timedelta(days=30)) == 1
    assert other.thread_context(thread_key="k", limit=5) == ("new",)
