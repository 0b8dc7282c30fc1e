"""Conversation memory: the questions asked in a thread (for follow-ups) and the language each person writes in.

A small contract in the spirit of bolt-python's thread-context store. ``storage.conversation_memory`` keeps it
in the database, so replicas share it and it survives restarts; ``InMemoryConversationMemory`` is its twin.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from datetime import datetime
from typing import Any, Protocol

from core.language import Language

PER_THREAD = 20
"""Questions a thread keeps (the engine reads only the last few)."""


class ConversationMemory(Protocol):
    """What the conversation engine remembers between messages."""

    def thread_context(self, *, thread_key: str, limit: int) -> tuple[str, ...]:
        """The last ``limit`` questions asked in a thread, oldest first."""
        ...

    def remember_question(self, *, thread_key: str, question: str, at: datetime) -> None:
        """Add a question to its thread."""
        ...

    def language_of(self, *, person_key: str) -> Language | None:
        """The language a person last clearly wrote in, if known."""
        ...

    def remember_language(self, *, person_key: str, language: Language, at: datetime) -> None:
        """Store (or replace) a person's language."""
        ...


class InMemoryConversationMemory:
    """``ConversationMemory`` in process memory, bounded and safe to share between threads.

    Args:
        capacity: Threads and people kept; the least recently used are forgotten first.
    """

    def __init__(self, *, capacity: int = 2000) -> None:
        self._capacity = capacity
        self._threads: OrderedDict[str, tuple[str, ...]] = OrderedDict()
        self._languages: OrderedDict[str, Language] = OrderedDict()
        self._lock = threading.Lock()

    def thread_context(self, *, thread_key: str, limit: int) -> tuple[str, ...]:
        with self._lock:
            return self._threads.get(thread_key, ())[-limit:] if limit > 0 else ()

    def remember_question(self, *, thread_key: str, question: str, at: datetime) -> None:
        with self._lock:
            self._threads[thread_key] = (*self._threads.get(thread_key, ()), question)[-PER_THREAD:]
            self._trim(self._threads, thread_key)

    def language_of(self, *, person_key: str) -> Language | None:
        with self._lock:
            return self._languages.get(person_key)

    def remember_language(self, *, person_key: str, language: Language, at: datetime) -> None:
        with self._lock:
            self._languages[person_key] = language
            self._trim(self._languages, person_key)

    def _trim(self, entries: OrderedDict[str, Any], key: str) -> None:
        entries.move_to_end(key)
        while len(entries) > self._capacity:
            entries.popitem(last=False)
