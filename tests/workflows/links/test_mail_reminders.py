"""Reminders by e-mail against a local SMTP server (aiosmtpd): sent once with the link, refusals reported."""

from __future__ import annotations

import re
import socket
from collections.abc import Iterator
from datetime import timedelta
from email import message_from_bytes, policy
from email.message import EmailMessage, Message
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from bot.engine.partner_links import link_url
from bot.mail.smtp import SmtpMailer
from storage.database import Database
from storage.link_store import SqlLinkStore
from storage.mail_ledger import SqlMailLedger
from storage.reminder_store import SqlReminderStore
from storage.workflow_store import SqlWorkflowStore
from tests.bot.web.scenario import CHANNEL, COORD, OTHER, PARTNER, build_scenario
from tests.databases import Clock
from tests.workflows.reminders.scenario import RecordingPoster
from workflows.links.mail_ticker import MailPolicy, PartnerMailTicker
from workflows.links.service import PartnerLinkService
from workflows.reminders.models import NewReminder
from workflows.reminders.ticker import ReminderTicker

PUBLIC = "https://partners.example"
GOOD, REFUSED = "ana@escola-azul.example", "nobody@refused.example"


class Mailbox:
    """An aiosmtpd handler: refuses recipients at refused.example, can defer the next messages, keeps the rest."""

    def __init__(self) -> None:
        self.messages: list[Message] = []
        self.defer_next = 0

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str, options: Any) -> str:
        if address.endswith("@refused.example"):
            return "550 5.1.1 No such user here"
        if self.defer_next:
            self.defer_next -= 1
            return "451 4.3.0 Try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append(message_from_bytes(envelope.content, policy=policy.default))
        return "250 Message accepted for delivery"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def smtp() -> Iterator[tuple[Mailbox, int]]:
    mailbox = Mailbox()
    port = _free_port()
    controller = Controller(mailbox, hostname="127.0.0.1", port=port)
    controller.start()
    yield mailbox, port
    controller.stop()


def _setup(
    database: Database, clock: Clock, port: int
) -> tuple[PartnerMailTicker, ReminderTicker, RecordingPoster, PartnerLinkService]:
    scenario = build_scenario(database, clock)
    links = scenario.links
    links.set_email(channel_id=CHANNEL, user_id=COORD, partner_name=PARTNER, email=GOOD)
    links.set_email(channel_id=CHANNEL, user_id=COORD, partner_name=OTHER, email=REFUSED)
    clock.advance(minutes=1)
    reminders = SqlReminderStore(database=database)
    project = scenario.workflows.project(channel_id=CHANNEL, user_id=COORD)
    reminders.add(
        new=NewReminder(project_id=project.id, due_at=clock.now, text="Sluttrapport!", created_by=COORD),
        at=clock.now,
    )
    poster = RecordingPoster()
    channel = ReminderTicker(store=reminders, workflows=scenario.workflows, poster=poster, clock=clock)
    mail = PartnerMailTicker(
        ledger=SqlMailLedger(database=database),
        reminders=reminders,
        workflows=scenario.workflows,
        links=PartnerLinkService(
            store=SqlLinkStore(database=database), workflows=scenario.workflows,
            runs=SqlWorkflowStore(database=database), clock=clock,
        ),
        mailer=SmtpMailer(url=f"smtp://127.0.0.1:{port}", sender="rapportlos@skole.example", timeout_seconds=10),
        poster=poster,
        link_url=lambda token: link_url(PUBLIC, token),
        policy=MailPolicy(backoff_seconds=(60,)),
        clock=clock,
    )  # fmt: skip
    return mail, channel, poster, links


def test_a_partner_reminder_arrives_once_with_its_link_and_a_refused_recipient_is_reported(
    database: Database, clock: Clock, smtp: tuple[Mailbox, int]
) -> None:
    mailbox, port = smtp
    mail, channel, poster, links = _setup(database, clock, port)
    assert channel.tick().sent  # the channel reminder still goes to the channel
    assert [n.channel_id for n in poster.notices] == [CHANNEL]

    first = mail.tick()
    clock.advance(hours=2)
    again = mail.tick()
    channel.tick()
    third = mail.tick()

    assert len(first.sent) == 1 and len(first.failed) == 1
    assert again.sent == again.failed == third.sent == third.failed == []
    (message,) = mailbox.messages
    assert message["To"] == GOOD and PARTNER in message["Subject"]
    assert message["Content-Language"] == "en"
    assert isinstance(message, EmailMessage)
    body = message.get_content()
    assert "Tick them here (no sign-in needed)" in body and "Still missing from you:" in body
    token = re.search(rf"{re.escape(PUBLIC)}/p/([A-Za-z0-9_-]{{43}})", body)
    assert token is not None
    assert (
        links.open(token.group(1)).partner.name == PARTNER
    )  # the link in the e-mail opens that partner's page

    (report,) = poster.directs
    assert report[0] == COORD and REFUSED in report[1] and "550" in report[1] and OTHER in report[1]


def test_a_deferred_e_mail_is_retried_after_the_back_off_and_sent_once(
    database: Database, clock: Clock, smtp: tuple[Mailbox, int]
) -> None:
    mailbox, port = smtp
    mail, channel, poster, _links = _setup(database, clock, port)
    channel.tick()
    mailbox.defer_next = 1
    first = mail.tick()
    assert len(first.retrying) == 1 and mailbox.messages == []
    early = mail.tick(clock.now + timedelta(seconds=30))
    assert early.sent == []
    later = mail.tick(clock.now + timedelta(seconds=61))
    assert len(later.sent) == 1 and len(mailbox.messages) == 1
    assert all(REFUSED in text for _user, text in poster.directs)  # only the refused address was reported


def test_e_mail_is_only_wired_when_smtp_a_sender_and_the_public_url_are_set(
    sqlite_database: Database,
) -> None:
    from bot.cli.reminder_wiring import build_mail_ticker
    from bot.settings import Settings

    poster = RecordingPoster()
    full = {"RAPPORTLOS_SMTP_URL": "smtp://127.0.0.1:2525", "RAPPORTLOS_MAIL_FROM": "r@x.example",
            "RAPPORTLOS_PUBLIC_URL": PUBLIC}  # fmt: skip
    for missing in full:
        partial = {k.removeprefix("RAPPORTLOS_").lower(): v for k, v in full.items() if k != missing}
        assert (
            build_mail_ticker(Settings(_env_file=None, **partial), poster=poster, database=sqlite_database)
            is None
        )
    settings = Settings(_env_file=None, **{k.removeprefix("RAPPORTLOS_").lower(): v for k, v in full.items()})
    assert isinstance(build_mail_ticker(settings, poster=poster, database=sqlite_database), PartnerMailTicker)
