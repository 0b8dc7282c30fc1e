"""The SQL implementation of ``workflows.reminders.store.ReminderStore``: plans, leases and delivery state.

Claiming is safe against several bot processes on one PostgreSQL: due rows are read ``FOR UPDATE SKIP LOCKED``
and each is then leased by a conditional UPDATE (free lease and still pending) whose row count says who won.
SQLite has no row locks; the conditional UPDATE still prevents a double lease, but one ticking process per
SQLite file is the supported setup.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import ColumnElement, Executable, and_, func, or_, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from core.language import Language
from storage.database import Database
from storage.mapping import load_project
from storage.schema import ProjectRow, ReminderRow, ReminderSettingsRow
from storage.transaction import transaction
from workflows.models import Project
from workflows.reminders.models import (
    Claim,
    NewReminder,
    PlannedReminder,
    Reminder,
    ReminderKind,
    ReminderSettings,
    ReminderStatus,
    SkipReason,
)
from workflows.reminders.plan import split_superseded

_PENDING = ReminderStatus.PENDING.value


class SqlReminderStore:
    """Reminders in SQLite or PostgreSQL (implements ``ReminderStore``)."""

    def __init__(self, *, database: Database) -> None:
        """Use ``database``'s sessions."""
        self._database = database

    def _session(self) -> AbstractContextManager[Session]:
        # A unique-key clash here is a bug or a lost race; callers see ConcurrentChange, never a raw driver error.
        return transaction(self._database)

    def project(self, *, project_id: int) -> Project | None:
        with self._session() as session:
            row = session.get(ProjectRow, project_id)
            return load_project(session, row) if row else None

    def projects_to_plan(self) -> list[Project]:
        with self._session() as session:
            rows = session.scalars(
                select(ProjectRow)
                .outerjoin(ReminderSettingsRow, ReminderSettingsRow.project_id == ProjectRow.id)
                .where(
                    or_(
                        ReminderSettingsRow.planned_end_date.is_(None),
                        ReminderSettingsRow.planned_end_date != ProjectRow.end_date,
                    )
                )
                .order_by(ProjectRow.id)
            )
            return [load_project(session, row) for row in rows]

    def plan(self, *, project_id: int, end_date: date, planned: list[PlannedReminder], at: datetime) -> None:
        with self._session() as session:
            write_plan(session, project_id=project_id, end_date=end_date, planned=planned, at=at)

    def add(self, *, new: NewReminder, at: datetime) -> Reminder:
        with self._session() as session:
            row = ReminderRow(
                project_id=new.project_id,
                kind=ReminderKind.CUSTOM.value,
                text=new.text,
                due_at=new.due_at,
                status=_PENDING,
                late=False,
                attempts=0,
                created_by=new.created_by,
                created_at=at,
                updated_at=at,
            )
            session.add(row)
            session.flush()
            return _reminder(row)

    def pending(self, *, project_id: int) -> list[Reminder]:
        with self._session() as session:
            rows = session.scalars(
                select(ReminderRow)
                .where(ReminderRow.project_id == project_id, ReminderRow.status == _PENDING)
                .order_by(ReminderRow.due_at, ReminderRow.id)
            )
            return [_reminder(row) for row in rows]

    def cancel(self, *, project_id: int, reminder_id: int, at: datetime) -> Reminder | None:
        with self._session() as session:
            row = session.get(ReminderRow, reminder_id, with_for_update=True)
            if row is None or row.project_id != project_id or row.status != _PENDING:
                return None
            row.status, row.note, row.updated_at = (
                ReminderStatus.CANCELLED.value,
                SkipReason.REMOVED.value,
                at,
            )
            session.flush()
            return _reminder(row)

    def settings(self, *, project_id: int) -> ReminderSettings:
        with self._session() as session:
            row = session.get(ReminderSettingsRow, project_id)
            if row is None:
                return ReminderSettings(project_id=project_id)
            return ReminderSettings(project_id=project_id, paused=row.paused, language=Language(row.language))

    def put_settings(self, *, settings: ReminderSettings) -> None:
        with self._session() as session:
            row = self._settings_row(session, settings.project_id)
            row.paused, row.language = settings.paused, settings.language.value

    def claim_due(self, *, now: datetime, lease_seconds: float, token: str) -> Claim:
        until = now + timedelta(seconds=lease_seconds)
        with self._session() as session:
            due = list(
                session.scalars(
                    select(ReminderRow)
                    .where(
                        ReminderRow.status == _PENDING,
                        ReminderRow.due_at <= now,
                        or_(ReminderRow.next_attempt_at.is_(None), ReminderRow.next_attempt_at <= now),
                        or_(ReminderRow.claimed_until.is_(None), ReminderRow.claimed_until <= now),
                    )
                    .order_by(ReminderRow.due_at, ReminderRow.id)
                    .with_for_update(skip_locked=True)
                )
            )
            keep, older = split_superseded([_reminder(r) for r in due], newest=_newest(session, due, now))
            for reminder in older:
                _settle_if_free(session, reminder.id, now=now, status=ReminderStatus.SUPERSEDED)
            claimed = [r for r in keep if _lease(session, r.id, now=now, until=until, token=token)]
            session.expire_all()
            rows = [session.get(ReminderRow, r.id) for r in claimed]
            return Claim(token=token, until=until, reminders=tuple(_reminder(r) for r in rows if r))

    def mark_sent(self, *, reminder_id: int, token: str, message_id: str, at: datetime, late: bool) -> bool:
        return self._finish(
            reminder_id,
            token,
            status=ReminderStatus.SENT,
            at=at,
            message_id=message_id,
            sent_at=at,
            late=late,
        )

    def mark_skipped(self, *, reminder_id: int, token: str, reason: SkipReason, at: datetime) -> bool:
        return self._finish(reminder_id, token, status=ReminderStatus.SKIPPED, at=at, note=reason.value)

    def mark_failed(self, *, reminder_id: int, token: str, error: str, at: datetime) -> bool:
        return self._finish(reminder_id, token, status=ReminderStatus.FAILED, at=at, note=error)

    def release(self, *, reminder_id: int, token: str, retry_at: datetime, error: str) -> bool:
        return self._finish(
            reminder_id, token, status=ReminderStatus.PENDING, at=None, next_attempt_at=retry_at, note=error
        )

    def _finish(
        self, reminder_id: int, token: str, *, status: ReminderStatus, at: datetime | None, **values: object
    ) -> bool:
        changes: dict[str, object] = {"status": status.value, "claim_token": None, "claimed_until": None}
        changes.update(values)
        if at is not None:
            changes["updated_at"] = at
        with self._session() as session:
            result = session.execute(
                update(ReminderRow)
                .where(ReminderRow.id == reminder_id, ReminderRow.claim_token == token)
                .values(**changes)
            )
            return _count(result) == 1

    @staticmethod
    def _settings_row(session: Session, project_id: int) -> ReminderSettingsRow:
        row = session.get(ReminderSettingsRow, project_id, with_for_update=True)
        if row is None:
            row = ReminderSettingsRow(project_id=project_id, paused=False, language=Language.NB.value)
            session.add(row)
        return row


