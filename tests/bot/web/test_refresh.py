"""A tick on the partner page refreshes the run's Slack messages and Teams cards, as a chat tick does."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from microsoft_agents.activity import ChannelAccount, ConversationAccount, ConversationReference
from starlette.testclient import TestClient

from bot.cli.wiring import build_checklist_refresher
from bot.settings import Settings
from bot.teams.references import stored
from core.records import PostedChecklist
from storage.chat_store import SqlChatStore
from storage.database import Database
from tests.bot.web.scenario import build_scenario, web_app
from tests.bot.web.test_partner_page import _tick
from tests.databases import Clock
from tests.stand_ins.bot_connector import UPDATE, BotConnector
from tests.stand_ins.slack_web_api import SlackWebApi

SLACK_CHANNEL, TEAMS_CHANNEL = "C-VANN", "19:vann@thread.tacv2"
AT = datetime(2025, 9, 1, 8, 0, tzinfo=UTC)
LABEL = "Ana Silva (via link for Escola Azul)"


def _posted(store: SqlChatStore, run_id: int, platform: str, channel: str, message_id: str) -> None:
    store.remember(
        posted=PostedChecklist(
            run_id=run_id,
            platform=platform,
            channel_id=channel,
            message_id=message_id,
            language="en",
            posted_at=AT,
        )
    )


def test_a_web_tick_updates_every_slack_copy_with_the_name(sqlite_database: Database, clock: Clock) -> None:
    scenario = build_scenario(sqlite_database, clock)
    _posted(
        SqlChatStore(database=sqlite_database), scenario.run_id, "slack", SLACK_CHANNEL, "1700000000.000100"
    )
    with SlackWebApi() as slack:
        settings = Settings(_env_file=None, SLACK_BOT_TOKEN="xoxb-test", SLACK_API_URL=slack.url)
        client = TestClient(
            web_app(scenario, refresh=build_checklist_refresher(settings, sqlite_database).refresh)
        )
        assert _tick(client, scenario.token, "partner-use-of-funds").status_code == 303
        (update,) = slack.wait_for("chat.update")
    assert update.params["channel"] == SLACK_CHANNEL and update.params["ts"] == "1700000000.000100"
    assert LABEL in json.dumps(update.params, ensure_ascii=False)


def test_a_web_tick_updates_every_teams_card_with_the_name(sqlite_database: Database, clock: Clock) -> None:
    scenario = build_scenario(sqlite_database, clock)
    store = SqlChatStore(database=sqlite_database)
    _posted(store, scenario.run_id, "teams", TEAMS_CHANNEL, "1700000000123")
    settings = Settings(
        _env_file=None, **{"CONNECTIONS__SERVICE_CONNECTION__SETTINGS__ANONYMOUS_ALLOWED": True}
    )
    with BotConnector() as connector:
        reference = ConversationReference(
            channel_id="msteams",
            service_url=connector.url,
            conversation=ConversationAccount(id=TEAMS_CHANNEL),
            agent=ChannelAccount(id="28:bot", name="Rapportlos"),
        )
        store.save_conversation(conversation=stored(key=TEAMS_CHANNEL, reference=reference, at=AT))
        client = TestClient(
            web_app(scenario, refresh=build_checklist_refresher(settings, sqlite_database).refresh)
        )
        assert _tick(client, scenario.token, "partner-use-of-funds").status_code == 303
        (update,) = connector.wait_for(UPDATE)
    assert (update.conversation_id, update.activity_id) == (TEAMS_CHANNEL, "1700000000123")
    assert LABEL in json.dumps(update.cards, ensure_ascii=False)
