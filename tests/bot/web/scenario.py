"""A project with two partners, a started final report and a link for one partner: shared by the web tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from bot.web.app import build_app
from bot.web.routes import Refresh
from bot.web.security import RateLimiter
from storage.database import Database
from storage.link_store import SqlLinkStore
from storage.workflow_store import SqlWorkflowStore
from workflows.definitions import load_procedures
from workflows.links.service import PartnerLinkService
from workflows.models import Role
from workflows.service import Clock, WorkflowService

CHANNEL, COORD, ANA = "C-VANN", "U_COORD", "U_ANA"
NUMBER = "2023-1-NO01-KA210-SCH-000123456"
PARTNER, OTHER = "Escola Azul", "Gymnasium Grün"


@dataclass
class Scenario:
    """The services over one database, and the token of ``PARTNER``'s link."""

    workflows: WorkflowService
    links: PartnerLinkService
    token: str
    run_id: int


def build_scenario(database: Database, clock: Clock, *, other_partner: str = OTHER) -> Scenario:
    """Project Vann with two partners, the final report started and a link for Escola Azul."""
    store = SqlWorkflowStore(database=database)
    workflows = WorkflowService(store=store, procedures=load_procedures(), clock=clock)
    links = PartnerLinkService(
        store=SqlLinkStore(database=database), workflows=workflows, runs=store, clock=clock
    )
    workflows.add_project(
        channel_id=CHANNEL, user_id=COORD, number=NUMBER, end_date=date(2025, 8, 31), name="Vann"
    )
    workflows.add_partner(channel_id=CHANNEL, user_id=COORD, name=PARTNER, country="PT")
    workflows.add_partner(channel_id=CHANNEL, user_id=COORD, name=other_partner, country="DE")
    workflows.add_member(
        channel_id=CHANNEL, user_id=COORD, member_id=ANA, role=Role.PARTNER, partner_name=PARTNER
    )
    state = workflows.start(channel_id=CHANNEL, user_id=COORD, procedure_id="final-report")
    issued = links.issue(channel_id=CHANNEL, user_id=COORD, partner_name=PARTNER)
    return Scenario(workflows=workflows, links=links, token=issued.token, run_id=state.run.id)


def web_app(
    scenario: Scenario, *, limit: int = 1000, refresh: Refresh | None = None, timezone: str = "Europe/Oslo"
):
    """The Starlette app over the scenario's link service."""
    return build_app(
        links=scenario.links,
        csrf_key=b"test-key",
        limiter=RateLimiter(limit=limit),
        timezone=timezone,
        refresh=refresh,
    )
