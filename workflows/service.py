"""The workflow service: advances checklist runs and keeps projects, on behalf of one person at a time."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from core.language import Language
from workflows.definitions import ProcedureCatalog
from workflows.errors import FarDate, NoActiveRun, NoProject, NotAuthorised, UnknownMember, UnknownPartner
from workflows.models import (
    AuditAction,
    AuditEntry,
    ChecklistRun,
    Member,
    NewProject,
    Partner,
    Project,
    Role,
)

__all__ = ["DEFAULT_TIMEZONE", "Clock", "RunState", "StepOutcome", "WorkflowService", "utc_now"]
from workflows.run_state import DEFAULT_TIMEZONE, Clock, RunState, StepOutcome, utc_now
from workflows.store import WorkflowStore
from workflows.transitions import (
    StepAction,
    StepRequest,
    current_step,
    decide,
    require_member,
    step_before,
)

FAR_DAYS = 3652  # ten years: an end date further away is asked back


class WorkflowService:
    """Turns a person's requests into changes of projects and runs, and persists them."""

    def __init__(
        self,
        *,
        store: WorkflowStore,
        procedures: ProcedureCatalog,
        clock: Clock = utc_now,
        timezone: str = DEFAULT_TIMEZONE,
    ) -> None:
        """Create the service.

        Args:
            store: Where projects and runs live.
            procedures: The procedure definitions.
            clock: Returns the current aware UTC time; tests pass their own.
            timezone: The IANA zone times are shown in (``RAPPORTLOS_TIMEZONE``).
        """
        self._store = store
        self._procedures = procedures
        self._clock = clock
        self._timezone = timezone

    @property
    def timezone(self) -> str:
        """The zone times are shown in."""
        return self._timezone

    def _state(self, project: Project, run: ChecklistRun) -> RunState:
        procedure = self._procedures.get(run.procedure_id)
        return RunState(project=project, procedure=procedure, run=run, timezone=self._timezone)

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
            self._state(project, run)
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
        self,
        *,
        channel_id: str,
        user_id: str,
        number: str,
        end_date: date,
        name: str,
        confirmed: bool = False,
    ) -> Project:
        """Create the channel's project; the person who adds it becomes its coordinator.

        Raises:
            FarDate: the end date is more than ten years from today and not ``confirmed``.
        """
        self.check_end_date(end_date, confirmed=confirmed)
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
        confirmed: bool = False,
    ) -> Project:
        """Change the end date, name or coordinating organisation (coordinators only)."""
        project = self._coordinated(channel_id=channel_id, user_id=user_id)
        if end_date is not None:
            self.check_end_date(end_date, confirmed=confirmed)
        return self._store.update_project(
            project_id=project.id, end_date=end_date, name=name, organisation=organisation, at=self._clock()
        )

    def today(self) -> date:
        """Today's date in the service's time zone."""
        return self._clock().astimezone(ZoneInfo(self._timezone)).date()

    def check_end_date(self, end_date: date, *, confirmed: bool) -> None:
        """Raise :class:`FarDate` for an end date more than ten years from today, unless confirmed."""
        if not confirmed and abs((end_date - self.today()).days) > FAR_DAYS:
            raise FarDate(text=end_date.isoformat())

    def set_language(self, *, channel_id: str, user_id: str, language: Language) -> Project:
        """Set the language of the project's channel posts (coordinators only)."""
        project = self._coordinated(channel_id=channel_id, user_id=user_id)
        return self._store.set_language(project_id=project.id, language=language)

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
            partner_id = _partner(project, partner_name or "").id
        member = Member(user_id=member_id, role=role, partner_id=partner_id)
        return self._store.put_member(project_id=project.id, member=member)

    def rename_partner(self, *, channel_id: str, user_id: str, old: str, new: str) -> Project:
        """Correct a partner's name (coordinators only)."""
        project = self._coordinated(channel_id=channel_id, user_id=user_id)
        partner = _partner(project, old)
        return self._store.change_partner(project_id=project.id, partner_id=partner.id, name=new.strip())

    def remove_partner(self, *, channel_id: str, user_id: str, name: str) -> Project:
        """Delete a partner added by mistake, with its people (coordinators only)."""
        project = self._coordinated(channel_id=channel_id, user_id=user_id)
        return self._store.remove_partner(project_id=project.id, partner_id=_partner(project, name).id)

    def withdraw_partner(self, *, channel_id: str, user_id: str, name: str, platform: str) -> Project:
        """Mark a partner as withdrawn: no run waits for it any more; the newest run's audit records it."""
        project = self._coordinated(channel_id=channel_id, user_id=user_id)
        partner = _partner(project, name)
        runs = self.runs_of(project=project)
        audit = None
        if runs:
            newest = next((s for s in runs if not s.complete), runs[0])
            audit = AuditEntry(
                run_id=newest.run.id,
                procedure_id=newest.procedure.id,
                step_id="",
                partner_id=partner.id,
                action=AuditAction.WITHDRAW,
                user_id=user_id,
                at=self._clock(),
                platform=platform,
            )
        return self._store.change_partner(
            project_id=project.id, partner_id=partner.id, withdrawn=True, audit=audit
        )

    def remove_member(self, *, channel_id: str, user_id: str, member_id: str) -> Project:
        """Take a person out of the project (coordinators only; the last coordinator stays)."""
        project = self._coordinated(channel_id=channel_id, user_id=user_id)
        member = project.member(member_id)
        if member is None:
            raise UnknownMember(text=member_id, choices=tuple(m.user_id for m in project.members))
        coordinators = [m for m in project.members if m.role is Role.COORDINATOR]
        if member.role is Role.COORDINATOR and len(coordinators) == 1:
            raise NotAuthorised(reason="last_coordinator")
        return self._store.remove_member(project_id=project.id, user_id=member_id)

    def start(self, *, channel_id: str, user_id: str, procedure_id: str) -> RunState:
        """Start a procedure, or resume the run of it that is still open."""
        project = self.project(channel_id=channel_id, user_id=user_id)
        procedure = self._procedures.get(procedure_id)
        for state in self.runs_of(project=project):
            if state.run.procedure_id == procedure.id and not state.complete:
                return self._touch(state, user_id=user_id, step_id=None)
        run = self._store.create_run(
            project_id=project.id, procedure_id=procedure.id, started_by=user_id, at=self._clock()
        )
        return self._touch(self._state(project, run), user_id=user_id, step_id=None)

    def open_runs(self, *, channel_id: str, user_id: str) -> list[RunState]:
        """Every open run of the channel's project, newest first."""
        project = self.project(channel_id=channel_id, user_id=user_id)
        return [state for state in self.runs_of(project=project) if not state.complete]

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
        after = state.model_copy(update={"run": run})
        return StepOutcome(state=after, change=change, followed_by=self._follow_up(after, user_id=user_id))

    def _follow_up(self, state: RunState, *, user_id: str) -> RunState | None:
        """The run a finished procedure leads to (the results upload after the final report), started once."""
        follow = state.procedure.followed_by
        if follow is None or not state.complete or follow not in {p.id for p in self._procedures}:
            return None
        if any(s.run.procedure_id == follow for s in self.runs_of(project=state.project)):
            return None
        run = self._store.create_run(
            project_id=state.project.id, procedure_id=follow, started_by=user_id, at=self._clock()
        )
        return self._state(state.project, run)

    def back(self, *, channel_id: str, user_id: str) -> RunState:
        """Move the person one step back in their run (nothing is unticked)."""
        state = self._run(channel_id=channel_id, user_id=user_id, run_id=None)
        member = require_member(state.project, user_id)
        here = current_step(state.procedure, state.project, state.run, member)
        return self._touch(state, user_id=user_id, step_id=step_before(state.procedure, here).id)

    def audit(self, *, channel_id: str, user_id: str, limit: int = 30) -> list[AuditEntry]:
        """The project's audit trail, newest first (coordinators only)."""
        project = self._coordinated(channel_id=channel_id, user_id=user_id)
        zone = ZoneInfo(self._timezone)
        entries = self._store.audit_trail(project_id=project.id, limit=limit)
        return [entry.model_copy(update={"at": entry.at.astimezone(zone)}) for entry in entries]

    def _run(self, *, channel_id: str, user_id: str, run_id: int | None) -> RunState:
        if run_id is None:
            state = self.active(channel_id=channel_id, user_id=user_id)
            if state is None:
                raise NoActiveRun(channel_id)
            return state
        project = self.project(channel_id=channel_id, user_id=user_id)
        for state in self.runs_of(project=project):
            if state.run.id == run_id:
                return state
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


def _partner(project: Project, name: str) -> Partner:
    partner = project.find_partner(name)
    if partner is None:
        raise UnknownPartner(text=name, choices=tuple(p.name for p in project.partners))
    return partner


def _touched_at(state: RunState, user_id: str) -> datetime:
    position = state.run.position(user_id)
    assert position is not None
    return position.touched_at
