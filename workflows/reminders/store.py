"""The storage contract of reminders; ``storage.reminder_store.SqlReminderStore`` implements it over SQL."""

from __future__ import annotations

from datetime import date, datetime
from typing import Protocol

from workflows.models import Project
from workflows.reminders.models import (
    Claim,
    NewReminder,
    PlannedReminder,
    Reminder,
    ReminderSettings,
    SkipReason,
)


class ReminderStore(Protocol):
    """Reminders, their delivery leases and each project's reminder settings."""

    def project(self, *, project_id: int) -> Project | None:
        """A project by id, whoever asks (the ticker acts for nobody in particular)."""
        ...

    def projects_to_plan(self) -> list[Project]:
        """Projects whose default plan is missing or was made for another end date."""
        ...

    def plan(self, *, project_id: int, end_date: date, planned: list[PlannedReminder], at: datetime) -> None:
        """Store the default reminders planned from ``end_date``; idempotent, safe for racing processes.

        Pending default reminders planned from another end date are cancelled (custom ones stay).
        """
        ...

    def add(self, *, new: NewReminder, at: datetime) -> Reminder:
        """Store a custom reminder."""
        ...

    def pending(self, *, project_id: int) -> list[Reminder]:
        """The project's pending reminders, soonest first."""
        ...

    def cancel(self, *, project_id: int, reminder_id: int, at: datetime) -> Reminder | None:
        """Cancel a pending reminder of the project; None when there is no such pending reminder."""
        ...

    def settings(self, *, project_id: int) -> ReminderSettings:
        """The project's reminder settings (defaults when never set)."""
        ...

    def put_settings(self, *, settings: ReminderSettings) -> None:
        """Store the project's reminder settings."""
        ...

    def claim_due(self, *, now: datetime, lease_seconds: float, token: str) -> Claim:
        """Atomically lease the reminders due at ``now`` to the caller; no two callers get the same one.

        Of several due reminders of one project only the newest are claimed; older ones are marked
        superseded. Reminders leased to someone else whose lease has not expired are left alone.
        """
        ...

    def mark_sent(self, *, reminder_id: int, token: str, message_id: str, at: datetime, late: bool) -> bool:
        """Record a posted reminder; False when the lease was lost (someone else may have posted it)."""
        ...

    def mark_skipped(self, *, reminder_id: int, token: str, reason: SkipReason, at: datetime) -> bool:
        """Record that a due reminder was deliberately not posted."""
        ...

    def mark_failed(self, *, reminder_id: int, token: str, error: str, at: datetime) -> bool:
        """Record that a reminder could not be delivered and was reported to the coordinators."""
        ...

    def release(self, *, reminder_id: int, token: str, retry_at: datetime, error: str) -> bool:
        """Give a reminder back after a failed post, to be claimed again at ``retry_at``."""
        ...
