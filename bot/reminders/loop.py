"""A background thread that ticks the reminders every minute until stopped."""

from __future__ import annotations

import logging
import threading
from typing import Protocol

log = logging.getLogger(__name__)


class Ticker(Protocol):
    """Anything with a ``tick()`` (``workflows.reminders.ticker.ReminderTicker``)."""

    def tick(self) -> object:
        """Process what is due now."""
        ...


class ReminderLoop:
    """A running loop; ``stop`` ends it after the tick in progress, if any."""

    def __init__(self, *, ticker: Ticker, interval_seconds: float) -> None:
        """Prepare (not start) a loop that ticks ``ticker`` every ``interval_seconds``."""
        self._ticker = ticker
        self._interval = interval_seconds
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._run, name="reminder-loop", daemon=True)

    @property
    def running(self) -> bool:
        """True while the thread is alive."""
        return self._thread.is_alive()

    def start(self) -> None:
        """Start ticking in the background; the first tick is immediate."""
        self._thread.start()

    def stop(self, *, timeout: float = 30) -> None:
        """Ask the loop to stop and wait up to ``timeout`` seconds for the tick in progress."""
        self._stopping.set()
        if self._thread.is_alive():
            self._thread.join(timeout)

    def _run(self) -> None:
        while not self._stopping.is_set():
            try:
                self._ticker.tick()
            except Exception:  # a failed tick (e.g. database down) must not end the loop
                log.exception("reminder tick failed; trying again in %s s", self._interval)
            self._stopping.wait(self._interval)


def start_reminder_loop(ticker: Ticker, *, interval_seconds: float = 60) -> ReminderLoop:
    """Tick ``ticker`` every ``interval_seconds`` in a daemon thread; call ``.stop()`` on shutdown."""
    loop = ReminderLoop(ticker=ticker, interval_seconds=interval_seconds)
    loop.start()
    return loop
