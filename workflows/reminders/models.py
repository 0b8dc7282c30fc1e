"""The typed models of deadline reminders: planned items, stored reminders, settings and deadlines."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from core.language import Language


class ReminderKind(StrEnum):
    """Where a reminder comes from: the default plan, or a coordinator's ``remind add``."""

    DEFAULT = "default"
    CUSTOM = "custom"


class ReminderStatus(StrEnum):
    """How far a reminder has come; only PENDING ones are ever claimed."""

    PENDING = "pending"
    SENT = "sent"
    SKIPPED = "skipped"
    SUPERSEDED = "superseded"
    CANCELLED = "cancelled"
    FAILED = "failed"


class SkipReason(StrEnum):
    """Why a due reminder was not posted (kept in ``Reminder.note``)."""

    COMPLETE = "complete"
    PAUSED = "paused"
    REPLANNED = "replanned"
    REMOVED = "removed"
    NEWER_DUE = "newer_due"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class PlannedReminder(_Frozen):
    """One item of a project's default plan.

    ``key`` names the item for the end date it was planned from (``d-30@2025-08-29``), so planning the same
    end date twice, even by two processes at once, stores it once.
    """

    key: str
    offset_days: int = Field(description="Days relative to the final report deadline (negative: before).")
    due_at: datetime


class NewReminder(_Frozen):
    """A custom reminder a coordinator adds."""

    project_id: int
    due_at: datetime
    text: str
    created_by: str


class Reminder(_Frozen):
    """A stored reminder and its delivery state."""

    id: int
    project_id: int
    kind: ReminderKind
    plan_key: str | None = None
    offset_days: int | None = None
    text: str | None = None
    due_at: datetime
    status: ReminderStatus
    late: bool = False
    attempts: int = 0
    next_attempt_at: datetime | None = None
    message_id: str | None = None
    sent_at: datetime | None = None
    note: str | None = None
    created_by: str | None = None


class Claim(_Frozen):
    """Reminders one ticker holds a lease on: it alone posts them until ``until``."""

    token: str
    until: datetime
    reminders: tuple[Reminder, ...]


class ReminderSettings(_Frozen):
    """A project's reminder preferences."""

    project_id: int
    paused: bool = False
    language: Language = Language.NB


class DeadlineKind(StrEnum):
    """The closing work a deadline belongs to."""

    FINAL_REPORT = "final-report"
    RESULTS_UPLOAD = "results-upload"


class Deadline(_Frozen):
    """A project's deadline as a home tab or overview lists it."""

    project_id: int
    project_number: str
    project_name: str
    channel_id: str
    kind: DeadlineKind
    due: date
    days_left: int = Field(description="Negative when overdue.")
    complete: bool = False

    @property
    def overdue(self) -> bool:
        """True when the day has passed and the work is not complete."""
        return self.days_left < 0 and not self.complete
