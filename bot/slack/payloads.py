"""Reading Slack payloads: pure predicates and translations into the engine's typed messages.

No raw Slack dict travels past ``bot/slack/``: listeners call these and hand typed values on.
"""

from __future__ import annotations

import json
import re
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from bot.engine.models import IncomingMessage
from core.language import Platform
from workflows.identifiers import MAX_ROW_ID

_HANDLED_SUBTYPES = (None, "thread_broadcast", "file_share")
_MENTION = re.compile(r"<@([UW][A-Z0-9]+)(?:\|[^>]*)?>")


class StepButton(BaseModel):
    """The value of a checklist step button."""

    model_config = ConfigDict(frozen=True)

    run_id: int
    step_id: str
    version: int


def is_from_bot(event: dict[str, Any], *, bot_user_id: str | None) -> bool:
    """True for messages by any bot, including this one (never answered)."""
    return bool(
        event.get("bot_id")
        or event.get("subtype") == "bot_message"
        or event.get("bot_profile")
        or (bot_user_id and event.get("user") == bot_user_id)
    )


def is_person_message(event: dict[str, Any], *, bot_user_id: str | None) -> bool:
    """A new message a person wrote (not an edit, deletion, join notice or bot post)."""
    return (
        event.get("subtype") in _HANDLED_SUBTYPES
        and bool(event.get("user"))
        and not is_from_bot(event, bot_user_id=bot_user_id)
    )


def is_direct(event: dict[str, Any]) -> bool:
    """True in a direct message with the bot."""
    return event.get("channel_type") == "im" or str(event.get("channel", "")).startswith("D")


def mentions(text: str, user_id: str | None) -> bool:
    """True when ``text`` mentions ``user_id``."""
    return bool(user_id) and any(m.group(1) == user_id for m in _MENTION.finditer(text))


def strip_mention(text: str, user_id: str | None) -> str:
    """The text without mentions of the bot (other people's mentions stay)."""
    if not user_id:
        return text.strip()
    return _MENTION.sub(lambda m: "" if m.group(1) == user_id else m.group(0), text).strip()


def thread_of(event: dict[str, Any]) -> str:
    """The thread a reply belongs in: the event's thread, or a new thread under the message."""
    return str(event.get("thread_ts") or event.get("ts") or "")


def incoming(event: dict[str, Any], *, bot_user_id: str | None) -> IncomingMessage:
    """The engine message for a Slack message or app_mention event."""
    return IncomingMessage(
        user_id=str(event.get("user", "")),
        channel_id=str(event.get("channel", "")),
        text=strip_mention(str(event.get("text") or ""), bot_user_id),
        platform=Platform.SLACK,
        thread_id=thread_of(event),
    )


def step_button(value: str) -> StepButton | None:
    """The run, step and version a step button carries; None for a value that is not ours."""
    try:
        data = json.loads(value)
        return StepButton(run_id=data["r"], step_id=data["s"], version=data["v"])
    except (ValueError, KeyError, TypeError, ValidationError):
        return None


def answer_id(value: str) -> int | None:
    """The answer id a feedback button carries."""
    if not (value.isascii() and value.isdigit()) or len(value) > len(str(MAX_ROW_ID)):
        return None
    number = int(value)
    return number if number <= MAX_ROW_ID else None
