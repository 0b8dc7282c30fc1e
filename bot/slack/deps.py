"""What the Slack listeners need, passed in once (no module-level state)."""

from __future__ import annotations

from concurrent.futures import Executor, ThreadPoolExecutor
from dataclasses import dataclass, field

from bot.engine.front import ChatEngine
from bot.slack.event_guard import EventGuard
from bot.slack.responder import SlackResponder
from core.language import Language, Platform

ANSWER_WORKERS = 4
"""Questions answered at once, beside Bolt's own listener threads (which only acknowledge and do quick work)."""


@dataclass(frozen=True)
class SlackDeps:
    """The engine's one front, how its replies reach Slack, and the workers answers run on.

    Nothing here is shared state: listeners and answers run in parallel. ``guard`` claims each event in the
    shared event ledger and records how its handling ended.
    """

    engine: ChatEngine
    guard: EventGuard
    responder: SlackResponder
    answers: Executor = field(
        default_factory=lambda: ThreadPoolExecutor(ANSWER_WORKERS, "rapportlos-answers")
    )

    def language_of(self, user_id: str) -> Language:
        """The language the person last wrote in, else their project's choice for them, else Bokmål."""
        return self.engine.language_of(platform=Platform.SLACK, user_id=user_id)
