"""Updating the posted Teams copies of a run's checklist in place, from inside a turn (a click or a typed tick).

Teams keeps one checklist card per run and channel: after a change every copy is replaced (``update_activity``)
rather than a new card posted. A copy in a conversation on another service URL is reached proactively.
"""

from __future__ import annotations

import logging
from typing import Any

import aiohttp
from microsoft_agents.activity import ConversationAccount
from microsoft_agents.hosting.core import TurnContext

from bot.teams.activities import card_activity
from bot.teams.cards import checklist_card
from bot.teams.proactive import in_conversation
from bot.teams.references import loaded
from bot.teams.sdk import TeamsSdk
from bot.teams.services import Blocking, TeamsServices
from core.language import Platform
from core.records import PostedChecklist
from workflows.errors import WorkflowError

_log = logging.getLogger(__name__)


class CardUpdates:
    """Finds a run's posted Teams cards and updates them in place.

    Args:
        sdk: The SDK adapter, for copies in conversations outside the turn's service URL (None: skip those).
        services: The engine front (posted copies) and the conversation directory (references).
        blocking: Runs the database calls off the event loop.
    """

    def __init__(self, *, sdk: TeamsSdk | None, services: TeamsServices, blocking: Blocking) -> None:
        self._sdk = sdk
        self._services = services
        self._blocking = blocking

    async def shown_in(self, run_id: int, *, channel_id: str) -> bool:
        """True when a card of the run was already posted in ``channel_id`` (so it is updated, not posted again)."""
        try:
            copies = await self._blocking(self._services.engine.posted_views, run_id, platform=Platform.TEAMS)
        except WorkflowError:
            return False
        return any(copy.posted.channel_id == channel_id for copy in copies)

    async def refresh(self, context: TurnContext, run_id: int, *, skip_message_id: str | None = None) -> None:
        """Update every Teams copy of the run but ``skip_message_id``; an unreachable copy is logged and skipped."""
        try:
            copies = await self._blocking(self._services.engine.posted_views, run_id, platform=Platform.TEAMS)
        except WorkflowError as error:
            _log.warning("Teams: could not refresh run %s: %s", run_id, error)
            return
        for posted_view in copies:
            copy = posted_view.posted
            if copy.message_id == skip_message_id:
                continue
            try:
                await self._update(context, copy, checklist_card(posted_view.view))
            except (aiohttp.ClientError, ValueError, TypeError, RuntimeError) as error:
                _log.warning(
                    "Teams: could not refresh checklist %s in %s: %s", copy.message_id, copy.channel_id, error
                )

    async def _update(self, context: TurnContext, copy: PostedChecklist, card: dict[str, Any]) -> None:
        activity = card_activity(card)
        activity.id = copy.message_id
        stored = await self._blocking(self._services.store.conversation, channel_id=copy.channel_id)
        reference = loaded(stored) if stored else None
        if reference is None or reference.service_url == context.activity.service_url:
            activity.conversation = ConversationAccount(id=copy.channel_id)
            await context.adapter.update_activity(context, activity)  # over the turn's own connector client
            return
        if self._sdk is None:
            raise RuntimeError("no SDK adapter to reach another service URL")

        async def update(proactive: TurnContext) -> None:
            await proactive.update_activity(activity)

        await in_conversation(self._sdk, reference, update)
