"""A run with its project and procedure, and the outcome of a step change: what the service hands out."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from pydantic import BaseModel, ConfigDict

from workflows.definitions import Procedure
from workflows.models import ChecklistRun, Project, StepChange
from workflows.transitions import is_complete

Clock = Callable[[], datetime]
DEFAULT_TIMEZONE = "Europe/Oslo"


def utc_now() -> datetime:
    """The current time, timezone-aware in UTC."""
    return datetime.now(UTC)


class RunState(BaseModel):
    """A run with what is needed to show it: its project and its procedure."""

    model_config = ConfigDict(frozen=True)

    project: Project
    procedure: Procedure
    run: ChecklistRun
    timezone: str = DEFAULT_TIMEZONE

    @property
    def complete(self) -> bool:
        """True when every step is done or skipped."""
        return is_complete(self.procedure, self.project, self.run)


class StepOutcome(BaseModel):
    """The result of a done/skip/undo: the run afterwards and what changed."""

    model_config = ConfigDict(frozen=True)

    state: RunState
    change: StepChange
    followed_by: RunState | None = None
