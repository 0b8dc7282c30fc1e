"""Hostile and broken requests against a real ``rapportlos serve slack --http`` process over loopback: forged
requests never make the bot post, malformed signed bodies get 400, oversized bodies are refused unread, a huge
single word neither freezes the process nor goes unanswered, and broken Unicode gets an answer."""

from __future__ import annotations

import contextlib
import http.client
import json
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import pytest

from tests.bot.slack.harness import SECRET, bot_process, mention, texts, unique
from tests.stand_ins.slack_requests import SignedPoster, event_callback, sign
from tests.stand_ins.slack_web_api import Call, SlackWebApi

pytestmark = pytest.mark.slow


class Running:
    def __init__(self, api: SlackWebApi, poster: SignedPoster, port: int) -> None:
        self.api = api
        self.poster = poster
        self.port = port


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Running]:
    data_dir: Path = tmp_path_factory.mktemp("slack-faults")
    with SlackWebApi() as api, bot_process(api=api, data_dir=data_dir, http=True) as (_, _, port):
        assert port is not None
        yield Running(api, SignedPoster(f"http://127.0.0.1:{port}/slack/events", SECRET), port)


def _calls_naming(api: SlackWebApi, *ids: str) -> list[Call]:
    return [c for c in api.calls if any(value in json.dumps(c.params) for value in ids)]


def _answered(bot: Running, channel: str, *, timeout: float = 60) -> Call:
    [answer] = bot.api.wait_for(
        "chat.postMessage",
        where=lambda c: c.status == 200 and c.params.get("channel") == channel,
        timeout=timeout,
    )
    return answer


def _a_question_is_still_answered(bot: Running) -> None:
    channel = unique("C")
    assert (
        bot.poster.event(
            mention("Når er fristen for sluttrapporten?", user=unique("U"), channel=channel),
            event_id=unique("Ev"),
        )[0]
        == 200
    )
    assert "60 dager" in texts(_answered(bot, channel))


def test_a_timestamp_that_is_not_a_number_gets_401_and_the_bot_posts_nothing(bot: Running) -> None:
    channel, user = unique("C"), unique("U")
    body = json.dumps(event_callback(mention("hei", user=user, channel=channel), event_id=unique("Ev")))
    for signature in ("v0=abc", sign(SECRET, int(time.time()), body), "", "v0=" + "0" * 64, "x" * 500):
        status, _ = bot.poster.post(
            body,
            content_type="application/json",
            signature=signature or "v0=",
            headers={"X-Slack-Request-Timestamp": "abc"},
        )
        assert status == 401
    # Signed with a wrong secret, and with a timestamp of ten minutes ago: refused the same way.
    stale = int(time.time()) - 600
    assert (
        bot.poster.post(
            body, content_type="application/json", timestamp=stale, signature=sign(SECRET, stale, body)
        )[0]
        == 401
    )
    assert (
        bot.poster.post(
            body, content_type="application/json", signature=sign("wrong", int(time.time()), body)
        )[0]
        == 401
    )
    _a_question_is_still_answered(bot)  # handled after the forged ones: had they been acted on, it would show
    assert _calls_naming(bot.api, channel, user) == []


MALFORMED = {
    "not JSON": ("application/json", "{not json"),
    "an array": ("application/json", "[1, 2, 3]"),
    "null": ("application/json", "null"),
    "nested 1,000 deep": (
        "application/json",
        '{"type": "event_callback", "x": ' + "[" * 1000 + "]" * 1000 + "}",
    ),
    "event as a string": (
        "application/json",
        json.dumps({"type": "event_callback", "event_id": "EvS", "event": "hi"}),
    ),
    "event text as a number": (
        "application/json",
        json.dumps(
            {
                "type": "event_callback",
                "event_id": "EvN",
                "event": {"type": "app_mention", "text": 5, "channel": "C1"},
            }
        ),
    ),
    "a form payload that is not JSON": (
        "application/x-www-form-urlencoded",
        urlencode({"payload": "{broken"}),
    ),
    "a form payload that is a list": ("application/x-www-form-urlencoded", urlencode({"payload": "[]"})),
}


