"""The SQL implementation of the workflows storage contract; the only place projects and runs touch SQL."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import UTC, date, datetime

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from core.language import Language
from storage.database import Database
from storage.mapping import audit_entry, load_project, load_run, partner_key
from storage.reminder_store import write_plan
from storage.schema import AuditRow, MarkRow, MemberRow, PartnerRow, PositionRow, ProjectRow, RunRow
from storage.transaction import transaction
from workflows.errors import (
    NoActiveRun,
    NoProject,
    PartnerExists,
    ProjectExists,
)
from workflows.models import (
    AuditAction,
    AuditEntry,
    ChecklistRun,
    MarkStatus,
    Member,
    NewProject,
    Project,
    Role,
    StepChange,
)
from workflows.reminders.models import PlannedReminder
from workflows.store import Decide
from workflows.transitions import apply_change

Planner = Callable[[Project, datetime], list[PlannedReminder]]


class SqlWorkflowStore:
    """Projects, runs and the audit trail in SQLite or PostgreSQL (implements ``WorkflowStore``)."""

    def __init__(self, *, database: Database, planner: Planner | None = None) -> None:
        """Use ``database``'s sessions; ``planner`` makes a project's default reminder plan, stored in the same
        transaction that creates the project or changes its end date (none: plans are left to the ticker)."""
        self._database = database
        self._planner = planner

    def _plan(self, session: Session, project: Project, at: datetime) -> None:
        if self._planner is not None:
            planned = self._planner(project, at)
            write_plan(session, project_id=project.id, end_date=project.end_date, planned=planned, at=at)

    def _session(self, *, conflict: Exception | None = None) -> AbstractContextManager[Session]:
        """One transaction; database failures become domain errors and nothing is committed."""
        return transaction(self._database, conflict=conflict)

    def project_for_channel(self, *, channel_id: str) -> Project | None:
        with self._session() as session:
            row = session.scalar(select(ProjectRow).where(ProjectRow.channel_id == channel_id))
            return load_project(session, row) if row else None

    def projects_for_user(self, *, user_id: str) -> list[Project]:
        with self._session() as session:
            rows = session.scalars(
                select(ProjectRow)
                .join(MemberRow, MemberRow.project_id == ProjectRow.id)
                .where(MemberRow.user_id == user_id)
                .order_by(ProjectRow.end_date, ProjectRow.id)
            )
            return [load_project(session, row) for row in rows]

    def project_for_run(self, *, run_id: int) -> Project | None:
        with self._session() as session:
            row = session.scalar(
                select(ProjectRow).join(RunRow, RunRow.project_id == ProjectRow.id).where(RunRow.id == run_id)
            )
            return load_project(session, row) if row else None

    def create_project(self, *, new: NewProject, coordinator_id: str, at: datetime) -> Project:
        with self._session(conflict=ProjectExists(new.number)) as session:
            row = ProjectRow(
                number=new.number,
                name=new.name,
                end_date=new.end_date,
                channel_id=new.channel_id,
                created_by=coordinator_id,
                created_at=at,
            )
            session.add(row)
            session.flush()
            session.add(MemberRow(project_id=row.id, user_id=coordinator_id, role=Role.COORDINATOR.value))
            session.flush()
            project = load_project(session, row)
            self._plan(session, project, at)
            return project

    def update_project(
        self,
        *,
        project_id: int,
        end_date: date | None = None,
        name: str | None = None,
        organisation: str | None = None,
        at: datetime | None = None,
    ) -> Project:
        with self._session() as session:
            row = session.get(ProjectRow, project_id)
            if row is None:
                raise NoProject(str(project_id))
            moved = end_date is not None and end_date != row.end_date
            row.end_date = end_date or row.end_date
            row.name = name or row.name
            row.organisation = organisation or row.organisation
            session.flush()
            project = load_project(session, row)
            if moved:
                self._plan(session, project, at or datetime.now(UTC))
            return project

    def add_partner(self, *, project_id: int, name: str, country: str) -> Project:
        with self._session(conflict=PartnerExists(name)) as session:
            taken = select(PartnerRow.id).where(
                PartnerRow.project_id == project_id, func.lower(PartnerRow.name) == name.lower()
            )
            if session.scalar(taken) is not None:
                raise PartnerExists(name)
            session.add(PartnerRow(project_id=project_id, name=name, country=country))
            session.flush()
            return self._project(session, project_id)

    def put_member(self, *, project_id: int, member: Member) -> Project:
        with self._session() as session:
            session.merge(
                MemberRow(
                    project_id=project_id,
                    user_id=member.user_id,
                    role=member.role.value,
                    partner_id=member.partner_id,
                )
            )
            session.flush()
            return self._project(session, project_id)

    def change_partner(
        self,
        *,
        project_id: int,
        partner_id: int,
        name: str | None = None,
        withdrawn: bool | None = None,
        audit: AuditEntry | None = None,
    ) -> Project:
        with self._session(conflict=PartnerExists(name or "")) as session:
            row = session.get(PartnerRow, partner_id)
            if row is None or row.project_id != project_id:
                raise NoProject(str(project_id))
            if name is not None:
                taken = select(PartnerRow.id).where(
                    PartnerRow.project_id == project_id,
                    func.lower(PartnerRow.name) == name.lower(),
                    PartnerRow.id != partner_id,
                )
                if session.scalar(taken) is not None:
                    raise PartnerExists(name)
                row.name = name
            if withdrawn is not None:
                row.withdrawn = withdrawn
            if audit is not None:
                session.add(_audit_row(audit))
            session.flush()
            return self._project(session, project_id)

    def remove_partner(self, *, project_id: int, partner_id: int) -> Project:
        with self._session() as session:
            session.execute(
                delete(MemberRow).where(
                    MemberRow.project_id == project_id, MemberRow.partner_id == partner_id
                )
            )
            session.execute(
                delete(PartnerRow).where(PartnerRow.project_id == project_id, PartnerRow.id == partner_id)
            )
            session.flush()
            return self._project(session, project_id)

    def remove_member(self, *, project_id: int, user_id: str) -> Project:
        with self._session() as session:
            session.execute(
                delete(MemberRow).where(MemberRow.project_id == project_id, MemberRow.user_id == user_id)
            )
            session.flush()
            return self._project(session, project_id)

    def set_language(self, *, project_id: int, language: Language) -> Project:
        with self._session() as session:
            row = session.get(ProjectRow, project_id)
            if row is None:
                raise NoProject(str(project_id))
            row.language = language.value
            session.flush()
            return load_project(session, row)

    def create_run(
        self, *, project_id: int, procedure_id: str, started_by: str, at: datetime
    ) -> ChecklistRun:
        with self._session() as session:
            row = RunRow(
                project_id=project_id,
                procedure_id=procedure_id,
                version=1,
                started_by=started_by,
                started_at=at,
            )
            session.add(row)
            session.flush()
            return load_run(session, row)

    def runs(self, *, project_id: int) -> list[ChecklistRun]:
        with self._session() as session:
            rows = session.scalars(
                select(RunRow).where(RunRow.project_id == project_id).order_by(RunRow.id.desc())
            )
            return [load_run(session, row) for row in rows]

    def change_run(self, *, run_id: int, decide: Decide) -> tuple[ChecklistRun, StepChange]:
        with self._session() as session:
            # Bumping the version first takes the run's write lock (a row lock in PostgreSQL, the database
            # lock in SQLite): concurrent changes of one run queue here and then decide on fresh state.
            bumped = session.execute(
                update(RunRow)
                .where(RunRow.id == run_id)
                .values(version=RunRow.version + 1)
                .returning(RunRow.version)
            ).scalar_one_or_none()
            if bumped is None:
                raise NoActiveRun(str(run_id))
            row = session.get(RunRow, run_id, populate_existing=True)
            assert row is not None
            before = load_run(session, row).model_copy(update={"version": bumped - 1})
            change = decide(before)
            _write_change(session, run_id=run_id, change=change)
            return apply_change(before, change), change

    def move_position(self, *, run_id: int, user_id: str, step_id: str | None, at: datetime) -> ChecklistRun:
        with self._session() as session:
            session.merge(PositionRow(run_id=run_id, user_id=user_id, step_id=step_id, touched_at=at))
            session.flush()
            row = session.get(RunRow, run_id)
            if row is None:
                raise NoActiveRun(str(run_id))
            return load_run(session, row)

    def audit_trail(self, *, project_id: int, limit: int) -> list[AuditEntry]:
        with self._session() as session:
            rows = session.execute(
                select(AuditRow, RunRow.procedure_id)
                .join(RunRow, RunRow.id == AuditRow.run_id)
                .where(RunRow.project_id == project_id)
                .order_by(AuditRow.id.desc())
                .limit(limit)
            )
            return [audit_entry(row, procedure_id) for row, procedure_id in rows]

    @staticmethod
    def _project(session: Session, project_id: int) -> Project:
        row = session.get(ProjectRow, project_id)
        if row is None:
            raise NoProject(str(project_id))
        return load_project(session, row)


def _audit_row(entry: AuditEntry) -> AuditRow:
    return AuditRow(
        run_id=entry.run_id,
        step_id=entry.step_id,
        partner_id=entry.partner_id,
        action=entry.action.value,
        user_id=entry.user_id,
        at=entry.at,
        platform=entry.platform,
    )


def _write_change(session: Session, *, run_id: int, change: StepChange) -> None:
    key = partner_key(change.partner_id)
    session.execute(
        delete(MarkRow).where(
            MarkRow.run_id == run_id, MarkRow.step_id == change.step_id, MarkRow.partner_key == key
        )
    )
    if change.action is not AuditAction.UNTICK:
        status = MarkStatus.DONE if change.action is AuditAction.TICK else MarkStatus.SKIPPED
        session.add(
            MarkRow(
                run_id=run_id,
                step_id=change.step_id,
                partner_key=key,
                partner_id=change.partner_id,
                status=status.value,
                user_id=change.user_id,
                at=change.at,
                platform=change.platform,
            )
        )
    session.add(
        AuditRow(
            run_id=run_id,
            step_id=change.step_id,
            partner_id=change.partner_id,
            action=change.action.value,
            user_id=change.user_id,
            at=change.at,
            platform=change.platform,
        )
    )
    session.merge(
        PositionRow(
            run_id=run_id, user_id=change.user_id, step_id=change.position_after, touched_at=change.at
        )
    )
    session.flush()
