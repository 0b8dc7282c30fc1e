"""The Slack app end to end: a real ``rapportlos serve slack`` process, the real Bolt and WebClient, a local Slack
Web API stand-in, and signed HTTP requests or Socket Mode envelopes, over loopback."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import pytest

from storage.chat_store import SqlChatStore
from storage.database import create_database
from tests.bot.slack.harness import (
    SECRET,
    Transport,
    bot_process,
    buttons,
    mention,
    message,
    texts,
    unique,
)
from tests.stand_ins.slack_requests import SignedPoster
from tests.stand_ins.slack_socket_mode import SocketModeStandIn
from tests.stand_ins.slack_web_api import Call, SlackWebApi

pytestmark = pytest.mark.slow


class Bot:
    """A running bot and how to reach it."""

    def __init__(self, transport: Transport, data_dir: Path, port: int | None) -> None:
        self.transport = transport
        self.api = transport.api
        self.data_dir = data_dir
        self.port = port


@pytest.fixture(scope="module")
def bots(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Bot]]:
    """One bot process per transport for this module, started on first use."""
    with ExitStack() as stack:
        started: dict[str, Bot] = {}

        class Lazy(dict[str, Bot]):
            def __missing__(self, mode: str) -> Bot:
                api = stack.enter_context(SlackWebApi())
                socket = stack.enter_context(SocketModeStandIn())
                api.set_socket_url(socket.url)
                data_dir = tmp_path_factory.mktemp(f"slack-{mode}")
                _, _, port = stack.enter_context(bot_process(api=api, data_dir=data_dir, http=mode == "http"))
                if mode == "http":
                    poster = SignedPoster(f"http://127.0.0.1:{port}/slack/events", SECRET)
                    transport = Transport(api=api, poster=poster, socket=None)
                else:
                    socket.wait_connected()
                    transport = Transport(api=api, poster=None, socket=socket)
                self[mode] = Bot(transport, data_dir, port)
                return self[mode]

        yield Lazy(started)


@pytest.fixture(params=["http", "socket"])
def bot(request: pytest.FixtureRequest, bots: dict[str, Bot]) -> Bot:
    return bots[request.param]


@pytest.fixture
def http_bot(bots: dict[str, Bot]) -> Bot:
    return bots["http"]


def _handled_so_far(bot: Bot) -> None:
    """Wait until a fresh question sent now has been answered: what was sent before it has been handled too."""
    channel, user = unique("D"), unique("U")
    bot.transport.event(message("Når er fristen for sluttrapporten?", user=user, channel=channel))
    _posted(bot, channel)


def _in(channel: str) -> Any:
    return lambda call: call.params.get("channel") == channel


def _posted(bot: Bot, channel: str, *, count: int = 1, where: Any = None) -> list[Call]:
    return bot.api.wait_for(
        "chat.postMessage",
        where=lambda c: c.status == 200 and _in(channel)(c) and (where is None or where(c)),
        count=count,
        timeout=60,
    )


def test_a_mention_is_answered_in_its_thread_with_the_source_and_feedback_buttons(bot: Bot) -> None:
    channel, user = unique("C"), unique("U")
    event = mention("Når er fristen for sluttrapporten?", user=user, channel=channel)
    bot.transport.event(event)
    [answer] = _posted(bot, channel)
    assert answer.params["thread_ts"] == event["ts"]
    shown = texts(answer)
    assert "60 dager" in shown
    assert "<https://erasmuspluss.no/" in shown and "sist oppdatert" in shown
    assert set(buttons(answer)) == {"feedback_helpful", "feedback_not_helpful"}


def test_a_direct_message_is_answered_in_english_and_a_follow_up_in_the_thread_keeps_its_context(
    bot: Bot,
) -> None:
    channel, user = unique("D"), unique("U")
    first = message("When is the final report due?", user=user, channel=channel)
    bot.transport.event(first)
    [answer] = _posted(bot, channel)
    assert "60 days" in texts(answer) and "last updated" in texts(answer)
    # On its own "what happens after that?" is declined; in the thread it gets what the page says next.
    bot.transport.event(
        message("what happens after that?", user=user, channel=channel, thread_ts=first["ts"])
    )
    _, follow_up = _posted(bot, channel, count=2)
    assert follow_up.params["thread_ts"] == first["ts"]
    assert "erasmuspluss@hkdir.no" not in texts(follow_up) and "60 days" not in texts(follow_up)
    assert "https://erasmuspluss.no/skoleutvekslingspartnerskap" in texts(
        follow_up
    )  # the same page, further on


def test_feedback_is_stored_with_the_question_and_answer_and_thanked_privately(bot: Bot) -> None:
    channel, user = unique("C"), unique("U")
    bot.transport.event(mention("Hvem sender inn sluttrapporten?", user=user, channel=channel))
    [answer] = _posted(bot, channel)
    value = buttons(answer)["feedback_not_helpful"]
    bot.transport.click(
        user=user,
        channel=channel,
        message={"ts": answer.response["ts"], **answer.params},
        action_id="feedback_not_helpful",
        value=value,
    )
    [thanks] = bot.api.wait_for(
        "chat.postEphemeral", where=lambda c: c.params.get("user") == user, timeout=30
    )
    assert "Takk" in texts(thanks)
    store = SqlChatStore(database=create_database(f"sqlite:///{bot.data_dir / 'rapportlos.db'}"))
    [verdict] = store.feedback_for(answer_id=int(value))
    stored = store.answer(answer_id=int(value))
    assert verdict.user_id == user and verdict.helpful is False and verdict.platform == "slack"
    assert stored is not None and stored.question == "Hvem sender inn sluttrapporten?"
    assert stored.answer.split("\n\n")[0] in texts(answer)


def test_an_unknown_sub_command_is_pointed_at_help_privately(bot: Bot) -> None:
    channel, user = unique("C"), unique("U")
    before = len(bot.api.calls_to("response_url"))
    bot.transport.command("frobnicate everything", user=user, channel=channel)
    calls = bot.api.wait_for("response_url", count=before + 1, timeout=30)
    reply = calls[-1]
    assert reply.params["response_type"] == "ephemeral"
    assert "frobnicate" in texts(reply) and "help" in texts(reply)
    assert "project add" not in texts(reply)  # one line pointing at help, not the whole list
    assert not [c for c in bot.api.calls_to("chat.postMessage") if _in(channel)(c)]


def test_a_final_report_run_with_a_coordinator_and_a_partner_clicking_buttons_and_the_home_tab(
    bot: Bot,
) -> None:
    channel, coordinator, partner = unique("C"), unique("U"), unique("U")
    number = f"2024-1-NO01-KA210-SCH-{int(time.time() * 1000) % 10**9:09d}"
    run = bot.transport
    run.event(mention("Hvem leverer sluttrapporten?", user=coordinator, channel=channel))  # writes Norwegian
    _posted(bot, channel)
    run.command(f"project add {number} 31.08.2025 Vennskap over grenser", user=coordinator, channel=channel)
    _posted(bot, channel, where=lambda c: number in texts(c))
    run.command("partner add Escola Azul, PT", user=coordinator, channel=channel)
    _posted(bot, channel, where=lambda c: "Escola Azul" in texts(c))
    run.command(f"member add {partner} partner Escola Azul", user=coordinator, channel=channel)
    _posted(bot, channel, where=lambda c: partner in texts(c))
    run.command("start final-report", user=coordinator, channel=channel)
    [checklist] = _posted(bot, channel, where=lambda c: "step_done:submit" in buttons(c))
    posted = {"ts": checklist.response["ts"], **checklist.params}

    # «/erasmus status» again: the same checklist message is updated in place, no second public copy.
    updates = len(bot.api.calls_to("chat.update"))
    run.command("status", user=coordinator, channel=channel)
    bot.api.wait_for("chat.update", count=updates + 1, timeout=30)
    copies = [
        c
        for c in bot.api.calls_to("chat.postMessage")
        if _in(channel)(c) and "step_done:submit" in buttons(c)
    ]
    assert len(copies) == 1

    def latest() -> Call:
        return [c for c in bot.api.calls_to("chat.update", ok=True) if c.params.get("ts") == posted["ts"]][-1]

    def click(user: str, step: str, source: Call | None = None, kind: str = "step_done") -> None:
        shown = source or latest()
        value = buttons(shown)[f"{kind}:{step}"]
        run.click(user=user, channel=channel, message=posted, action_id=f"{kind}:{step}", value=value)

    updates = len(bot.api.calls_to("chat.update"))
    click(coordinator, "qualitative-content", checklist)
    bot.api.wait_for("chat.update", count=updates + 1, timeout=30)
    assert "step_done:qualitative-content" not in buttons(latest())
    assert f"<@{coordinator}>" in texts(latest())

    # A partner may not tick a coordinator step: a private explanation, nothing changes.
    click(partner, "ready-for-submission")
    [refusal] = bot.api.wait_for(
        "chat.postEphemeral", where=lambda c: c.params.get("user") == partner, timeout=30
    )
    assert "the coordinator's" in texts(refusal)  # never heard writing, a partner abroad: English
    assert "step_done:ready-for-submission" in buttons(latest())

    # A stale button (an old copy of the message) is answered, not applied twice.
    click(coordinator, "qualitative-content", checklist)
    bot.api.wait_for("chat.postEphemeral", where=lambda c: c.params.get("user") == coordinator, timeout=30)

    # The optional invoices step has its own skip button.
    updates = len(bot.api.calls_to("chat.update"))
    click(coordinator, "invoices", kind="step_skip")
    bot.api.wait_for("chat.update", count=updates + 1, timeout=30)
    assert "step_skip:invoices" not in buttons(latest()) and "step_done:invoices" not in buttons(latest())
    updates = len(bot.api.calls_to("chat.update"))
    click(coordinator, "ready-for-submission")
    bot.api.wait_for("chat.update", count=updates + 1, timeout=30)

    # «Ferdig ✓» on submit before the partner has confirmed: who is missing, privately; nothing changes.
    refusals = len(bot.api.calls_to("chat.postEphemeral"))
    click(coordinator, "submit")
    waiting = bot.api.wait_for("chat.postEphemeral", count=refusals + 1, timeout=30)
    assert "Escola Azul" in texts(waiting[-1]) and "kan ikke krysses av ennå" in texts(waiting[-1])
    assert "step_done:submit" in buttons(latest())
    for step in ("partner-use-of-funds", "partner-confirmation"):
        updates = len(bot.api.calls_to("chat.update"))
        click(partner, step)
        bot.api.wait_for("chat.update", count=updates + 1, timeout=30)
    assert "Escola Azul" in texts(latest()) and f"<@{partner}>" in texts(latest())

    # "ferdig" in the checklist's thread ticks the last step, like a click.
    updates = len(bot.api.calls_to("chat.update"))
    run.event(message("ferdig", user=coordinator, channel=channel, thread_ts=posted["ts"]))
    bot.api.wait_for("chat.update", count=updates + 1, timeout=30)
    final = latest()
    assert not [a for a in buttons(final) if a.startswith("step_done:")]
    assert "Alle stegene" in texts(final)

    run.event({"type": "app_home_opened", "user": coordinator, "channel": unique("D"), "tab": "home"})
    [home] = bot.api.wait_for(
        "views.publish", where=lambda c: c.params.get("user_id") == coordinator, timeout=30
    )
    shown = texts(home)
    assert home.params["view"]["type"] == "home"
    assert number in shown and "30.10.2025" in shown and "koordinator" in shown


def test_home_tab_lists_open_runs_with_progress(bot: Bot) -> None:
    channel, coordinator = unique("C"), unique("U")
    number = f"2025-1-NO01-KA210-SCH-{int(time.time() * 1000) % 10**9:09d}"
    bot.transport.command(f"project add {number} 30.06.2027 Havet", user=coordinator, channel=channel)
    _posted(bot, channel, where=lambda c: number in texts(c))
    bot.transport.command("start results-upload", user=coordinator, channel=channel)
    _posted(bot, channel, where=lambda c: any(a.startswith("step_done:") for a in buttons(c)))
    bot.transport.event(
        {"type": "app_home_opened", "user": coordinator, "channel": unique("D"), "tab": "home"}
    )
    [home] = bot.api.wait_for(
        "views.publish", where=lambda c: c.params.get("user_id") == coordinator, timeout=30
    )
    shown = texts(home)
    assert "0 av" in shown and "30.06.2027" in shown and "29.08.2027" in shown


# HTTP only: what a load balancer and Slack's retries see.


def test_a_retried_event_is_answered_once(http_bot: Bot) -> None:
    channel, user = unique("C"), unique("U")
    event = mention("Når er fristen for sluttrapporten?", user=user, channel=channel)
    assert http_bot.transport.poster is not None
    for retry in (None, 1, 2):
        status, _ = http_bot.transport.poster.event(event, event_id="EvRETRIED" + channel, retry=retry)
        assert (
            status == 200 if retry is None else status in (200, 503)
        )  # 503: still being answered, retry later
    _posted(http_bot, channel)
    _handled_so_far(http_bot)
    assert len([c for c in http_bot.api.calls_to("chat.postMessage") if _in(channel)(c)]) == 1


def test_forged_and_stale_requests_are_refused(http_bot: Bot) -> None:
    poster = http_bot.transport.poster
    assert poster is not None
    channel = unique("C")
    body = json.dumps(
        {
            "type": "event_callback",
            "event_id": unique("Ev"),
            "event": mention("hei", user="U1", channel=channel),
        }
    )
    assert poster.post(body, content_type="application/json", signature="v0=" + "0" * 64)[0] == 401
    stale = int(time.time()) - 6 * 60
    assert poster.post(body, content_type="application/json", timestamp=stale)[0] == 401
    forged = SignedPoster(poster.url, "not-the-secret")
    assert forged.post(body, content_type="application/json")[0] == 401
    _handled_so_far(http_bot)
    assert not [c for c in http_bot.api.calls if _in(channel)(c)]


def test_bot_messages_are_ignored_and_broadcasts_are_defused(http_bot: Bot) -> None:
    channel, user = unique("D"), unique("U")
    http_bot.transport.event(
        message("When is the final report due?", user=user, channel=channel, bot_id="B2")
    )
    http_bot.transport.event({**message("hi", user="UBOT", channel=channel)})
    http_bot.transport.command("<!channel> @here frobnicate", user=user, channel=unique("C"))
    reply = http_bot.api.wait_for("response_url", where=lambda c: "!channel" in texts(c), timeout=30)[-1]
    shown = texts(reply)
    assert "<!channel>" not in shown and "&lt;!channel&gt;" in shown and "@here" not in shown
    _handled_so_far(http_bot)
    assert not [c for c in http_bot.api.calls_to("chat.postMessage") if _in(channel)(c)]


def test_a_rate_limited_post_is_retried_after_retry_after(http_bot: Bot) -> None:
    channel, user = unique("D"), unique("U")
    http_bot.api.fail_next("chat.postMessage", status=429, retry_after=2)
    http_bot.transport.event(message("Når er fristen for sluttrapporten?", user=user, channel=channel))
    [answer] = _posted(http_bot, channel)
    [limited] = [c for c in http_bot.api.calls_to("chat.postMessage") if c.status == 429]
    assert answer.at - limited.at >= 1.9
    assert "60 dager" in texts(answer)


def test_not_in_channel_is_explained_to_the_person_by_direct_message(http_bot: Bot) -> None:
    channel, user = unique("C"), unique("U")
    http_bot.api.fail_next("chat.postMessage", status=200, error="not_in_channel")
    http_bot.transport.event(mention("Når er fristen for sluttrapporten?", user=user, channel=channel))
    [explained] = http_bot.api.wait_for(
        "chat.postMessage", where=lambda c: c.params.get("channel") == f"D{user}", timeout=60
    )
    assert "/invite" in texts(explained)


def test_the_health_endpoint_answers(http_bot: Bot) -> None:
    import urllib.request

    with urllib.request.urlopen(f"http://127.0.0.1:{http_bot.port}/health", timeout=10) as response:
        assert response.status == 200 and json.load(response) == {"status": "ok"}