def write_plan(
    session: Session, *, project_id: int, end_date: date, planned: list[PlannedReminder], at: datetime
) -> None:
    """Store a project's default plan for ``end_date`` within ``session``'s transaction (also the one that creates or
    changes the project): pending default reminders of another end date are cancelled, the new ones stored once."""
    suffix = f"@{end_date.isoformat()}"
    session.execute(
        update(ReminderRow)
        .where(
            ReminderRow.project_id == project_id,
            ReminderRow.kind == ReminderKind.DEFAULT.value,
            _free(at),
            ~ReminderRow.plan_key.endswith(suffix),
        )
        .values(status=ReminderStatus.CANCELLED.value, note=SkipReason.REPLANNED.value, updated_at=at)
    )
    for item in planned:
        session.execute(_insert_planned(session, project_id=project_id, item=item, at=at))
    settings = SqlReminderStore._settings_row(session, project_id)
    settings.planned_end_date = end_date


def _insert_planned(session: Session, *, project_id: int, item: PlannedReminder, at: datetime) -> Executable:
    values = {
        "project_id": project_id,
        "kind": ReminderKind.DEFAULT.value,
        "plan_key": item.key,
        "offset_days": item.offset_days,
        "due_at": item.due_at,
        "status": _PENDING,
        "late": False,
        "attempts": 0,
        "created_at": at,
        "updated_at": at,
    }
    dialect = session.get_bind().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    return (
        insert(ReminderRow).values(**values).on_conflict_do_nothing(index_elements=["project_id", "plan_key"])
    )


def _newest(session: Session, due: list[ReminderRow], now: datetime) -> dict[int, datetime]:
    """Per project of ``due``: the newest due moment among its pending and sent reminders."""
    projects = {row.project_id for row in due}
    if not projects:
        return {}
    rows = session.execute(
        select(ReminderRow.project_id, func.max(ReminderRow.due_at))
        .where(
            ReminderRow.project_id.in_(projects),
            ReminderRow.due_at <= now,
            ReminderRow.status.in_([_PENDING, ReminderStatus.SENT.value]),
        )
        .group_by(ReminderRow.project_id)
    )
    return {project_id: _aware(newest) for project_id, newest in rows}


def _aware(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _free(now: datetime) -> ColumnElement[bool]:
    return and_(
        ReminderRow.status == _PENDING,
        or_(ReminderRow.claimed_until.is_(None), ReminderRow.claimed_until <= now),
    )


def _lease(session: Session, reminder_id: int, *, now: datetime, until: datetime, token: str) -> bool:
    result = session.execute(
        update(ReminderRow)
        .where(ReminderRow.id == reminder_id, _free(now))
        .values(
            claim_token=token,
            claimed_until=until,
            attempts=ReminderRow.attempts + 1,
            updated_at=now,
        )
        .execution_options(synchronize_session=False)
    )
    return _count(result) == 1


def _settle_if_free(session: Session, reminder_id: int, *, now: datetime, status: ReminderStatus) -> None:
    session.execute(
        update(ReminderRow)
        .where(ReminderRow.id == reminder_id, _free(now))
        .values(status=status.value, note=SkipReason.NEWER_DUE.value, updated_at=now)
        .execution_options(synchronize_session=False)
    )


def _count(result: object) -> int:
    return int(getattr(result, "rowcount", 0) or 0)


def _reminder(row: ReminderRow) -> Reminder:
    return Reminder(
        id=row.id,
        project_id=row.project_id,
        kind=ReminderKind(row.kind),
        plan_key=row.plan_key,
        offset_days=row.offset_days,
        text=row.text,
        due_at=row.due_at,
        status=ReminderStatus(row.status),
        late=row.late,
        attempts=row.attempts,
        next_attempt_at=row.next_attempt_at,
        message_id=row.message_id,
        sent_at=row.sent_at,
        note=row.note,
        created_by=row.created_by,
    )
