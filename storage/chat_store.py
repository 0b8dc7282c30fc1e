"""The SQL implementation of the chat adapters' contracts (``core.records``)."""

from __future__ import annotations

import json
from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from core.event_ledger import ledger_key
from core.records import AnswerRecord, FeedbackRecord, PostedChecklist, StoredConversation
from storage.database import Database
from storage.schema import AnswerRow, ConversationRow, FeedbackRow, PostedChecklistRow, ProcessedEventRow
from storage.transaction import KEEP, transaction


class SqlChatStore:
    """Processed events, answers and feedback, posted checklists and conversation references."""

    def __init__(self, *, database: Database) -> None:
        """Use ``database``'s sessions."""
        self._database = database

    def _session(self) -> AbstractContextManager[Session]:
        return transaction(self._database, conflict=KEEP)

    def first_time(self, *, key: str, at: datetime) -> bool:
        try:
            with self._session() as session:
                session.add(ProcessedEventRow(key=ledger_key(key), received_at=at))
        except IntegrityError:
            return False
        return True

    def forget_events_before(self, *, before: datetime) -> int:
        """Drop ledger entries older than ``before`` (platforms stop retrying after minutes)."""
        with self._session() as session:
            result = session.execute(delete(ProcessedEventRow).where(ProcessedEventRow.received_at < before))
            return int(getattr(result, "rowcount", 0) or 0)

    def record_answer(self, *, record: AnswerRecord) -> int:
        with self._session() as session:
            row = AnswerRow(
                platform=record.platform,
                channel_id=record.channel_id,
                user_id=record.user_id,
                question=record.question,
                answer=record.answer,
                kind=record.kind,
                sources=json.dumps(list(record.sources), ensure_ascii=False),
                at=record.at,
            )
            session.add(row)
            session.flush()
            return row.id

    def _upsert(self, write: Callable[[Session], None]) -> None:
        """Run ``write`` (look up, then insert or update); a racing insert of the same key is retried once as
        an update, so "store or replace" holds when two clicks arrive together."""
        try:
            with self._session() as session:
                write(session)
        except IntegrityError:
            with self._session() as session:
                write(session)

    def record_feedback(self, *, feedback: FeedbackRecord) -> None:
        self._upsert(lambda session: self._write_feedback(session, feedback))

    @staticmethod
    def _write_feedback(session: Session, feedback: FeedbackRecord) -> None:
        if session.get(AnswerRow, feedback.answer_id) is None:
            raise KeyError(feedback.answer_id)
        row = session.get(FeedbackRow, (feedback.answer_id, feedback.user_id))
        if row is None:
            row = FeedbackRow(answer_id=feedback.answer_id, user_id=feedback.user_id)
            session.add(row)
        row.helpful, row.platform, row.at = feedback.helpful, feedback.platform, feedback.at

    def feedback_for(self, *, answer_id: int) -> list[FeedbackRecord]:
        with self._session() as session:
            rows = session.scalars(select(FeedbackRow).where(FeedbackRow.answer_id == answer_id))
            return [
                FeedbackRecord(
                    answer_id=r.answer_id, user_id=r.user_id, helpful=r.helpful, platform=r.platform, at=r.at
                )
                for r in rows
            ]

    def answer(self, *, answer_id: int) -> AnswerRecord | None:
        """One stored answer."""
        with self._session() as session:
            row = session.get(AnswerRow, answer_id)
            if row is None:
                return None
            return AnswerRecord(
                platform=row.platform,
                channel_id=row.channel_id,
                user_id=row.user_id,
                question=row.question,
                answer=row.answer,
                kind=row.kind,
                sources=tuple(json.loads(row.sources)),
                at=row.at,
            )

    def remember(self, *, posted: PostedChecklist) -> None:
        self._upsert(lambda session: self._write_posted(session, posted))

    @staticmethod
    def _write_posted(session: Session, posted: PostedChecklist) -> None:
        key = (posted.run_id, posted.platform, posted.channel_id, posted.message_id)
        row = session.get(PostedChecklistRow, key)
        if row is None:
            row = PostedChecklistRow(
                run_id=posted.run_id,
                platform=posted.platform,
                channel_id=posted.channel_id,
                message_id=posted.message_id,
            )
            session.add(row)
        row.language, row.posted_at = posted.language, posted.posted_at

    def for_run(self, *, run_id: int) -> list[PostedChecklist]:
        with self._session() as session:
            rows = session.scalars(select(PostedChecklistRow).where(PostedChecklistRow.run_id == run_id))
            return [
                PostedChecklist(
                    run_id=r.run_id,
                    platform=r.platform,
                    channel_id=r.channel_id,
                    message_id=r.message_id,
                    language=r.language,
                    posted_at=r.posted_at,
                )
                for r in rows
            ]

    def run_for_message(self, *, platform: str, channel_id: str, message_id: str) -> int | None:
        with self._session() as session:
            return session.scalar(
                select(PostedChecklistRow.run_id).where(
                    PostedChecklistRow.platform == platform,
                    PostedChecklistRow.channel_id == channel_id,
                    PostedChecklistRow.message_id == message_id,
                )
            )

    def save_conversation(self, *, conversation: StoredConversation) -> None:
        self._upsert(lambda session: self._write_conversation(session, conversation))

    @staticmethod
    def _write_conversation(session: Session, conversation: StoredConversation) -> None:
        row = session.get(ConversationRow, conversation.channel_id)
        if row is None:
            row = ConversationRow(channel_id=conversation.channel_id)
            session.add(row)
        row.platform, row.reference = conversation.platform, conversation.reference
        row.updated_at = conversation.updated_at

    def conversation(self, *, channel_id: str) -> StoredConversation | None:
        with self._session() as session:
            row = session.get(ConversationRow, channel_id)
            if row is None:
                return None
            return StoredConversation(
                channel_id=row.channel_id,
                platform=row.platform,
                reference=row.reference,
                updated_at=row.updated_at,
            )
