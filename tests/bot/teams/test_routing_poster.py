"""RoutingNoticePoster: Teams channels through the Teams poster (real, over HTTP), every other one to Slack."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from microsoft_agents.activity import ChannelAccount, ConversationAccount, ConversationReference

from bot.routing_poster import RoutingNoticePoster
from bot.settings import Settings
from bot.teams.notice_poster import TeamsNoticePoster
from bot.teams.references import stored, user_key
from bot.teams.sdk import build_sdk
from storage.chat_store import SqlChatStore
from storage.database import Database
from tests.stand_ins.bot_connector import SEND, BotConnector
from workflows.notices import Notice

TEAMS_CHANNEL = "19:teams-project@thread.tacv2"
SLACK_CHANNEL = "C0SLACK"
AT = datetime(2025, 10, 1, 7, 0, tzinfo=UTC)


class RecordingPoster:
    """Stands in for the Slack poster: records what reaches it."""

    def __init__(self) -> None:
        self.posts: list[Notice] = []
        self.directs: list[tuple[str, str]] = []

    def post(self, notice: Notice) -> str:
        self.posts.append(notice)
        return "1700000000.000100"

    def direct(self, *, user_id: str, text: str) -> None:
        self.directs.append((user_id, text))


@pytest.fixture
def routing(sqlite_database: Database) -> Iterator[tuple[RoutingNoticePoster, BotConnector, RecordingPoster]]:
    store = SqlChatStore(database=sqlite_database)
    settings = Settings(
        _env_file=None, **{"CONNECTIONS__SERVICE_CONNECTION__SETTINGS__ANONYMOUS_ALLOWED": True}
    )
    slack = RecordingPoster()
    with BotConnector() as connector:
        for key, conversation_id in [(TEAMS_CHANNEL, TEAMS_CHANNEL), (user_key("29:ana"), "a:dm-ana")]:
            reference = ConversationReference(
                channel_id="msteams",
                service_url=connector.url,
                conversation=ConversationAccount(id=conversation_id),
                agent=ChannelAccount(id="28:bot", name="Rapportlos"),
            )
            store.save_conversation(conversation=stored(key=key, reference=reference, at=AT))
        teams = TeamsNoticePoster(sdk=build_sdk(settings), directory=store)
        yield RoutingNoticePoster(teams=teams, slack=slack), connector, slack
        teams.close()


def test_a_notice_for_a_teams_channel_goes_to_teams_and_the_rest_to_slack(
    routing: tuple[RoutingNoticePoster, BotConnector, RecordingPoster],
) -> None:
    poster, connector, slack = routing
    teams_id = poster.post(Notice(channel_id=TEAMS_CHANNEL, text="Teams-frist"))
    slack_id = poster.post(Notice(channel_id=SLACK_CHANNEL, text="Slack-frist"))
    (call,) = connector.calls
    assert (call.kind, call.conversation_id, call.text, call.answered_id) == (
        SEND,
        TEAMS_CHANNEL,
        "Teams-frist",
        teams_id,
    )
    assert [n.channel_id for n in slack.posts] == [SLACK_CHANNEL] and slack_id == "1700000000.000100"


def test_direct_messages_go_to_teams_for_people_with_a_teams_chat(
    routing: tuple[RoutingNoticePoster, BotConnector, RecordingPoster],
) -> None:
    poster, connector, slack = routing
    poster.direct(user_id="29:ana", text="Hei Ana")
    poster.direct(user_id="U0SLACK", text="Hei")
    assert [(c.conversation_id, c.text) for c in connector.calls] == [("a:dm-ana", "Hei Ana")]
    assert slack.directs == [("U0SLACK", "Hei")]
