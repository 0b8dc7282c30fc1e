"""The posted copies of a run's checklist: where each was posted and what to draw in it now.

Shared by the engine front (chat ticks) and the partner page (web ticks), so both refresh the same copies.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.engine.actions import ChecklistActions
from core.language import Language, Platform
from core.records import PostedChecklist
from workflows.views import ChecklistView


@dataclass(frozen=True)
class PostedView:
    """One posted copy of a run's checklist and the checklist to draw in it (in the copy's language)."""

    posted: PostedChecklist
    view: ChecklistView


class ChecklistCopies:
    """Looks up and records the posted copies of runs' checklists.

    Args:
        checklists: Step clicks, run states and posted checklist copies.
    """

    def __init__(self, *, checklists: ChecklistActions) -> None:
        self._checklists = checklists

    def channel_view(self, run_id: int, *, language: Language) -> ChecklistView:
        """A run's checklist as posted in a channel (the same for everyone). Raises WorkflowError."""
        return self._checklists.channel_view(self._checklists.run_state(run_id), language=language)

    def posted_views(self, run_id: int, *, platform: Platform) -> list[PostedView]:
        """Every copy of a run's checklist on ``platform``, each with its current view. Raises WorkflowError."""
        copies = [c for c in self._checklists.copies(run_id) if c.platform == platform.value]
        if not copies:
            return []
        state = self._checklists.run_state(run_id)
        return [
            PostedView(posted=c, view=self._checklists.channel_view(state, language=Language(c.language)))
            for c in copies
        ]

    def remember_post(
        self, *, run_id: int, platform: Platform, channel_id: str, message_id: str, language: Language
    ) -> None:
        """Record where a checklist was posted, so later ticks refresh it. Raises WorkflowError."""
        self._checklists.remember_post(
            run_id=run_id, platform=platform, channel_id=channel_id, message_id=message_id, language=language
        )
