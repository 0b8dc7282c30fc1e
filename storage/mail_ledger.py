"""The SQL implementation of ``workflows.links.mail.MailLedger``: reminder e-mails, leased and sent once.

Same pattern as ``storage.reminder_store``: due rows are read ``FOR UPDATE SKIP LOCKED`` on PostgreSQL and each
is leased by a conditional UPDATE whose row count says who won.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import and_, or_, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from storage.database import Database
from storage.schema import PartnerContactRow, PartnerMailRow, ReminderRow
from storage.transaction import transaction
from workflows.links.mail import MailDelivery, MailStatus
from workflows.reminders.models import ReminderStatus

_PENDING = MailStatus.PENDING.value
LOOK_BACK = timedelta(days=7)  # reminders posted longer ago than this are not e-mailed any more


class SqlMailLedger:
    """Reminder e-mails in SQLite or PostgreSQL (implements ``MailLedger``)."""

    def __init__(self, *, database: Database) -> None:
        """Use ``database``'s sessions."""
        self._database = database

    def enqueue(self, *, now: datetime) -> int:
        with transaction(self._database) as session:
            pairs = session.execute(
                select(ReminderRow.id, ReminderRow.project_id, PartnerContactRow.partner_id)
                .join(PartnerContactRow, PartnerContactRow.project_id == ReminderRow.project_id)
                .where(
                    ReminderRow.status.in_([ReminderStatus.SENT.value, ReminderStatus.FAILED.value]),
                    ReminderRow.updated_at >= PartnerContactRow.updated_at,
                    ReminderRow.updated_at >= now - LOOK_BACK,
                )
            ).all()
            dialect = session.get_bind().dialect.name
            insert = pg_insert if dialect == "postgresql" else sqlite_insert
            added = 0
            for reminder_id, project_id, partner_id in pairs:
                values = {
                    "reminder_id": reminder_id, "partner_id": partner_id, "project_id": project_id,
                    "status": _PENDING, "attempts": 0, "created_at": now, "updated_at": now,
                }  # fmt: skip
                statement = (
                    insert(PartnerMailRow)
                    .values(**values)
                    .on_conflict_do_nothing(index_elements=["reminder_id", "partner_id"])
                    .returning(PartnerMailRow.id)  # rowcount is not reliable for ORM inserts on every driver
                )
                added += len(session.execute(statement).all())
            return added

    def claim_due(self, *, now: datetime, lease_seconds: float, token: str) -> list[MailDelivery]:
        until = now + timedelta(seconds=lease_seconds)
        with transaction(self._database) as session:
            due = list(
                session.scalars(
                    select(PartnerMailRow.id)
                    .where(
                        _free(now),
                        or_(PartnerMailRow.next_attempt_at.is_(None), PartnerMailRow.next_attempt_at <= now),
                    )
                    .order_by(PartnerMailRow.id)
                    .with_for_update(skip_locked=True)
                )
            )
            won = []
            for delivery_id in due:
                result = session.execute(
                    update(PartnerMailRow)
                    .where(PartnerMailRow.id == delivery_id, _free(now))
                    .values(
                        claim_token=token,
                        claimed_until=until,
                        attempts=PartnerMailRow.attempts + 1,
                        updated_at=now,
                    )
                    .execution_options(synchronize_session=False)
                )
                if int(getattr(result, "rowcount", 0) or 0) == 1:
                    won.append(delivery_id)
            session.expire_all()
            rows = [session.get(PartnerMailRow, delivery_id) for delivery_id in won]
            return [_delivery(row) for row in rows if row is not None]

    def finish(
        self, *, delivery_id: int, token: str, status: MailStatus, at: datetime, note: str | None = None,
        message_id: str | None = None, retry_at: datetime | None = None,
    ) -> bool:  # fmt: skip
        with transaction(self._database) as session:
            result = session.execute(
                update(PartnerMailRow)
                .where(PartnerMailRow.id == delivery_id, PartnerMailRow.claim_token == token)
                .values(
                    status=status.value,
                    claim_token=None,
                    claimed_until=None,
                    note=note,
                    message_id=message_id,
                    next_attempt_at=retry_at,
                    updated_at=at,
                )
            )
            return int(getattr(result, "rowcount", 0) or 0) == 1


def _free(now: datetime):
    return and_(
        PartnerMailRow.status == _PENDING,
        or_(PartnerMailRow.claimed_until.is_(None), PartnerMailRow.claimed_until <= now),
    )


def _delivery(row: PartnerMailRow) -> MailDelivery:
    return MailDelivery(
        id=row.id,
        reminder_id=row.reminder_id,
        partner_id=row.partner_id,
        project_id=row.project_id,
        status=MailStatus(row.status),
        attempts=row.attempts,
    )
