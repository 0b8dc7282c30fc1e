"""Reaching the connector: turns the bot starts itself (``continue_conversation``) and the running turn's client."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from microsoft_agents.activity import ConversationReference
from microsoft_agents.hosting.core import ConnectorClientBase, TurnContext

from bot.teams.sdk import TeamsSdk


async def in_conversation(
    sdk: TeamsSdk, reference: ConversationReference, callback: Callable[[TurnContext], Awaitable[None]]
) -> None:
    """Run ``callback`` in a proactive turn in the referenced conversation, as the bot."""
    continuation = reference.get_continuation_activity()
    continuation.id = None  # else every message of the turn would be sent as a reply to this made-up id
    await sdk.adapter.continue_conversation_with_claims(sdk.proactive_identity(), continuation, callback)


def turn_connector(context: TurnContext) -> ConnectorClientBase:
    """The connector client the adapter opened for this turn (same token and service URL)."""
    connector = context.services.get(ConnectorClientBase)  # type: ignore[type-abstract]
    if connector is None:
        raise RuntimeError("no connector client in this turn")
    return connector
