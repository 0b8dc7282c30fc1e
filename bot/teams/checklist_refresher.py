"""Refreshing the Teams cards of a run from outside a Teams turn (e.g. after a tick on the partner page)."""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor

from microsoft_agents.activity import Activity
from microsoft_agents.hosting.core import TurnContext

from bot.engine.actions import ChecklistActions
from bot.teams.activities import card_activity
from bot.teams.cards import checklist_card
from bot.teams.proactive import in_conversation
from bot.teams.references import loaded
from bot.teams.sdk import TeamsSdk
from core.language import Language, Platform
from core.records import ConversationDirectory, PostedChecklist
from workflows.errors import WorkflowError
from workflows.service import RunState

_log = logging.getLogger(__name__)


class TeamsChecklistRefresher:
    """Updates every Teams copy of a run's checklist in place, proactively, as a Teams card tick would.

    Args:
        sdk: The SDK adapter and identity (the same app registration as the Teams server).
        directory: The stored conversation references.
        checklists: Posted checklist copies and run states.
        timeout_seconds: Give up on one update after this long.
    """

    def __init__(
        self,
        *,
        sdk: TeamsSdk,
        directory: ConversationDirectory,
        checklists: ChecklistActions,
        timeout_seconds: float = 30.0,
    ) -> None:
        self._sdk = sdk
        self._directory = directory
        self._checklists = checklists
        self._timeout = timeout_seconds
        self._worker = ThreadPoolExecutor(1, "rapportlos-teams-refresh")

    def refresh(self, run_id: int) -> None:
        """Update each Teams copy; a copy that cannot be reached is logged and skipped."""
        try:
            state = self._checklists.run_state(run_id)
            copies = [c for c in self._checklists.copies(run_id) if c.platform == Platform.TEAMS.value]
        except WorkflowError as error:
            _log.warning("Teams: could not refresh run %s: %s", run_id, error)
            return
        for copy in copies:
            try:
                self._worker.submit(asyncio.run, self._update(state, copy)).result(timeout=self._timeout)
            except Exception as error:  # one unreachable copy must not stop the others
                _log.warning(
                    "Teams: checklist %s in %s not updated: %s", copy.message_id, copy.channel_id, error
                )

    def close(self) -> None:
        """Stop the worker thread."""
        self._worker.shutdown(wait=False, cancel_futures=True)

    async def _update(self, state: RunState, copy: PostedChecklist) -> None:
        stored = self._directory.conversation(channel_id=copy.channel_id)
        reference = loaded(stored) if stored is not None else None
        if reference is None:
            return
        view = self._checklists.channel_view(state, language=Language(copy.language))
        activity: Activity = card_activity(checklist_card(view))
        activity.id = copy.message_id
        failed: list[Exception] = []

        async def update(context: TurnContext) -> None:
            try:
                await context.update_activity(activity)
            except Exception as error:  # the adapter would swallow it: hand it back
                failed.append(error)

        await in_conversation(self._sdk, reference, update)
        if failed:
            raise failed[0]
