"""What the Teams handlers use: the engine's one front, the conversation directory, and workers for blocking calls."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from typing import Any, TypeVar

from bot.engine.front import ChatEngine
from core.records import ConversationDirectory
from workflows.service import Clock, utc_now

_T = TypeVar("_T")
WORKERS = 8
"""Blocking calls (model, SQL) in flight at once; an answer never holds up another turn's acknowledgement."""


@dataclass(frozen=True)
class TeamsServices:
    """The platform-neutral services behind the Teams adapter, built once at start-up."""

    engine: ChatEngine
    store: ConversationDirectory
    clock: Clock = utc_now


@dataclass
class Blocking:
    """Runs the engine's blocking calls (model, SQL) off the event loop, several at a time.

    The engine keeps no state of its own (conversation memory is in the database), so turns run in parallel.
    """

    workers: int = WORKERS
    _executor: ThreadPoolExecutor = field(init=False)

    def __post_init__(self) -> None:
        self._executor = ThreadPoolExecutor(self.workers, "rapportlos-teams")

    async def __call__(self, function: Callable[..., _T], /, *args: Any, **kwargs: Any) -> _T:
        """``function(*args, **kwargs)`` on a worker."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, partial(function, *args, **kwargs))

    def close(self) -> None:
        """Stop the workers."""
        self._executor.shutdown(wait=False, cancel_futures=True)
