"""The workflow service: advances checklist runs and keeps projects, on behalf of one person at a time."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

from pydantic import BaseModel, ConfigDict

from workflows.definitions import Procedure, ProcedureCatalog
from workflows.errors import NoActiveRun, NoProject, NotAuthorised, UnknownPartner
from workflows.models import AuditEntry, ChecklistRun, Member, NewProject, Project, Role, StepChange
from workflows.store import WorkflowStore
from workflows.transitions import (
    StepAction,
    StepRequest,
    current_step,
    decide,
    is_complete,
    require_member,
    step_before,
)

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    """The current time, timezone-aware in UTC."""
    return datetime.now(UTC)


class RunState(BaseModel):
    """A run with what is needed to show it: its project and its procedure."""

    model_config = ConfigDict(frozen=True)

    project: Project
    procedure: Procedure
    run: ChecklistRun

    @property
    def complete(self) -> bool:
        """True when every step is done or skipped."""
        return is_complete(self.procedure, self.project, self.run)


class StepOutcome(BaseModel):
    """The result of a done/skip/undo: the run afterwards and what changed."""

    model_config = ConfigDict(frozen=True)

    state: RunState
    change: StepChange


class WorkflowService:
    """Turns a person's requests into changes of projects and runs, and persists them."""

    def __init__(self, *, store: WorkflowStore, procedures: ProcedureCatalog, clock: Clock = utc_now) -> None:
        """Create the service.

        Args:
            store: Where projects and runs live.
            procedures: The procedure definitions.
            clock: Returns the current aware UTC time; tests pass their own.
        """
        self._store = store
        self._procedures = procedures
        self._clock = clock

    @property
    def procedures(self) -> ProcedureCatalog:
        """The procedures this service runs."""
        return self._procedures

    def project(self, *, channel_id: str, user_id: str) -> Project:
        """The channel's project, if the person belongs to it (NoProject / NotAuthorised otherwise)."""
        project = self._store.project_for_channel(channel_id=channel_id)
        if project is None:
            raise NoProject(channel_id)
        require_member(project, user_id)
        return project

    def projects_of(self, *, user_id: str) -> list[Project]:
        """The projects a person belongs to, soonest end date first (for overviews such as a home tab)."""
        return self._store.projects_for_user(user_id=user_id)

    def runs_of(self, *, project: Project) -> list[RunState]:
        """A project's runs of known procedures, newest first."""
        known = {p.id for p in self._procedures}
        return [
            RunState(project=project, procedure=self._procedures.get(run.procedure_id), run=run)
            for run in self._store.runs(project_id=project.id)
            if run.procedure_id in known
        ]

    def run_state(self, *, run_id: int) -> RunState:
        """A run by id, whoever looks (for refreshing posted checklists); NoActiveRun if it is gone."""
        project = self._store.project_for_run(run_id=run_id)
        if project is None:
            raise NoActiveRun(str(run_id))
        for state in self.runs_of(project=project):
            if state.run.id == run_id:
                return state
        raise NoActiveRun(str(run_id))

    def add_project(
        self, *, channel_id: str, user_id: str, number: str, end_date: date, name: str
    ) -> Project:
        """Create the channel's project; the person who adds it becomes its coordinator."""
        new = NewProject(number=number, name=name, end_date=end_date, channel_id=channel_id)
        return self._store.create_project(new=new, coordinator_id=user_id, at=self._clock())

    def update_project(
        self,
        *,
        channel_id: str,
        user_id: str,
        end_date: date | None = None,
        name: str | None = None,
        organisation: str | None = None,
    ) -> Project:
        """Change the end date, name or coordinating organisation (coordinators only)."""
        project = self._coordinated(channel_id=channel_id, user_id=user_id)
        return self._store.update_project(
            project_id=project.id, end_date=end_date, name=name, organisation=organisation, at=self._clock()
        )

    def add_partner(self, *, channel_id: str, user_id: str, name: str, country: str) -> Project:
        """Add a partner organisation (coordinators only)."""
        project = self._coordinated(channel_id=channel_id, user_id=user_id)
        return self._store.add_partner(project_id=project.id, name=name, country=country)

    def add_member(
        self, *, channel_id: str, user_id: str, member_id: str, role: Role, partner_name: str | None = None
    ) -> Project:
        """Add a person as coordinator or as a member of a partner organisation (coordinators only)."""
        project = self._coordinated(channel_id=channel_id, user_id=user_id)
        partner_id = None
        if role is Role.PARTNER:
            partner = project.find_partner(partner_name or "")
            if partner is None:
                names = tuple(p.name for p in project.partners)
                raise UnknownPartner(text=partner_name or "", choices=names)
            partner_id = partner.id
        member = Member(user_id=member_id, role=role, partner_id=partner_id)
        return self._store.put_member(project_id=project.id, member=member)

    def start(self, *, channel_id: str, user_id: str, procedure_id: str) -> RunState:
        """Start a procedure, or resume the run of it that is still open."""
        project = self.project(channel_id=channel_id, user_id=user_id)
        procedure = self._procedures.get(procedure_id)
        for run in self._store.runs(project_id=project.id):
            state = RunState(project=project, procedure=self._procedures.get(run.procedure_id), run=run)
            if run.procedure_id == procedure.id and not state.complete:
                return self._touch(state, user_id=user_id, step_id=None)
        run = self._store.create_run(
            project_id=project.id, procedure_id=procedure.id, started_by=user_id, at=self._clock()
        )
        return self._touch(
            RunState(project=project, procedure=procedure, run=run), user_id=user_id, step_id=None
        )

    def active(self, *, channel_id: str, user_id: str) -> RunState | None:
        """The run the person is in: the open one they touched last, else the newest open, else the newest."""
        project = self.project(channel_id=channel_id, user_id=user_id)
        states = self.runs_of(project=project)
        open_states = [s for s in states if not s.complete]
        touched = [s for s in open_states if s.run.position(user_id) is not None]
        if touched:
            return max(touched, key=lambda s: _touched_at(s, user_id))
        candidates = open_states or states
        return candidates[0] if candidates else None

    def change_step(
        self,
        *,
        channel_id: str,
        user_id: str,
        action: StepAction,
        platform: str,
        step_id: str | None = None,
        expected_version: int | None = None,
        run_id: int | None = None,
    ) -> StepOutcome:
        """Tick, skip or untick a step of the person's run (``run_id`` for a button on a given run)."""
        state = self._run(channel_id=channel_id, user_id=user_id, run_id=run_id)
        request = StepRequest(
            action=action,
            user_id=user_id,
            platform=platform,
            at=self._clock(),
            step_id=step_id,
            expected_version=expected_version,
        )
        run, change = self._store.change_run(
            run_id=state.run.id,
            decide=lambda fresh: decide(
                procedure=state.procedure, project=state.project, run=fresh, request=request
            ),
        )
        return StepOutcome(state=state.model_copy(update={"run": run}), change=change)

    def back(self, *, channel_id: str, user_id: str) -> RunState:
        """Move the person one step back in their run (nothing is unticked)."""
        state = self._run(channel_id=channel_id, user_id=user_id, run_id=None)
        member = require_member(state.project, user_id)
        here = current_step(state.procedure, state.project, state.run, member)
        return self._touch(state, user_id=user_id, step_id=step_before(state.procedure, here).id)

    def audit(self, *, channel_id: str, user_id: str, limit: int = 30) -> list[AuditEntry]:
        """The project's audit trail, newest first (coordinators only)."""
        project = self._coordinated(channel_id=channel_id, user_id=user_id)
        return self._store.audit_trail(project_id=project.id, limit=limit)

    def _run(self, *, channel_id: str, user_id: str, run_id: int | None) -> RunState:
        if run_id is None:
            state = self.active(channel_id=channel_id, user_id=user_id)
            if state is None:
                raise NoActiveRun(channel_id)
            return state
        project = self.project(channel_id=channel_id, user_id=user_id)
        for run in self._store.runs(project_id=project.id):
            if run.id == run_id:
                return RunState(project=project, procedure=self._procedures.get(run.procedure_id), run=run)
        raise NoActiveRun(channel_id)

    def _touch(self, state: RunState, *, user_id: str, step_id: str | None) -> RunState:
        run = self._store.move_position(
            run_id=state.run.id, user_id=user_id, step_id=step_id, at=self._clock()
        )
        return state.model_copy(update={"run": run})

    def _coordinated(self, *, channel_id: str, user_id: str) -> Project:
        project = self.project(channel_id=channel_id, user_id=user_id)
        member = require_member(project, user_id)
        if member.role is not Role.COORDINATOR:
            raise NotAuthorised(reason="coordinator_only")
        return project


def _touched_at(state: RunState, user_id: str) -> datetime:
    position = state.run.position(user_id)
    assert position is not None
    return position.touched_at
