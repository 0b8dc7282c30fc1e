"""The SQL implementation of ``core.memory.ConversationMemory``: every replica reads the same threads and
languages, and they survive restarts."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from core.language import Language
from storage.database import Database
from storage.schema import PersonLanguageRow, ThreadQuestionRow
from storage.transaction import KEEP, transaction


class SqlConversationMemory:
    """Thread questions (append-only rows, read newest first) and people's languages (one row per person)."""

    def __init__(self, *, database: Database) -> None:
        """Use ``database``'s sessions."""
        self._database = database

    def _session(self) -> AbstractContextManager[Session]:
        return transaction(self._database, conflict=KEEP)

    def thread_context(self, *, thread_key: str, limit: int) -> tuple[str, ...]:
        if limit <= 0:
            return ()
        with self._session() as session:
            newest = session.scalars(
                select(ThreadQuestionRow.question)
                .where(ThreadQuestionRow.thread_key == thread_key[:300])
                .order_by(ThreadQuestionRow.id.desc())
                .limit(limit)
            ).all()
        return tuple(reversed(newest))

    def remember_question(self, *, thread_key: str, question: str, at: datetime) -> None:
        with self._session() as session:
            session.add(ThreadQuestionRow(thread_key=thread_key[:300], question=question, at=at))

    def language_of(self, *, person_key: str) -> Language | None:
        with self._session() as session:
            row = session.get(PersonLanguageRow, person_key[:300])
            return Language(row.language) if row is not None else None

    def remember_language(self, *, person_key: str, language: Language, at: datetime) -> None:
        def write(session: Session) -> None:
            row = session.get(PersonLanguageRow, person_key[:300])
            if row is None:
                session.add(
                    PersonLanguageRow(person_key=person_key[:300], language=language.value, updated_at=at)
                )
            else:
                row.language, row.updated_at = language.value, at

        self._upsert(write)

    def forget_questions_before(self, *, before: datetime) -> int:
        """Drop thread questions older than ``before`` (follow-ups come within hours, not months)."""
        with self._session() as session:
            result = session.execute(delete(ThreadQuestionRow).where(ThreadQuestionRow.at < before))
            return int(getattr(result, "rowcount", 0) or 0)

    def _upsert(self, write: Callable[[Session], None]) -> None:
        """A racing first insert of the same person is retried once as an update."""
        try:
            with self._session() as session:
                write(session)
        except IntegrityError:
            with self._session() as session:
                write(session)
