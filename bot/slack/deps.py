"""What the Slack listeners need, passed in once (no module-level state)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from bot.engine.actions import ChecklistActions, FeedbackActions
from bot.engine.conversation import Engine
from bot.engine.home import HomeOverview
from bot.engine.models import IncomingMessage, Platform, Reply
from bot.slack.event_guard import EventGuard
from bot.slack.responder import SlackResponder
from bot.slack.sender import SlackSender
from knowledge.models import Language
from workflows.service import Clock


@dataclass
class SlackDeps:
    """The engine and the services the listeners call, and how replies reach Slack."""

    engine: Engine
    actions: ChecklistActions
    feedback: FeedbackActions
    guard: EventGuard
    responder: SlackResponder
    sender: SlackSender
    home: Callable[[str, Language, date], HomeOverview]
    clock: Clock
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def handle(self, message: IncomingMessage) -> Reply:
        """The engine's reply; one message at a time (the engine's thread memory is not shared-safe)."""
        with self._lock:
            return self.engine.handle(message)

    def language_of(self, user_id: str) -> Language:
        """The language the person last wrote in; Norwegian before they have written."""
        return self.engine.language_of(platform=Platform.SLACK.value, user_id=user_id) or Language.NB
