"""Buttons and the App Home tab through the real Bolt app in this process: a ``block_actions`` payload (or an
``app_home_opened`` event) is dispatched, the listener runs over the engine's real stores (SQLite and PostgreSQL),
and the replies reach the Web API stand-in through the real WebClient."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any
from urllib.parse import urlencode

import pytest
from slack_bolt import App, BoltRequest
from slack_sdk import WebClient

from bot.engine.front import ChatEngine
from bot.engine.models import IncomingMessage
from bot.slack.app import build_app
from bot.slack.deps import SlackDeps
from bot.slack.event_guard import EventGuard
from bot.slack.ids import FEEDBACK_HELPFUL, STEP_DONE_PREFIX
from bot.slack.responder import SlackResponder
from bot.slack.sender import SlackSender
from core.language import Language, Platform
from storage.event_ledger import SqlEventLedger
from tests.bot.engine.test_front import T1, build
from tests.stand_ins.slack_requests import click_payload, event_callback
from tests.stand_ins.slack_web_api import SlackWebApi
from workflows.models import Role

C, COORD, ANA, OLA = "C1", "UCOORD", "UANA", "UOLA"


@pytest.fixture
def api() -> Iterator[SlackWebApi]:
    with SlackWebApi() as stand_in:
        yield stand_in


@pytest.fixture
def front(database, workflow_service) -> ChatEngine:
    return build(database, workflow_service)


@pytest.fixture
def app(api, front, database) -> App:
    client = WebClient(token="xoxb-test", base_url=api.url, retry_handlers=[])
    responder = SlackResponder(sender=SlackSender(client=client, sleep=lambda _s: None), engine=front.copies)
    guard = EventGuard(ledger=SqlEventLedger(database=database), clock=lambda: T1, lease=timedelta(minutes=5))
    return build_app(
        deps=SlackDeps(engine=front, guard=guard, responder=responder), client=client, signing_secret=None
    )


@pytest.fixture
def english_run(workflow_service) -> int:
    """An English project (``project language en``) with a partner in Portugal and one in Norway."""
    service = workflow_service
    service.add_project(
        channel_id=C,
        user_id=COORD,
        number="2020-1-NO01-KA229-012345",
        end_date=date(2025, 8, 29),
        name="Vann",
    )
    service.set_language(channel_id=C, user_id=COORD, language=Language.EN)
    service.add_partner(channel_id=C, user_id=COORD, name="Escola X", country="PT")
    service.add_partner(channel_id=C, user_id=COORD, name="Skole Z", country="NO")
    service.add_member(channel_id=C, user_id=COORD, member_id=ANA, role=Role.PARTNER, partner_name="Escola X")
    service.add_member(channel_id=C, user_id=COORD, member_id=OLA, role=Role.PARTNER, partner_name="Skole Z")
    return service.start(channel_id=C, user_id=COORD, procedure_id="final-report").run.id


def click(app: App, api: SlackWebApi, *, user: str, action_id: str, value: str) -> str:
    """Click a button as ``user``; returns the private note the clicker got."""
    message: dict[str, Any] = {"ts": "100.1", "type": "message", "text": "checklist"}
    payload = click_payload(user=user, channel=C, message=message, action_id=action_id, value=value)
    before = len(api.calls_to("chat.postEphemeral"))
    request = BoltRequest(
        body=urlencode({"payload": json.dumps(payload)}),
        headers={"content-type": ["application/x-www-form-urlencoded"]},
    )
    assert app.dispatch(request).status == 200
    [note] = api.wait_for("chat.postEphemeral", count=before + 1)[before:]
    assert note.params["user"] == user
    return str(note.params["text"])


def press(app: App, api: SlackWebApi, *, user: str, run_id: int, step: str, version: int) -> str:
    """Click ``step``'s «done» button as ``user``; returns the private note the clicker got."""
    value = json.dumps({"r": run_id, "s": step, "v": version})
    return click(app, api, user=user, action_id=f"{STEP_DONE_PREFIX}{step}", value=value)


