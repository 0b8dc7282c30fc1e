"""Reminders by e-mail to partners outside the workspace: the models, the contracts and the pure mail text."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Protocol

from pydantic import BaseModel, ConfigDict

from core.dates import format_date
from core.language import Language
from workflows.messages import say
from workflows.models import Project


class MailStatus(StrEnum):
    """How far one reminder e-mail to one partner has come; only PENDING ones are claimed."""

    PENDING = "pending"
    SENT = "sent"
    SKIPPED = "skipped"
    FAILED = "failed"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class MailDelivery(_Frozen):
    """One reminder to be e-mailed to one partner, with its delivery state."""

    id: int
    reminder_id: int
    partner_id: int
    project_id: int
    status: MailStatus
    attempts: int


class OutgoingMail(_Frozen):
    """A plain-text e-mail."""

    to: str
    subject: str
    text: str
    language: Language


class MailFailed(Exception):
    """An e-mail was not accepted.

    Args:
        reason: Short reason, e.g. ``550 recipient refused`` or ``unreachable``.
        permanent: True when retrying cannot help (the server refused the recipient).
    """

    def __init__(self, reason: str, *, permanent: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.permanent = permanent


class Mailer(Protocol):
    """Hands e-mails to a mail server."""

    def send(self, mail: OutgoingMail) -> str:
        """Send ``mail``; returns its Message-ID. Raises MailFailed."""
        ...


class MailLedger(Protocol):
    """Which reminders went to which partners by e-mail: each goes out once, failures are retried."""

    def enqueue(self, *, now: datetime) -> int:
        """Add a pending delivery for every reminder posted since a partner's address was stored; idempotent."""
        ...

    def claim_due(self, *, now: datetime, lease_seconds: float, token: str) -> list[MailDelivery]:
        """Atomically lease the deliveries due at ``now``; no two callers get the same one."""
        ...

    def finish(
        self, *, delivery_id: int, token: str, status: MailStatus, at: datetime, note: str | None = None,
        message_id: str | None = None, retry_at: datetime | None = None,
    ) -> bool:  # fmt: skip
        """Record the outcome of a leased delivery (PENDING with ``retry_at`` gives it back for a retry)."""
        ...


def reminder_mail(
    *, project: Project, partner: str, to: str, missing: tuple[str, ...], url: str | None, language: Language
) -> OutgoingMail:
    """The reminder e-mail for one partner: what is missing from them and their link."""
    lines = [say("mail.greeting", language, partner=partner), ""]
    lines.append(say("page.project", language, number=project.number, name=project.name))
    deadline = format_date(project.final_report_deadline, language)
    lines.append(say("page.deadline", language, deadline=deadline))
    if missing:
        lines.append(say("mail.missing", language, steps=", ".join(missing)))
    lines += ["", say("mail.link", language, url=url) if url else say("mail.no_link", language), ""]
    lines.append(say("mail.footer", language, project=project.number))
    subject = say("mail.subject", language, project=project.number, partner=partner)
    return OutgoingMail(to=to, subject=subject, text="\n".join(lines), language=language)
