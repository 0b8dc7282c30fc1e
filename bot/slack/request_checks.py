"""Pure checks of an incoming Slack HTTP request: its signature and the shape of its body.

Used by ``bot.slack.gate`` before Bolt sees a request, so that nothing reads a body that is not Slack's.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from enum import StrEnum
from typing import Any
from urllib.parse import parse_qs

MAX_AGE_SECONDS = 300
MAX_DEPTH = 32
_TIMESTAMP_DIGITS = 12


class Refusal(StrEnum):
    """Why a request is refused, and the HTTP status it gets."""

    TOO_LARGE = "413 Content Too Large"
    NO_LENGTH = "411 Length Required"
    UNVERIFIED = "401 Unauthorized"
    MALFORMED = "400 Bad Request"


def signature_ok(
    *, secret: str, timestamp: str | None, signature: str | None, body: bytes, now: float
) -> bool:
    """True when ``signature`` is Slack's v0 signature of ``body`` at a timestamp within five minutes of ``now``.

    Any malformed header (missing, not digits, too long) is simply a failed check, never an exception.
    """
    if not timestamp or not signature or not secret:
        return False
    if not (timestamp.isascii() and timestamp.isdigit()) or len(timestamp) > _TIMESTAMP_DIGITS:
        return False
    if abs(now - int(timestamp)) > MAX_AGE_SECONDS:
        return False
    base = b"v0:" + timestamp.encode() + b":" + body
    expected = "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected.encode(), signature.encode("utf-8", "replace"))


def body_problem(body: bytes, *, content_type: str) -> str | None:
    """What is wrong with a verified body (None when Bolt may read it).

    Accepted: a JSON object (Events API) whose ``event``, when present, is an object; a form with a JSON object
    in ``payload`` (interactivity) or without ``payload`` (slash commands). Nesting deeper than ``MAX_DEPTH``,
    text that is not UTF-8 and anything else are refused.
    """
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return "body is not UTF-8"
    if "application/json" in content_type:
        return _object_problem(text)
    form = parse_qs(text, keep_blank_values=True)
    payloads = form.get("payload")
    if payloads is None:
        return None
    if len(payloads) != 1:
        return "more than one payload"
    return _object_problem(payloads[0])


def _object_problem(text: str) -> str | None:
    if _depth_of(text) > MAX_DEPTH:
        return "nested too deeply"
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return "not JSON"
    if not isinstance(data, dict):
        return "not a JSON object"
    for key in ("event", "user", "channel", "team", "container", "view"):
        if key in data and data[key] is not None and not isinstance(data[key], dict):
            return f"{key} is not an object"
    event: dict[str, Any] = data.get("event") or {}
    for key in ("type", "user", "channel", "text", "ts", "thread_ts", "subtype", "channel_type"):
        if key in event and event[key] is not None and not isinstance(event[key], str):
            return f"event {key} is not a string"
    return None


def _depth_of(text: str) -> int:
    """The deepest bracket nesting of JSON text (strings skipped), in one linear pass."""
    depth = deepest = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest
