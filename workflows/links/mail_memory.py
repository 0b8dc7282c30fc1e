"""The in-memory twin of ``MailLedger``, for tests and tools: fed with the reminders that were posted."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from workflows.links.mail import MailDelivery, MailStatus
from workflows.links.store import PartnerLinkStore

Posted = tuple[int, int, datetime]  # reminder id, project id, when it was posted (or given up on)
LOOK_BACK = timedelta(days=7)


@dataclass(frozen=True)
class _Row:
    delivery: MailDelivery
    token: str | None = None
    claimed_until: datetime | None = None
    next_attempt_at: datetime | None = None
    note: str | None = None
    message_id: str | None = None


class MemoryMailLedger:
    """Reminder e-mails in a dictionary (implements ``MailLedger``).

    Args:
        posted: The reminders posted so far, as (reminder id, project id, moment).
        contacts: Where the partners' addresses are (and when they were stored).
    """

    def __init__(self, *, posted: Callable[[], Iterable[Posted]], contacts: PartnerLinkStore) -> None:
        self._posted = posted
        self._contacts = contacts
        self._rows: dict[int, _Row] = {}

    def enqueue(self, *, now: datetime) -> int:
        known = {(r.delivery.reminder_id, r.delivery.partner_id) for r in self._rows.values()}
        added = 0
        for reminder_id, project_id, at in self._posted():
            for contact in self._contacts.contacts(project_id=project_id):
                key = (reminder_id, contact.partner_id)
                if key in known or at < contact.updated_at or at < now - LOOK_BACK:
                    continue
                delivery = MailDelivery(
                    id=len(self._rows) + 1, reminder_id=reminder_id, partner_id=contact.partner_id,
                    project_id=project_id, status=MailStatus.PENDING, attempts=0,
                )  # fmt: skip
                self._rows[delivery.id] = _Row(delivery=delivery)
                known.add(key)
                added += 1
        return added

    def claim_due(self, *, now: datetime, lease_seconds: float, token: str) -> list[MailDelivery]:
        claimed = []
        for row in list(self._rows.values()):
            free = row.claimed_until is None or row.claimed_until <= now
            due = row.next_attempt_at is None or row.next_attempt_at <= now
            if row.delivery.status is MailStatus.PENDING and free and due:
                delivery = row.delivery.model_copy(update={"attempts": row.delivery.attempts + 1})
                self._rows[delivery.id] = replace(
                    row, delivery=delivery, token=token, claimed_until=now + timedelta(seconds=lease_seconds)
                )
                claimed.append(delivery)
        return claimed

    def finish(
        self, *, delivery_id: int, token: str, status: MailStatus, at: datetime, note: str | None = None,
        message_id: str | None = None, retry_at: datetime | None = None,
    ) -> bool:  # fmt: skip
        row = self._rows.get(delivery_id)
        if row is None or row.token != token:
            return False
        delivery = row.delivery.model_copy(update={"status": status})
        self._rows[delivery_id] = _Row(
            delivery=delivery, next_attempt_at=retry_at, note=note, message_id=message_id
        )
        return True
