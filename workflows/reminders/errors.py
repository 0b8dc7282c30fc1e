"""Domain errors of reminder commands; the replies module turns them into friendly text."""

from __future__ import annotations

from datetime import datetime

from workflows.errors import WorkflowError


class ReminderInPast(WorkflowError):
    """``remind add`` for a moment that has already passed."""

    def __init__(self, *, due_at: datetime) -> None:
        super().__init__(due_at.isoformat())
        self.due_at = due_at


class UnknownReminder(WorkflowError):
    """``remind remove`` with an id that is not a pending reminder of the channel's project."""

    def __init__(self, *, reminder_id: int) -> None:
        super().__init__(str(reminder_id))
        self.reminder_id = reminder_id
