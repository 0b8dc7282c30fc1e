"""TeamsNoticePoster against the connector stand-in: proactive posts, mentions, and delivery failures."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from microsoft_agents.activity import ChannelAccount, ConversationAccount, ConversationReference

from bot.settings import Settings
from bot.teams.notice_poster import TeamsNoticePoster
from bot.teams.references import stored, user_key
from bot.teams.sdk import build_sdk
from storage.chat_store import SqlChatStore
from storage.database import Database
from tests.stand_ins.bot_connector import SEND, BotConnector
from workflows.notices import DeliveryFailed, Notice

CHANNEL = "19:project@thread.tacv2"
AT = datetime(2025, 10, 1, 7, 0, tzinfo=UTC)


def _reference(
    url: str, conversation_id: str, *, user: ChannelAccount | None = None
) -> ConversationReference:
    return ConversationReference(
        channel_id="msteams",
        service_url=url,
        conversation=ConversationAccount(id=conversation_id, tenant_id="t1"),
        agent=ChannelAccount(id="28:bot", name="Rapportlos"),
        user=user,
    )


@pytest.fixture
def connector() -> Iterator[BotConnector]:
    with BotConnector() as stand_in:
        yield stand_in


@pytest.fixture
def store(sqlite_database: Database, connector: BotConnector) -> SqlChatStore:
    chat = SqlChatStore(database=sqlite_database)
    chat.save_conversation(
        conversation=stored(key=CHANNEL, reference=_reference(connector.url, CHANNEL), at=AT)
    )
    ana = ChannelAccount(id="29:ana", name="Ana Costa")
    personal = _reference(connector.url, "a:dm-ana", user=ana)
    chat.save_conversation(conversation=stored(key=user_key("29:ana"), reference=personal, at=AT))
    return chat


@pytest.fixture
def poster(store: SqlChatStore) -> Iterator[TeamsNoticePoster]:
    settings = Settings(
        _env_file=None, **{"CONNECTIONS__SERVICE_CONNECTION__SETTINGS__ANONYMOUS_ALLOWED": True}
    )
    teams = TeamsNoticePoster(sdk=build_sdk(settings), directory=store, timeout_seconds=20)
    yield teams
    teams.close()


def test_a_notice_is_posted_as_a_new_channel_message_mentioning_its_people(
    poster: TeamsNoticePoster, connector: BotConnector
) -> None:
    message_id = poster.post(
        Notice(channel_id=CHANNEL, text="Frist om 7 dager.", mention_user_ids=("29:ana", "29:bo"))
    )
    (call,) = connector.calls
    assert call.kind == SEND and call.conversation_id == CHANNEL and call.answered_id == message_id
    assert (
        call.text == "<at>Ana Costa</at> <at>29:bo</at> Frist om 7 dager."
    )  # a name once the person wrote to us
    assert [e["mentioned"]["id"] for e in call.body["entities"]] == ["29:ana", "29:bo"]
    assert call.body["from"]["id"] == "28:bot"


def test_a_direct_message_goes_to_the_personal_chat(
    poster: TeamsNoticePoster, connector: BotConnector
) -> None:
    poster.direct(user_id="29:ana", text="Påminnelse")
    (call,) = connector.calls
    assert (call.kind, call.conversation_id, call.text) == (SEND, "a:dm-ana", "Påminnelse")


def test_unknown_channels_and_people_fail_permanently(poster: TeamsNoticePoster) -> None:
    with pytest.raises(DeliveryFailed) as channel:
        poster.post(Notice(channel_id="19:unknown@thread.tacv2", text="x"))
    with pytest.raises(DeliveryFailed) as person:
        poster.direct(user_id="29:nobody", text="x")
    assert (channel.value.reason, channel.value.permanent) == ("no_conversation", True)
    assert (person.value.reason, person.value.permanent) == ("no_personal_chat", True)


def test_a_rate_limit_says_how_long_to_wait(poster: TeamsNoticePoster, connector: BotConnector) -> None:
    connector.fail_next(SEND, status=429, retry_after=7)
    with pytest.raises(DeliveryFailed) as failed:
        poster.post(Notice(channel_id=CHANNEL, text="x"))
    assert (failed.value.reason, failed.value.retry_after, failed.value.permanent) == (
        "ratelimited",
        7.0,
        False,
    )


@pytest.mark.parametrize(("status", "reason"), [(403, "forbidden"), (404, "not_found")])
def test_a_bot_removed_from_the_channel_fails_permanently(
    poster: TeamsNoticePoster, connector: BotConnector, status: int, reason: str
) -> None:
    connector.fail_next(SEND, status=status, retry_after=None)
    with pytest.raises(DeliveryFailed) as failed:
        poster.post(Notice(channel_id=CHANNEL, text="x"))
    assert (failed.value.reason, failed.value.permanent) == (reason, True)


def test_a_server_error_is_worth_retrying(poster: TeamsNoticePoster, connector: BotConnector) -> None:
    connector.fail_next(SEND, status=502, retry_after=None)
    with pytest.raises(DeliveryFailed) as failed:
        poster.post(Notice(channel_id=CHANNEL, text="x"))
    assert (failed.value.reason, failed.value.permanent) == ("http_502", False)
