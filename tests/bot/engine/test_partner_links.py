"""The partner link and e-mail commands in the conversation: coordinators only, answered privately."""

from __future__ import annotations

import re

import pytest

from bot.engine.commands import WorkflowCommands
from bot.engine.models import IncomingMessage
from bot.engine.partner_links import LinkCommands
from core.language import Language, Platform
from storage import Database, SqlWorkflowStore
from storage.link_store import SqlLinkStore
from tests.databases import Clock
from workflows.links.errors import LinkNotFound
from workflows.links.service import PartnerLinkService
from workflows.service import WorkflowService

NB, EN = Language.NB, Language.EN
C = "C1"
PUBLIC = "https://partners.example/"


@pytest.fixture
def links(database: Database, workflow_service: WorkflowService, clock: Clock) -> PartnerLinkService:
    return PartnerLinkService(
        store=SqlLinkStore(database=database),
        workflows=workflow_service,
        runs=SqlWorkflowStore(database=database),
        clock=clock,
    )


def _commands(
    service: WorkflowService, links: PartnerLinkService, *, public: str | None = PUBLIC, mail: bool = True
):
    return WorkflowCommands(
        service=service, links=LinkCommands(links=links, public_url=public, mail_enabled=mail)
    )


def say(commands: WorkflowCommands, user: str, text: str, language: Language = EN):
    message = IncomingMessage(user_id=user, channel_id=C, text=text, platform=Platform.SLACK)
    return commands.try_handle(message, language=language)


def _setup(commands: WorkflowCommands) -> None:
    say(commands, "coord", "project add 2020-1-NO01-KA229-012345 31.08.2025 Vann i Europa")
    say(commands, "coord", "partner add Escola X, PT")
    say(commands, "coord", "member add ana partner Escola X")


def test_a_coordinator_gets_a_private_link_that_opens_the_partners_part(
    workflow_service: WorkflowService, links: PartnerLinkService
) -> None:
    commands = _commands(workflow_service, links)
    _setup(commands)
    before = say(commands, "coord", "partner link Escola X")
    assert before.private and "start final-report" in before.text  # no run with partner steps yet
    say(commands, "coord", "start final-report")
    reply = say(commands, "coord", "partner link escola x")
    assert reply.private and "Escola X" in reply.text and "30 days" in reply.text
    token = re.search(r"https://partners\.example/p/([A-Za-z0-9_-]{43})\b", reply.text)
    assert token is not None
    assert links.open(token.group(1)).partner.name == "Escola X"

    ended = say(commands, "coord", "partner link revoke Escola X", NB)
    assert ended.private and "1 lenke(r) for Escola X er avsluttet" in ended.text
    with pytest.raises(LinkNotFound):
        links.open(token.group(1))


def test_only_coordinators_make_links_and_unknown_partners_are_named(
    workflow_service: WorkflowService, links: PartnerLinkService
) -> None:
    commands = _commands(workflow_service, links)
    _setup(commands)
    say(commands, "coord", "start final-report")
    refused = say(commands, "ana", "partner link Escola X")
    assert refused.private and "Only the coordinator" in refused.text and "/p/" not in refused.text
    unknown = say(commands, "coord", "partner link Escola Q")
    assert unknown.private and "Escola X" in unknown.text and "/p/" not in unknown.text


def test_without_a_public_url_no_link_is_made(
    workflow_service: WorkflowService, links: PartnerLinkService
) -> None:
    commands = _commands(workflow_service, links, public=None)
    _setup(commands)
    say(commands, "coord", "start final-report")
    assert "RAPPORTLOS_PUBLIC_URL" in say(commands, "coord", "partner link Escola X").text


def test_partner_email_stores_the_address_and_language_and_refuses_bad_addresses(
    workflow_service: WorkflowService, links: PartnerLinkService
) -> None:
    commands = _commands(workflow_service, links, mail=False)
    _setup(commands)
    stored = say(commands, "coord", "partner email Escola X ana@escola-x.example")
    assert (
        stored.private
        and "ana@escola-x.example (English)" in stored.text
        and "RAPPORTLOS_SMTP_URL" in stored.text
    )
    say(commands, "coord", "partner email Escola X ana@escola-x.example nb")
    (contact,) = links.contacts(project_id=workflow_service.project(channel_id=C, user_id="coord").id)
    assert (contact.email, contact.language) == ("ana@escola-x.example", NB)
    bad = say(commands, "coord", "partner email Escola X ana@@<script>")
    assert bad.private and "does not look like an e-mail address" in bad.text
    assert "Only the coordinator" in say(commands, "ana", "partner email Escola X evil@example.com").text


def test_help_lists_the_partner_link_commands(
    workflow_service: WorkflowService, links: PartnerLinkService
) -> None:
    text = say(_commands(workflow_service, links), "u", "help").text
    assert "partner link <partner name>" in text and "partner email <partner name> <address> [nb|en]" in text
