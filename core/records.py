"""What the chat adapters keep besides projects and runs, and the small storage contracts for it (below ``storage``).

``storage.chat_store.SqlChatStore`` implements every contract here over SQL.
"""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from pydantic import BaseModel, ConfigDict


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True)


class AnswerRecord(_Record):
    """A knowledge answer as given, so that feedback can refer to it."""

    platform: str
    channel_id: str
    user_id: str
    question: str
    answer: str
    kind: str
    sources: tuple[str, ...]
    at: datetime


class FeedbackRecord(_Record):
    """One person's verdict on one answer."""

    answer_id: int
    user_id: str
    helpful: bool
    platform: str
    at: datetime


class PostedChecklist(_Record):
    """Where a run's checklist message lives on a platform (Slack ts, Teams activity id)."""

    run_id: int
    platform: str
    channel_id: str
    message_id: str
    language: str
    posted_at: datetime


class StoredConversation(_Record):
    """How to reach a channel proactively (a platform conversation reference, as JSON)."""

    channel_id: str
    platform: str
    reference: str
    updated_at: datetime


class EventLedger(Protocol):
    """Remembers which platform events were handled, across processes sharing one database."""

    def first_time(self, *, key: str, at: datetime) -> bool:
        """Record ``key``; True only for the first caller, however many processes race."""
        ...


class AnswerLog(Protocol):
    """Answers given and the feedback on them."""

    def record_answer(self, *, record: AnswerRecord) -> int:
        """Store an answer; returns its id (goes into the feedback buttons)."""
        ...

    def record_feedback(self, *, feedback: FeedbackRecord) -> None:
        """Store or replace a person's verdict on an answer; raises KeyError for an unknown answer."""
        ...

    def feedback_for(self, *, answer_id: int) -> list[FeedbackRecord]:
        """Every verdict on an answer."""
        ...


class ChecklistMessages(Protocol):
    """Where runs' checklist messages were posted."""

    def remember(self, *, posted: PostedChecklist) -> None:
        """Store a message showing a run (storing the same message again refreshes its language and time)."""
        ...

    def for_run(self, *, run_id: int) -> list[PostedChecklist]:
        """Every message showing the run, on any platform."""
        ...

    def run_for_message(self, *, platform: str, channel_id: str, message_id: str) -> int | None:
        """The run whose checklist is the given message (replies in its thread belong to that run)."""
        ...


class ConversationDirectory(Protocol):
    """Conversation references for proactive posts."""

    def save_conversation(self, *, conversation: StoredConversation) -> None:
        """Store or replace the reference of a channel."""
        ...

    def conversation(self, *, channel_id: str) -> StoredConversation | None:
        """The reference of a channel, if the bot has been there."""
        ...
