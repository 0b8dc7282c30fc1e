"""The Slack request gate's pure checks: signatures of any shape, and bodies Bolt could not read."""

import json
from urllib.parse import urlencode

import pytest

from bot.slack.request_checks import MAX_DEPTH, body_problem, signature_ok
from tests.stand_ins.slack_requests import sign

SECRET = "s3cret"
NOW = 1_764_490_000.0


def _ok(timestamp: str | None, signature: str | None, body: bytes = b"{}") -> bool:
    return signature_ok(secret=SECRET, timestamp=timestamp, signature=signature, body=body, now=NOW)


def test_a_fresh_correct_signature_verifies():
    assert _ok(str(int(NOW)), sign(SECRET, int(NOW), "{}"))


@pytest.mark.parametrize(
    "timestamp", ["abc", "", None, "-5", "1e9", "１７６４４９００００", "9" * 40, " 1764490000"]
)
def test_a_timestamp_that_is_not_plain_digits_fails_without_an_exception(timestamp):
    assert not _ok(timestamp, sign(SECRET, int(NOW), "{}"))


@pytest.mark.parametrize("signature", [None, "", "v0=", "v0=" + "0" * 64, "x" * 10_000, "v0=é"])
def test_a_wrong_signature_of_any_shape_fails(signature):
    assert not _ok(str(int(NOW)), signature)


def test_a_stale_or_future_timestamp_fails_even_when_signed():
    for moment in (int(NOW) - 301, int(NOW) + 301):
        assert not _ok(str(moment), sign(SECRET, moment, "{}"))


def test_a_signature_of_another_body_fails():
    assert not _ok(str(int(NOW)), sign(SECRET, int(NOW), '{"a": 1}'), body=b"{}")


def _event(event: object) -> bytes:
    return json.dumps({"type": "event_callback", "event_id": "Ev1", "event": event}).encode()


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (b"{not json", "application/json"),
        (b"[]", "application/json"),
        (b"null", "application/json"),
        (b"\xff\xfe", "application/json"),
        (b'{"a": ' + b"[" * (MAX_DEPTH + 1) + b"]" * (MAX_DEPTH + 1) + b"}", "application/json"),
        (_event("a string"), "application/json"),
        (_event({"type": "app_mention", "channel": ["C1"]}), "application/json"),
        (urlencode({"payload": "{broken"}).encode(), "application/x-www-form-urlencoded"),
        (urlencode({"payload": "7"}).encode(), "application/x-www-form-urlencoded"),
        (urlencode([("payload", "{}"), ("payload", "{}")]).encode(), "application/x-www-form-urlencoded"),
    ],
)
def test_bodies_bolt_could_not_read_are_named(body, content_type):
    assert body_problem(body, content_type=content_type) is not None


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (
            _event({"type": "app_mention", "user": "U1", "channel": "C1", "text": 'hei [{\\"}] å'}),
            "application/json",
        ),
        (json.dumps({"type": "url_verification", "challenge": "x"}).encode(), "application/json"),
        (urlencode({"command": "/erasmus", "text": "help"}).encode(), "application/x-www-form-urlencoded"),
        (
            urlencode({"payload": json.dumps({"type": "block_actions", "user": {"id": "U1"}})}).encode(),
            "application/x-www-form-urlencoded",
        ),
    ],
)
def test_what_slack_sends_passes(body, content_type):
    assert body_problem(body, content_type=content_type) is None


def test_brackets_inside_strings_do_not_count_as_nesting():
    text = json.dumps({"type": "event_callback", "event": {"type": "message", "text": "[" * 5000}})
    assert body_problem(text.encode(), content_type="application/json") is None
