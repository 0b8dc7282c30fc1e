"""Teams delivery draws each kind of typed reply as activities in the turn: answer cards, checklist cards (recorded
as posted copies), plain text; private replies in a personal chat stay in it. The turn runs on the SDK's own
``TurnContext`` over a recording channel adapter (the platform's side of the turn)."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from microsoft_agents.activity import Activity, ChannelAccount, ConversationAccount, ResourceResponse
from microsoft_agents.hosting.core import ChannelAdapter, TurnContext

from bot.engine.front import ChatEngine
from bot.engine.models import Reply
from bot.teams.action_ids import ADAPTIVE_CARD
from bot.teams.card_updates import CardUpdates
from bot.teams.delivery import Delivery
from bot.teams.services import Blocking, TeamsServices
from core.language import Language, Platform
from storage.chat_store import SqlChatStore
from tests.bot.engine.test_front import build, say


class RecordingAdapter(ChannelAdapter):
    """Keeps what the turn sends; each sent activity gets an id, as the connector would give it."""

    def __init__(self) -> None:
        super().__init__()
        self.sent: list[Activity] = []
        self.updated: list[Activity] = []

    async def send_activities(
        self, context: TurnContext, activities: list[Activity]
    ) -> list[ResourceResponse]:
        self.sent.extend(activities)
        return [
            ResourceResponse(id=f"act-{len(self.sent) - len(activities) + i}") for i in range(len(activities))
        ]

    async def update_activity(self, context: TurnContext, activity: Activity) -> Any:
        self.updated.append(activity)
        return ResourceResponse(id=activity.id)

    async def delete_activity(self, context: TurnContext, reference: Any) -> None:
        raise AssertionError("delivery never deletes")


def personal_turn(adapter: RecordingAdapter) -> TurnContext:
    activity = Activity(
        type="message", id="in-1", text="hei", channel_id="msteams", service_url="http://127.0.0.1:1/",
        from_property=ChannelAccount(id="UCOORD", name="Coord"), recipient=ChannelAccount(id="bot", name="Rapportlos"),
        conversation=ConversationAccount(id="C1", conversation_type="personal"),
    )  # fmt: skip
    return TurnContext(adapter, activity)


@pytest.fixture
def front(database, workflow_service) -> ChatEngine:
    return build(database, workflow_service)


@pytest.fixture
def delivery(front, database):
    blocking = Blocking(workers=2)
    services = TeamsServices(engine=front, store=SqlChatStore(database=database))
    updates = CardUpdates(sdk=None, services=services, blocking=blocking)
    yield Delivery(services=services, blocking=blocking, updates=updates)
    blocking.close()


def deliver(delivery: Delivery, reply: Reply, *, adapter: RecordingAdapter | None = None) -> list[Activity]:
    adapter = adapter or RecordingAdapter()
    asyncio.run(delivery.reply(personal_turn(adapter), reply, channel_id="C1"))
    return adapter.sent


def cards(activities: list[Activity]) -> list[dict[str, Any]]:
    return [
        a.content
        for activity in activities
        for a in activity.attachments or []
        if a.content_type == ADAPTIVE_CARD
    ]


def test_an_answer_is_one_card_with_its_body_sources_and_feedback(front, delivery):
    [activity] = deliver(delivery, say(front, "Når er fristen for sluttrapporten?"))
    [card] = cards([activity])
    texts = str(card["body"])
    assert "Svar på Når er fristen" in texts and "[Sluttrapport › Frist](https://example.org/s)" in texts
    assert "Kilde: Sluttrapport" not in texts  # the source is drawn as a linked block, not quoted in the body
    assert [a["title"] for a in card["actions"]] == ["Nyttig", "Ikke nyttig"]


def test_a_started_run_sends_its_lead_and_step_then_a_checklist_card_recorded_as_a_copy(front, delivery):
    say(front, "project add 2020-1-NO01-KA229-012345 29.08.2025 Vann")
    say(front, "language en")  # command words say nothing about the language: the person chooses it
    started = say(front, "start final-report")
    text, card_activity = deliver(delivery, started)
    assert text.text.startswith("Let's start") and "Step 1 of 6" in text.text
    # The card is the channel's copy: in the project's language (Bokmål), not the person's.
    assert cards([card_activity])[0]["body"][0]["text"].startswith("Sluttrapport i Mobility Tool+")
    assert started.checklist is not None
    [copy] = front.posted_views(started.checklist.run_id, platform=Platform.TEAMS)
    assert copy.posted.message_id == "act-1" and copy.posted.channel_id == "C1"


def test_a_private_reply_in_a_personal_chat_is_plain_text_there(delivery):
    [activity] = deliver(delivery, Reply.notice("Bare for deg", Language.NB))
    assert activity.text == "Bare for deg" and not activity.attachments


def test_a_typed_tick_updates_the_posted_card_in_place_instead_of_posting_a_new_one(front, delivery):
    say(front, "project add 2020-1-NO01-KA229-012345 29.08.2025 Vann")
    started = say(front, "start final-report")
    deliver(delivery, started)  # the run's one card: act-1 in C1

    adapter = RecordingAdapter()
    ticked = deliver(delivery, say(front, "ferdig qualitative-content"), adapter=adapter)
    assert not cards(ticked), "a tick must not post another checklist card"
    assert len(ticked) == 1 and ticked[0].text  # the short confirmation
    [update] = adapter.updated
    assert update.id == "act-1" and update.conversation.id == "C1"
    assert any(block.get("text", "").startswith("☑ 1. ") for block in _blocks(cards([update])[0]))

    shown = RecordingAdapter()
    assert not cards(
        deliver(delivery, say(front, "status"), adapter=shown)
    )  # status too: the card is updated
    assert [a.id for a in shown.updated] == ["act-1"]


def _blocks(node: Any) -> list[dict[str, Any]]:
    if isinstance(node, dict):
        return [node, *[b for value in node.values() for b in _blocks(value)]]
    if isinstance(node, list):
        return [b for item in node for b in _blocks(item)]
    return []
