"""Bot Framework activities as Teams sends them to /api/messages, for the end-to-end tests."""

from __future__ import annotations

import itertools
from typing import Any

BOT = {"id": "28:rapportlos-bot", "name": "Rapportlos"}
TENANT = "tenant-1"
CHANNEL = "19:vann-general@thread.tacv2"
_ids = itertools.count(1)


def next_id() -> str:
    """A fresh activity id."""
    return f"1700000000{next(_ids):03d}"


def _base(
    service_url: str, user: str, conversation: dict[str, Any], activity_id: str | None
) -> dict[str, Any]:
    return {
        "id": activity_id or next_id(),
        "channelId": "msteams",
        "serviceUrl": service_url,
        "from": {"id": user, "name": user.removeprefix("29:").title()},
        "recipient": BOT,
        "conversation": conversation,
        "channelData": {"tenant": {"id": TENANT}},
        "locale": "nb-NO",
    }


def personal(service_url: str, user: str, text: str, *, activity_id: str | None = None) -> dict[str, Any]:
    """A message in the person's personal chat with the bot."""
    conversation = {"id": f"a:dm-{user}", "conversationType": "personal", "tenantId": TENANT}
    return {**_base(service_url, user, conversation, activity_id), "type": "message", "text": text}


def channel_conversation(thread: str | None = None) -> dict[str, Any]:
    """The channel, or a thread in it."""
    conversation_id = f"{CHANNEL};messageid={thread}" if thread else CHANNEL
    return {"id": conversation_id, "conversationType": "channel", "tenantId": TENANT, "isGroup": True}


def mention(
    service_url: str, user: str, text: str, *, thread: str | None = None, people: dict[str, str] | None = None
) -> dict[str, Any]:
    """A channel post that @mentions the bot (and ``people``: name -> id, written ``<at>name</at>`` in text)."""
    tag = f"<at>{BOT['name']}</at>"
    activity = _base(service_url, user, channel_conversation(thread), None)
    others = [
        {"type": "mention", "text": f"<at>{name}</at>", "mentioned": {"id": user_id, "name": name}}
        for name, user_id in (people or {}).items()
    ]
    return {
        **activity,
        "type": "message",
        "text": f"{tag} {text}",
        "entities": [{"type": "mention", "text": tag, "mentioned": BOT}, *others],
    }


def submit(service_url: str, user: str, value: dict[str, Any], *, reply_to: str) -> dict[str, Any]:
    """An Action.Submit click: a message with the action's data as ``value`` and no text."""
    activity = _base(service_url, user, channel_conversation(), None)
    return {**activity, "type": "message", "value": value, "replyToId": reply_to}


def execute(service_url: str, user: str, action: dict[str, Any], *, reply_to: str) -> dict[str, Any]:
    """An Action.Execute click: an ``adaptiveCard/action`` invoke."""
    activity = _base(service_url, user, channel_conversation(), None)
    value = {
        "action": {"type": "Action.Execute", "verb": action["verb"], "data": action["data"]},
        "trigger": "manual",
    }
    return {
        **activity,
        "type": "invoke",
        "name": "adaptiveCard/action",
        "value": value,
        "replyToId": reply_to,
    }


def bot_added(service_url: str, user: str) -> dict[str, Any]:
    """The bot installed in the team: conversationUpdate with the bot among membersAdded."""
    activity = _base(service_url, user, channel_conversation(), None)
    channel_data = {"tenant": {"id": TENANT}, "eventType": "teamMemberAdded", "team": {"id": CHANNEL}}
    return {**activity, "type": "conversationUpdate", "membersAdded": [BOT], "channelData": channel_data}
