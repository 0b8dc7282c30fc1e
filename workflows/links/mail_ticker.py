"""The e-mail ticker: sends each posted reminder once to every partner with an address, with their link.

Like the channel ticker: deliveries are leased, sent outside any transaction and their outcome recorded; a
refused recipient is reported to the coordinators at once, other failures are retried with back-off and
reported after the last attempt.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta

from pydantic import BaseModel, Field

from core.language import Language
from workflows.definitions import Actor
from workflows.links.mail import MailDelivery, Mailer, MailFailed, MailLedger, MailStatus, reminder_mail
from workflows.links.models import PartnerContact
from workflows.links.service import PartnerLinkService
from workflows.messages import say
from workflows.models import Partner, Project, Role
from workflows.notices import DeliveryFailed, NoticePoster
from workflows.reminders.store import ReminderStore
from workflows.service import Clock, RunState, WorkflowService, utc_now

log = logging.getLogger(__name__)
MAIL_CREATOR = "rapportlos-mail"
Link = Callable[[str], str]


class MailPolicy(BaseModel):
    """Leases and retries of reminder e-mails."""

    lease_seconds: float = 300
    max_attempts: int = 5
    backoff_seconds: tuple[float, ...] = (60, 300, 900, 3600)


class MailReport(BaseModel):
    """What one tick did, by delivery id."""

    sent: list[int] = Field(default_factory=list)
    skipped: list[int] = Field(default_factory=list)
    retrying: list[int] = Field(default_factory=list)
    failed: list[int] = Field(default_factory=list)


class PartnerMailTicker:
    """Sends the reminder e-mails that are due; call ``tick`` beside the channel reminder ticker.

    Args:
        ledger: The deliveries and their leases.
        reminders: Projects by id and their reminder settings.
        workflows: Runs (what is missing from the partner).
        links: Mints the partner's link for the e-mail and knows the addresses.
        mailer: Sends e-mails (SMTP).
        poster: Tells the coordinators when an e-mail could not be delivered.
        link_url: Turns a token into the page address under ``RAPPORTLOS_PUBLIC_URL``.
        policy: Leases and retries.
        clock: Current aware UTC time.
    """

    def __init__(
        self, *, ledger: MailLedger, reminders: ReminderStore, workflows: WorkflowService,
        links: PartnerLinkService, mailer: Mailer, poster: NoticePoster, link_url: Link,
        policy: MailPolicy | None = None, clock: Clock = utc_now,
    ) -> None:  # fmt: skip
        self._ledger = ledger
        self._reminders = reminders
        self._workflows = workflows
        self._links = links
        self._mailer = mailer
        self._poster = poster
        self._link_url = link_url
        self._policy = policy or MailPolicy()
        self._clock = clock

    def tick(self, now: datetime | None = None) -> MailReport:
        """Queue the e-mails of newly posted reminders, then send every one that is due, once."""
        now = now or self._clock()
        self._ledger.enqueue(now=now)
        token = uuid.uuid4().hex
        report = MailReport()
        for delivery in self._ledger.claim_due(
            now=now, lease_seconds=self._policy.lease_seconds, token=token
        ):
            self._handle(delivery, token=token, now=now, report=report)
        return report

    def _handle(self, delivery: MailDelivery, *, token: str, now: datetime, report: MailReport) -> None:
        project = self._reminders.project(project_id=delivery.project_id)
        contact = next(
            (
                c
                for c in self._links.contacts(project_id=delivery.project_id)
                if c.partner_id == delivery.partner_id
            ),
            None,
        )
        partner = (
            next((p for p in project.partners if p.id == delivery.partner_id), None) if project else None
        )
        state = self._final_report(project) if project else None
        language = contact.language if contact else Language.EN
        missing = _missing(state, delivery.partner_id, language) if state else ()
        if project is None or partner is None or contact is None or (state is not None and not missing):
            self._finish(delivery, token, MailStatus.SKIPPED, now, note="nothing_to_send")
            report.skipped.append(delivery.id)
            return
        url = (
            self._link_url(self._links.mint(state, partner=partner, created_by=MAIL_CREATOR).token)
            if state
            else None
        )
        mail = reminder_mail(
            project=project, partner=partner.name, to=contact.email, missing=missing, url=url,
            language=contact.language,
        )  # fmt: skip
        try:
            message_id = self._mailer.send(mail)
        except MailFailed as failure:
            self._failed(delivery, project, partner, contact, failure, token=token, now=now, report=report)
            return
        self._finish(delivery, token, MailStatus.SENT, now, message_id=message_id)
        report.sent.append(delivery.id)

    def _failed(
        self, delivery: MailDelivery, project: Project, partner: Partner, contact: PartnerContact,
        failure: MailFailed, *, token: str, now: datetime, report: MailReport,
    ) -> None:  # fmt: skip
        if not failure.permanent and delivery.attempts < self._policy.max_attempts:
            schedule = self._policy.backoff_seconds
            wait = schedule[min(max(delivery.attempts, 1), len(schedule)) - 1]
            retry_at = now + timedelta(seconds=wait)
            self._finish(delivery, token, MailStatus.PENDING, now, note=failure.reason, retry_at=retry_at)
            report.retrying.append(delivery.id)
            return
        reached = self._report(project, partner, contact, reason=failure.reason)
        note = f"{failure.reason}; told {', '.join(reached) or 'nobody'}"
        self._finish(delivery, token, MailStatus.FAILED, now, note=note)
        report.failed.append(delivery.id)

    def _report(
        self, project: Project, partner: Partner, contact: PartnerContact, *, reason: str
    ) -> list[str]:
        language = self._reminders.settings(project_id=project.id).language
        text = say(
            "mail.failed",
            language,
            partner=partner.name,
            email=contact.email,
            number=project.number,
            reason=reason,
        )
        reached = []
        for member in project.members:
            if member.role is not Role.COORDINATOR:
                continue
            try:
                self._poster.direct(user_id=member.user_id, text=text)
                reached.append(member.user_id)
            except DeliveryFailed as failure:
                log.error("could not tell %s about a failed e-mail: %s", member.user_id, failure)
        return reached

    def _final_report(self, project: Project) -> RunState | None:
        return next(
            (s for s in self._workflows.runs_of(project=project) if s.procedure.id == "final-report"), None
        )

    def _finish(
        self, delivery: MailDelivery, token: str, status: MailStatus, at: datetime, *, note: str | None = None,
        message_id: str | None = None, retry_at: datetime | None = None,
    ) -> None:  # fmt: skip
        finished = self._ledger.finish(
            delivery_id=delivery.id, token=token, status=status, at=at, note=note, message_id=message_id,
            retry_at=retry_at,
        )  # fmt: skip
        if not finished:
            log.error("e-mail delivery %s finished after its lease expired", delivery.id)


def _missing(state: RunState, partner_id: int, language: Language) -> tuple[str, ...]:
    return tuple(
        step.title.get(language)
        for step in state.procedure.steps
        if step.actor is Actor.EACH_PARTNER and state.run.mark(step.id, partner_id) is None
    )
