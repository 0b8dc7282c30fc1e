"""The storage contracts the workflow service needs; ``storage`` implements them over SQL."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Protocol

from core.language import Language
from workflows.models import AuditEntry, ChecklistRun, Member, NewProject, Project, StepChange

Decide = Callable[[ChecklistRun], StepChange]


class ProjectStore(Protocol):
    """Projects, their partner organisations and their people."""

    def project_for_channel(self, *, channel_id: str) -> Project | None:
        """The project that belongs to a chat channel, if any."""
        ...

    def projects_for_user(self, *, user_id: str) -> list[Project]:
        """The projects a person belongs to, soonest end date first."""
        ...

    def project_for_run(self, *, run_id: int) -> Project | None:
        """The project a run belongs to."""
        ...

    def create_project(self, *, new: NewProject, coordinator_id: str, at: datetime) -> Project:
        """Create a project with ``coordinator_id`` as its first coordinator; raises ProjectExists."""
        ...

    def update_project(
        self,
        *,
        project_id: int,
        end_date: date | None = None,
        name: str | None = None,
        organisation: str | None = None,
        at: datetime | None = None,
    ) -> Project:
        """Change the fields that are given (``at``: when; a new end date re-plans the reminders then)."""
        ...

    def add_partner(self, *, project_id: int, name: str, country: str) -> Project:
        """Add a partner organisation; raises PartnerExists."""
        ...

    def put_member(self, *, project_id: int, member: Member) -> Project:
        """Add a person, or change their role."""
        ...

    def change_partner(
        self,
        *,
        project_id: int,
        partner_id: int,
        name: str | None = None,
        withdrawn: bool | None = None,
        audit: AuditEntry | None = None,
    ) -> Project:
        """Rename a partner (raises PartnerExists) or mark it withdrawn, with ``audit`` in the same transaction."""
        ...

    def remove_partner(self, *, project_id: int, partner_id: int) -> Project:
        """Delete a partner added by mistake, with its people and its marks."""
        ...

    def remove_member(self, *, project_id: int, user_id: str) -> Project:
        """Take a person out of the project."""
        ...

    def set_language(self, *, project_id: int, language: Language) -> Project:
        """Set the language of the project's channel posts."""
        ...


class RunStore(Protocol):
    """Checklist runs, their marks and the audit trail."""

    def create_run(
        self, *, project_id: int, procedure_id: str, started_by: str, at: datetime
    ) -> ChecklistRun:
        """Start a run of a procedure for a project."""
        ...

    def runs(self, *, project_id: int) -> list[ChecklistRun]:
        """The project's runs, newest first."""
        ...

    def change_run(self, *, run_id: int, decide: Decide) -> tuple[ChecklistRun, StepChange]:
        """Atomically: lock the run, ``decide`` on its fresh state, write the change and its audit entry.

        Whatever ``decide`` raises is passed on and nothing is written. Concurrent changes of one run are
        serialised, so none is lost and none is applied twice.
        """
        ...

    def move_position(self, *, run_id: int, user_id: str, step_id: str | None, at: datetime) -> ChecklistRun:
        """Set where a person stands in a run (None: follow the next open step)."""
        ...

    def audit_trail(self, *, project_id: int, limit: int) -> list[AuditEntry]:
        """The newest ``limit`` ticks, unticks and skips of the project's runs, newest first."""
        ...


class WorkflowStore(ProjectStore, RunStore, Protocol):
    """Everything the workflow service stores."""
