"""Finding a message this bot already posted, by the id it carries in its Slack message metadata.

A process that dies after Slack accepted a post but before the database recorded it leaves no trace but the post
itself. Each answer carries its event id, and each reminder its reminder id, in the message metadata; before
posting again after a takeover, ``find_posted`` looks for them in the channel (or the thread) since the claim.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

ANSWER_EVENT = "rapportlos_answer"
REMINDER_EVENT = "rapportlos_reminder"
CLOCK_SLACK = timedelta(minutes=2)  # Slack's clock and ours may differ a little
MAX_PAGES = 5

Call = Callable[..., dict[str, Any]]


def metadata(event_type: str, **payload: str) -> dict[str, Any]:
    """The ``metadata`` argument of ``chat.postMessage`` carrying ``payload``."""
    return {"event_type": event_type, "event_payload": dict(payload)}


def find_posted(
    call: Call, *, channel: str, thread_ts: str | None, since: datetime, event_type: str, key: str, value: str
) -> str | None:
    """The ts of a message in ``channel`` (in the thread ``thread_ts`` when given) posted since ``since`` whose
    metadata has ``event_type`` and ``key`` = ``value``; None when there is none.

    Args:
        call: Calls a Web API method with keyword parameters and returns Slack's answer (raises on failure).
    """
    params: dict[str, Any] = {
        "channel": channel,
        "oldest": f"{(since - CLOCK_SLACK).timestamp():.6f}",
        "include_all_metadata": True,
        "limit": 200,
    }
    method = "conversations.history"
    if thread_ts:
        method, params["ts"] = "conversations.replies", thread_ts
    for _ in range(MAX_PAGES):
        answer = call(method, **params)
        for message in answer.get("messages") or []:
            if _carries(message, event_type=event_type, key=key, value=value):
                return str(message.get("ts"))
        cursor = (answer.get("response_metadata") or {}).get("next_cursor")
        if not answer.get("has_more") or not cursor:
            return None
        params["cursor"] = cursor
    return None


def _carries(message: dict[str, Any], *, event_type: str, key: str, value: str) -> bool:
    found = message.get("metadata") or {}
    return found.get("event_type") == event_type and (found.get("event_payload") or {}).get(key) == value
