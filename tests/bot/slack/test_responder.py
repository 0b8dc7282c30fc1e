"""The Slack responder draws each kind of typed reply as Web API calls (the real WebClient over loopback HTTP to
the Web API stand-in), records posted checklists and refreshes every copy after a change."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from slack_sdk import WebClient

from bot.engine.front import ChatEngine
from bot.engine.models import IncomingMessage, Reply, ReplyKind
from bot.slack import ids
from bot.slack.responder import SlackResponder, Where
from bot.slack.sender import SlackSender
from core.language import Language, Platform
from tests.bot.engine.test_front import build, say
from tests.stand_ins.slack_web_api import SlackWebApi
from tests.unit.bot.engine.test_conversation import CITATION, RecordingAnswerer

THREAD = Where(channel_id="C1", user_id="UCOORD", thread_ts="100.1", direct=False)


@pytest.fixture
def api() -> Iterator[SlackWebApi]:
    with SlackWebApi() as stand_in:
        yield stand_in


@pytest.fixture
def front(database, workflow_service) -> ChatEngine:
    return build(database, workflow_service)


@pytest.fixture
def responder(api, front) -> SlackResponder:
    client = WebClient(token="xoxb-test", base_url=api.url, retry_handlers=[])
    return SlackResponder(sender=SlackSender(client=client, sleep=lambda _s: None), engine=front.copies)


def texts(call) -> str:
    return " ".join([str(call.params.get("text", "")), str(call.params.get("blocks", ""))])


def test_an_answer_goes_to_the_thread_with_sources_hint_and_feedback_buttons(api, front, responder):
    reply = say(front, "Når er fristen for sluttrapporten?").model_copy(update={"hint": "Steg 2 av 6"})
    responder.reply(reply, THREAD)
    [call] = api.calls_to("chat.postMessage")
    assert call.params["thread_ts"] == "100.1" and call.params["unfurl_links"] is False
    block_ids = [b.get("block_id") for b in call.params["blocks"]]
    assert (
        block_ids[0] == ids.ANSWER_BLOCK
        and ids.SOURCES_BLOCK in block_ids
        and ids.FEEDBACK_BLOCK in block_ids
    )
    assert "Steg 2 av 6" in texts(call) and "Kilde: Sluttrapport" not in texts(
        call
    )  # sources drawn, not quoted


def test_a_dm_answer_lists_each_source_once(api, database, workflow_service):
    class TwoSections(RecordingAnswerer):  # the same page quoted in two sections, and once without a section
        def answer(self, question):
            first, second = (CITATION.model_copy(update={"section": s}) for s in ("Frist", "Dokumentasjon"))
            bare = CITATION.model_copy(update={"section": ""})
            found = super().answer(question)
            return found.model_copy(
                update={"cited": (first, bare, second), "citations": (first, bare, second)}
            )

    front = build(database, workflow_service, answerer=TwoSections())
    client = WebClient(token="xoxb-test", base_url=api.url, retry_handlers=[])
    responder = SlackResponder(sender=SlackSender(client=client, sleep=lambda _s: None), engine=front.copies)
    direct = Where(channel_id="D1", user_id="UCOORD", thread_ts=None, direct=True)
    reply = front.handle(IncomingMessage(user_id="UCOORD", channel_id="D1", text="Who submits the report?",
                                         platform=Platform.SLACK))  # fmt: skip
    responder.reply(reply, direct)
    [call] = api.calls_to("chat.postMessage")
    drawn = json.dumps(call.params["blocks"], ensure_ascii=False) + str(call.params["text"])
    assert drawn.count(CITATION.url) == 1 and "Kilde" not in drawn and "Source:" not in drawn
    assert "Sluttrapport> › Frist, Dokumentasjon" in drawn


def test_a_notice_is_ephemeral_in_a_channel_and_a_plain_message_in_a_dm(api, responder):
    responder.reply(Reply.notice("Bare for deg <!channel>", Language.NB), THREAD)
    direct = Where(channel_id="D1", user_id="UCOORD", thread_ts=None, direct=True)
    responder.reply(Reply.notice("Only for you", Language.EN), direct)
    [ephemeral] = api.calls_to("chat.postEphemeral")
    assert ephemeral.params["user"] == "UCOORD" and "<!channel>" not in texts(ephemeral)
    assert [c.params["channel"] for c in api.calls_to("chat.postMessage")] == ["D1"]


def test_a_started_run_posts_its_lead_in_the_thread_and_the_checklist_as_its_own_message(
    api, front, responder
):
    say(front, "project add 2020-1-NO01-KA229-012345 29.08.2025 Vann")
    say(front, "language en")  # command words say nothing about the language: the person chooses it
    started = say(front, "start final-report")
    responder.reply(started, THREAD)
    lead, checklist = api.calls_to("chat.postMessage")
    assert (
        lead.params["thread_ts"] == "100.1"
        and "Let's start" in texts(lead)
        and "Step 1 of 6" not in texts(lead)
    )
    assert "thread_ts" not in checklist.params and checklist.params["blocks"][0]["type"] == "header"
    assert started.checklist is not None
    [copy] = front.posted_views(started.checklist.run_id, platform=Platform.SLACK)
    assert copy.posted.message_id == api.calls_to("chat.postMessage", ok=True)[1].response["ts"]

    done = say(front, "done")  # typed in the thread: the step prompt in the thread, every copy updated
    assert done.kind is ReplyKind.STEP_CHANGED
    responder.reply(done, THREAD)
    assert "Next for you" in texts(api.calls_to("chat.postMessage")[-1])  # a short line naming the next step
    [update] = api.calls_to("chat.update")
    assert update.params["ts"] == copy.posted.message_id and "✅" in texts(update)


def test_a_channel_the_bot_is_not_in_is_explained_to_the_person(api, responder):
    api.fail_next("chat.postMessage", status=200, error="not_in_channel")
    explained: list[str] = []
    responder.reply(Reply.message("Prosjektet er opprettet.", Language.NB), THREAD, explain=explained.append)
    assert len(explained) == 1 and "/invite" in explained[0]
