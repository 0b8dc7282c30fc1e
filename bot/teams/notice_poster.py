"""Reminders and other notices posted to Teams proactively, from the conversation references the bot stored."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any

import aiohttp
from microsoft_agents.activity import Activity, ChannelAccount, ConversationReference
from microsoft_agents.hosting.core import TurnContext
from multidict import CIMultiDict

from bot.teams.activities import mention_activity, text_activity
from bot.teams.proactive import in_conversation
from bot.teams.references import loaded, user_key
from bot.teams.sdk import TeamsSdk
from core.language import Platform
from core.records import ConversationDirectory
from workflows.notices import DeliveryFailed, Notice

_PERMANENT = {403: "forbidden", 404: "not_found"}


class TeamsNoticePoster:
    """``workflows.notices.NoticePoster`` for Teams: posts with the SDK's ``continue_conversation``.

    Blocking, like the protocol: each call runs its own event loop on a private worker thread, so it can be
    called from plain code (``rapportlos remind tick``) and from threads of a running server alike.

    Args:
        sdk: The SDK adapter and identity (the same app registration as the server).
        directory: Where the server stored the channels' and personal chats' references.
        timeout_seconds: Give up on one call after this long.
    """

    def __init__(
        self, *, sdk: TeamsSdk, directory: ConversationDirectory, timeout_seconds: float = 30.0
    ) -> None:
        self._sdk = sdk
        self._directory = directory
        self._timeout = timeout_seconds
        self._worker = ThreadPoolExecutor(1, "rapportlos-teams-notices")

    def reaches(self, channel_id: str) -> bool:
        """True when a Teams reference is stored for ``channel_id``."""
        return self._reference(channel_id) is not None

    def reaches_person(self, user_id: str) -> bool:
        """True when the person has a personal chat with the bot (a reference is stored for it)."""
        return self._reference(user_key(user_id)) is not None

    def post(self, notice: Notice) -> str:
        """Post ``notice`` in its channel, @mentioning its people; returns the Teams activity id."""
        reference = self._reference(notice.channel_id)
        if reference is None:
            raise DeliveryFailed("no_conversation", permanent=True)
        people = [self._person(user_id) for user_id in notice.mention_user_ids]
        return self._run(self._send(reference, mention_activity(notice.text, people)))

    def direct(self, *, user_id: str, text: str) -> None:
        """Send ``text`` in the person's personal chat with the bot (known once they have written to it)."""
        reference = self._reference(user_key(user_id))
        if reference is None:
            raise DeliveryFailed("no_personal_chat", permanent=True)
        self._run(self._send(reference, text_activity(text)))

    def close(self) -> None:
        """Stop the worker thread."""
        self._worker.shutdown(wait=False, cancel_futures=True)

    def _reference(self, key: str) -> ConversationReference | None:
        stored = self._directory.conversation(channel_id=key)
        if stored is None or stored.platform != Platform.TEAMS.value:
            return None
        return loaded(stored)

    def _person(self, user_id: str) -> ChannelAccount:
        personal = self._reference(user_key(user_id))
        name = personal.user.name if personal and personal.user else None
        return ChannelAccount(id=user_id, name=name or user_id)

    async def _send(self, reference: ConversationReference, activity: Activity) -> str:
        sent: list[str] = []
        failed: list[Exception] = []

        async def callback(context: TurnContext) -> None:
            try:
                response = await context.send_activity(activity)
            except Exception as error:  # the adapter would swallow it: hand it back to the caller
                failed.append(error)
                return
            sent.append((response.id or "") if response else "")

        await in_conversation(self._sdk, reference, callback)
        if failed:
            raise failed[0]
        return sent[0] if sent else ""

    def _run(self, call: Coroutine[Any, Any, str]) -> str:
        future = self._worker.submit(asyncio.run, call)
        try:
            return future.result(timeout=self._timeout)
        except aiohttp.ClientResponseError as error:
            raise _failure(error) from error
        except (TimeoutError, aiohttp.ClientError, OSError, FutureTimeout) as error:
            raise DeliveryFailed("unreachable") from error


def _failure(error: aiohttp.ClientResponseError) -> DeliveryFailed:
    """The connector's HTTP error as a DeliveryFailed: 429 with its Retry-After, 403/404 permanent."""
    if error.status == 429:
        return DeliveryFailed(
            "ratelimited", retry_after=_seconds(CIMultiDict(error.headers or {}).get("Retry-After"))
        )
    if error.status in _PERMANENT:
        return DeliveryFailed(_PERMANENT[error.status], permanent=True)
    return DeliveryFailed(f"http_{error.status}")


def _seconds(value: str | None) -> float | None:
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None
