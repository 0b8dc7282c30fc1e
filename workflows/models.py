"""Projects, people and checklist runs: the typed domain models of the workflows package."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime, timedelta
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from core.language import Language

FINAL_REPORT_DAYS = 60


class Role(StrEnum):
    """A person's role in a project."""

    COORDINATOR = "coordinator"
    PARTNER = "partner"


class MarkStatus(StrEnum):
    """How a step (for one partner) was settled."""

    DONE = "done"
    SKIPPED = "skipped"


class AuditAction(StrEnum):
    """What an audit entry records."""

    TICK = "tick"
    UNTICK = "untick"
    SKIP = "skip"
    WITHDRAW = "withdraw"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class Partner(_Frozen):
    """A partner organisation (school) in the project."""

    id: int
    name: str
    country: str = Field(description="ISO 3166-1 alpha-2 code, e.g. PT.")
    withdrawn: bool = Field(default=False, description="Left the project: no longer counted in any run.")


def name_key(name: str) -> str:
    """A name as it is compared: without accents, case or extra spaces («Escola Básica» = "escola basica")."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


class Member(_Frozen):
    """A person (chat user id) and their role; partner members belong to one partner organisation."""

    user_id: str
    role: Role
    partner_id: int | None = None


class NewProject(_Frozen):
    """What is needed to create a project."""

    number: str
    name: str
    end_date: date
    channel_id: str


class Project(_Frozen):
    """An Erasmus+ project, tied to the chat channel it was created in."""

    id: int
    number: str
    name: str
    end_date: date
    organisation: str | None = Field(default=None, description="The coordinating organisation.")
    channel_id: str
    partners: tuple[Partner, ...] = ()
    members: tuple[Member, ...] = ()
    language: Language | None = Field(default=None, description="The language of channel posts, once set.")

    @property
    def active_partners(self) -> tuple[Partner, ...]:
        """The partners still in the project (a withdrawn partner is not waited for)."""
        return tuple(p for p in self.partners if not p.withdrawn)

    @property
    def final_report_deadline(self) -> date:
        """The final report is due 60 days after the project ends."""
        return self.end_date + timedelta(days=FINAL_REPORT_DAYS)

    def member(self, user_id: str) -> Member | None:
        """The member with ``user_id``, if they belong to the project."""
        return next((m for m in self.members if m.user_id == user_id), None)

    def partner(self, partner_id: int) -> Partner:
        """The partner with ``partner_id`` (it must exist)."""
        return next(p for p in self.partners if p.id == partner_id)

    def find_partner(self, name: str) -> Partner | None:
        """The partner whose name matches ``name`` (without accents and case; a unique prefix is enough)."""
        wanted = name_key(name)
        if not wanted:
            return None
        exact = [p for p in self.partners if name_key(p.name) == wanted]
        if exact:
            return exact[0]
        prefixed = [p for p in self.partners if name_key(p.name).startswith(wanted)]
        return prefixed[0] if len(prefixed) == 1 else None


class StepMark(_Frozen):
    """A settled step: done or skipped, for the whole project or for one partner."""

    step_id: str
    partner_id: int | None = None
    status: MarkStatus
    user_id: str
    at: datetime
    platform: str


class Position(_Frozen):
    """Where one person is in a run: an explicit step after ``back``/``undo``, else the next open one."""

    user_id: str
    step_id: str | None = None
    touched_at: datetime


class ChecklistRun(_Frozen):
    """One project's progress through one procedure."""

    id: int
    project_id: int
    procedure_id: str
    version: int = Field(description="Bumped by every change; a click on an older version is stale.")
    started_by: str
    started_at: datetime
    marks: tuple[StepMark, ...] = ()
    positions: tuple[Position, ...] = ()

    def mark(self, step_id: str, partner_id: int | None = None) -> StepMark | None:
        """The mark of a step (for a partner), if it is settled."""
        return next((m for m in self.marks if m.step_id == step_id and m.partner_id == partner_id), None)

    def position(self, user_id: str) -> Position | None:
        """The person's position in the run, if they have touched it."""
        return next((p for p in self.positions if p.user_id == user_id), None)


class StepChange(_Frozen):
    """A decided change to a run: what to write, and where the person stands afterwards."""

    action: AuditAction
    step_id: str
    partner_id: int | None = None
    user_id: str
    at: datetime
    platform: str
    position_after: str | None = None


class AuditEntry(_Frozen):
    """One recorded tick, untick or skip."""

    run_id: int
    procedure_id: str
    step_id: str
    partner_id: int | None
    action: AuditAction
    user_id: str
    at: datetime
    platform: str
