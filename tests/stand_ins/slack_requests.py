"""Signed requests to a Slack app's HTTP endpoint, as Slack sends them (Events API, slash commands, clicks)."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
import urllib.error
import urllib.request
from typing import Any
from urllib.parse import urlencode

from tests.stand_ins.slack_web_api import BOT_USER_ID, TEAM_ID


def sign(secret: str, timestamp: int, body: str) -> str:
    """Slack's v0 request signature."""
    base = f"v0:{timestamp}:{body}".encode()
    return "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()


class SignedPoster:
    """Posts to ``url`` (``…/slack/events``) signed with ``secret``; returns (status, body)."""

    def __init__(self, url: str, secret: str) -> None:
        self.url = url
        self.secret = secret

    def post(
        self,
        body: str,
        *,
        content_type: str,
        timestamp: int | None = None,
        signature: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> tuple[int, str]:
        ts = int(time.time()) if timestamp is None else timestamp
        request = urllib.request.Request(self.url, data=body.encode(), method="POST")
        request.add_header("Content-Type", content_type)
        request.add_header("X-Slack-Request-Timestamp", str(ts))
        request.add_header("X-Slack-Signature", signature or sign(self.secret, ts, body))
        for key, value in (headers or {}).items():
            request.add_header(key, value)
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def event(
        self, event: dict[str, Any], *, event_id: str, retry: int | None = None, **kw: Any
    ) -> tuple[int, str]:
        """An Events API ``event_callback``; ``retry`` sets X-Slack-Retry-Num as Slack's retries do."""
        body = json.dumps(event_callback(event, event_id=event_id))
        headers = {"X-Slack-Retry-Num": str(retry), "X-Slack-Retry-Reason": "http_timeout"} if retry else {}
        return self.post(body, content_type="application/json", headers=headers, **kw)

    def command(self, payload: dict[str, str]) -> tuple[int, str]:
        """A slash command (form-encoded)."""
        return self.post(urlencode(payload), content_type="application/x-www-form-urlencoded")

    def interaction(self, payload: dict[str, Any]) -> tuple[int, str]:
        """An interactivity payload (``block_actions``), form-encoded as ``payload=<json>``."""
        return self.post(
            urlencode({"payload": json.dumps(payload)}), content_type="application/x-www-form-urlencoded"
        )


def event_callback(event: dict[str, Any], *, event_id: str) -> dict[str, Any]:
    """The envelope Slack wraps every event in."""
    return {
        "token": "legacy",
        "team_id": TEAM_ID,
        "api_app_id": "A0001",
        "event": event,
        "type": "event_callback",
        "event_id": event_id,
        "event_time": int(time.time()),
        "authorizations": [{"team_id": TEAM_ID, "user_id": BOT_USER_ID, "is_bot": True}],
    }


def command_payload(text: str, *, user: str, channel: str, response_url: str) -> dict[str, str]:
    """A ``/erasmus`` slash command as Slack posts it."""
    return {
        "token": "legacy",
        "team_id": TEAM_ID,
        "channel_id": channel,
        "channel_name": "project",
        "user_id": user,
        "user_name": user.lower(),
        "command": "/erasmus",
        "text": text,
        "api_app_id": "A0001",
        "response_url": response_url,
        "trigger_id": "1.2.3",
    }


def click_payload(
    *, user: str, channel: str, message: dict[str, Any], action_id: str, value: str
) -> dict[str, Any]:
    """A ``block_actions`` payload for a button in ``message``."""
    return {
        "type": "block_actions",
        "team": {"id": TEAM_ID},
        "user": {"id": user, "team_id": TEAM_ID},
        "api_app_id": "A0001",
        "token": "legacy",
        "container": {"type": "message", "message_ts": message["ts"], "channel_id": channel},
        "trigger_id": "1.2.3",
        "channel": {"id": channel},
        "message": message,
        "response_url": "",
        "actions": [
            {
                "type": "button",
                "action_id": action_id,
                "block_id": "b",
                "value": value,
                "action_ts": str(time.time()),
            }
        ],
    }