def open_home(app: App, api: SlackWebApi, *, user: str) -> str:
    """``user`` opens the App Home tab; returns the published view as JSON text."""
    event = {"type": "app_home_opened", "user": user, "channel": "D1", "tab": "home"}
    before = len(api.calls_to("views.publish"))
    request = BoltRequest(
        body=json.dumps(event_callback(event, event_id=f"Ev-home-{user}-{before}")),
        headers={"content-type": ["application/json"]},
    )
    assert app.dispatch(request).status == 200
    [published] = api.wait_for("views.publish", count=before + 1)[before:]
    assert published.params["user_id"] == user
    return json.dumps(published.params["view"], ensure_ascii=False)


def test_clicks_from_people_never_heard_writing_are_answered_in_the_projects_language(app, api, english_run):
    # A partner in Norway, in an English project, clicking the coordinator's step: English, not Bokmål.
    refused = press(app, api, user=OLA, run_id=english_run, step="qualitative-content", version=1)
    assert "the coordinator" in refused and "koordinator" not in refused
    # The coordinator's «done» on submit while partners are missing: English too.
    blocked = press(app, api, user=COORD, run_id=english_run, step="submit", version=1)
    assert "Escola X" in blocked and "kan ikke" not in blocked
    # A partner abroad: English, as before.
    assert "the coordinator" in press(
        app, api, user=ANA, run_id=english_run, step="ready-for-submission", version=1
    )


def test_a_stored_language_still_wins_over_the_projects(app, api, front, english_run):
    sentence = IncomingMessage(
        user_id=OLA, channel_id=C, text="Hva er neste steg for oss?", platform=Platform.SLACK
    )
    front.handle(sentence)  # Ola writes a Norwegian sentence: his language is stored
    refused = press(app, api, user=OLA, run_id=english_run, step="qualitative-content", version=1)
    assert "koordinator" in refused


def test_a_partner_abroad_who_never_wrote_gets_an_english_home_tab_and_english_thanks(
    app, api, front, workflow_service
):
    service = workflow_service
    service.add_project(
        channel_id=C,
        user_id=COORD,
        number="2020-1-NO01-KA229-012345",
        end_date=date(2025, 8, 29),
        name="Vann",
    )  # a Norwegian project
    service.add_partner(channel_id=C, user_id=COORD, name="Escola X", country="PT")
    service.add_member(channel_id=C, user_id=COORD, member_id=ANA, role=Role.PARTNER, partner_name="Escola X")
    home = open_home(app, api, user=ANA)
    assert "your Erasmus+ projects" in home and "dine Erasmus+-prosjekter" not in home
    assert "dine Erasmus+-prosjekter" in open_home(app, api, user=COORD)  # the project's own language
    asked = front.handle(
        IncomingMessage(user_id=COORD, channel_id=C, text="Hva er Mobility Tool+?", platform=Platform.SLACK)
    )
    assert asked.answer is not None and asked.answer.answer_id is not None
    thanks = click(app, api, user=ANA, action_id=FEEDBACK_HELPFUL, value=str(asked.answer.answer_id))
    assert thanks.startswith("Thanks!")


def test_clicking_submit_tells_the_coordinator_what_comes_next(
    app, api, front, english_run, workflow_service
):
    for step in ("qualitative-content", "invoices", "ready-for-submission"):
        front.handle(
            IncomingMessage(user_id=COORD, channel_id=C, text=f"done {step}", platform=Platform.SLACK)
        )
    workflow_service.withdraw_partner(channel_id=C, user_id=COORD, name="Skole Z", platform="slack")
    for _ in range(2):
        front.handle(IncomingMessage(user_id=ANA, channel_id=C, text="done", platform=Platform.SLACK))
    version = front.channel_view(english_run, language=Language.EN).version
    note = press(app, api, user=COORD, run_id=english_run, step="submit", version=version)
    assert note.startswith("Ticked: Submit the report for the whole partnership.")
    assert 'Next: "Upload results to the Erasmus+ Project Results Platform"' in note
    assert front.channel_view(english_run, language=Language.EN).complete
