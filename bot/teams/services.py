"""What the Teams handlers use: the engine, click handling, the chat store, and a worker for blocking calls."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from typing import Any, Protocol, TypeVar

from bot.engine.actions import ChecklistActions, FeedbackActions
from bot.engine.conversation import Engine
from bot.engine.records import ConversationDirectory, EventLedger
from workflows.service import Clock, utc_now

_T = TypeVar("_T")


class ChatStore(EventLedger, ConversationDirectory, Protocol):
    """The two chat-store contracts the Teams adapter needs (``storage.chat_store.SqlChatStore``)."""


@dataclass(frozen=True)
class TeamsServices:
    """The platform-neutral services behind the Teams adapter, built once in ``bot.wiring``."""

    engine: Engine
    checklists: ChecklistActions
    feedback: FeedbackActions
    store: ChatStore
    clock: Clock = utc_now


@dataclass
class Blocking:
    """Runs the engine's blocking calls (model, SQL) off the event loop, one at a time.

    One worker keeps the engine's in-memory thread context and the embedding model free of races.
    """

    _executor: ThreadPoolExecutor = field(default_factory=lambda: ThreadPoolExecutor(1, "rapportlos-teams"))

    async def __call__(self, function: Callable[..., _T], /, *args: Any, **kwargs: Any) -> _T:
        """``function(*args, **kwargs)`` on the worker."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, partial(function, *args, **kwargs))

    def close(self) -> None:
        """Stop the worker."""
        self._executor.shutdown(wait=False, cancel_futures=True)