@pytest.mark.parametrize("kind", list(MALFORMED))
def test_a_malformed_signed_body_gets_400_not_a_traceback(bot: Running, kind: str) -> None:
    content_type, body = MALFORMED[kind]
    status, answer = bot.poster.post(body, content_type=content_type)
    assert status == 400
    assert "Traceback" not in answer


def test_a_signed_body_that_is_not_utf8_gets_400(bot: Running) -> None:
    raw = b'{"type": "event_callback", "event": {"text": "\xff\xfe"}}'
    ts = int(time.time())
    signature = (
        "v0=" + __import__("hmac").new(SECRET.encode(), f"v0:{ts}:".encode() + raw, "sha256").hexdigest()
    )
    request = urllib.request.Request(
        bot.poster.url,
        data=raw,
        method="POST",
        headers={
            "Content-Type": "application/json",
            "X-Slack-Request-Timestamp": str(ts),
            "X-Slack-Signature": signature,
        },
    )
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=30)
    assert refused.value.code == 400
    _a_question_is_still_answered(bot)


def test_an_unsigned_10_mb_body_is_refused_before_it_is_read(bot: Running) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", bot.port, timeout=30)
    connection.putrequest("POST", "/slack/events")
    connection.putheader("Content-Type", "application/json")
    connection.putheader("Content-Length", str(10 * 1024 * 1024))
    connection.endheaders()
    with contextlib.suppress(OSError):  # the server may already have closed the connection
        connection.send(
            b"{" + b" " * 65_535
        )  # 64 KB of the promised 10 MB: the answer cannot wait for the rest
    response = connection.getresponse()
    assert response.status == 413
    connection.close()
    _a_question_is_still_answered(bot)


def test_one_huge_word_gets_a_polite_refusal_and_does_not_hold_up_other_questions(bot: Running) -> None:
    channel, user = unique("C"), unique("U")
    word = "a" * 300_000  # a 300 KB signed body: within the size limit, far over the question limit
    assert bot.poster.event(mention(word, user=user, channel=channel), event_id=unique("Ev"))[0] == 200
    health = urllib.request.urlopen(f"http://127.0.0.1:{bot.port}/health", timeout=30)
    assert json.loads(health.read()) == {"status": "ok"}
    _a_question_is_still_answered(bot)
    refusal = texts(_answered(bot, channel, timeout=30))
    assert "for lang" in refusal or "too long" in refusal
    assert word[:5000] not in refusal  # not echoed back


def test_lone_surrogates_in_a_mention_are_answered(bot: Running) -> None:
    channel = unique("C")
    # No Norwegian letters and no stop words: the text reaches the statistical language detector.
    event = mention(
        "When is the final report due \ud800 in Mobility Tool \udfff?", user=unique("U"), channel=channel
    )
    assert bot.poster.event(event, event_id=unique("Ev"))[0] == 200
    shown = texts(_answered(bot, channel))
    assert "Mobility Tool+" in shown and "went wrong" not in shown


def test_a_mention_without_a_channel_is_not_answered_to_an_empty_channel(bot: Running) -> None:
    user = unique("U")
    event = mention("Når er fristen for sluttrapporten?", user=user, channel="")
    del event["channel"]
    assert bot.poster.event(event, event_id=unique("Ev"))[0] == 200
    _a_question_is_still_answered(bot)
    assert [c for c in bot.api.calls_to("chat.postMessage") if not c.params.get("channel")] == []
    assert [c for c in bot.api.calls_to("chat.postEphemeral") if c.params.get("user") == user] == []


def test_an_event_id_longer_than_300_characters_is_not_cut_into_another_events_id(bot: Running) -> None:
    prefix = "Ev" + "X" * 300
    channels = [unique("C"), unique("C")]
    for n, channel in enumerate(channels):  # two ids that agree on their first 300 characters
        event = mention("Når er fristen for sluttrapporten?", user=unique("U"), channel=channel)
        assert bot.poster.event(event, event_id=f"{prefix}{n}")[0] == 200
    for channel in channels:
        _answered(bot, channel)
