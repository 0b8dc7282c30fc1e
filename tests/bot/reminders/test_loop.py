"""The background reminder loop: ticks at once and then every interval, survives a failing tick, stops cleanly."""

import threading

from bot.reminders.loop import start_reminder_loop


class CountingTicker:
    def __init__(self, *, fail_first: bool = False) -> None:
        self.ticks = 0
        self.fail_first = fail_first
        self.reached = threading.Event()

    def tick(self) -> None:
        self.ticks += 1
        if self.ticks >= 3:
            self.reached.set()
        if self.fail_first and self.ticks == 1:
            raise RuntimeError("database down")


def test_the_loop_keeps_ticking_after_a_failed_tick_and_stops_cleanly():
    ticker = CountingTicker(fail_first=True)
    loop = start_reminder_loop(ticker, interval_seconds=0.01)
    assert ticker.reached.wait(10)
    loop.stop(timeout=10)
    count = ticker.ticks
    assert not loop.running and count >= 3
    assert ticker.ticks == count  # nothing ticks after stop


def test_stop_does_not_wait_for_the_interval():
    ticker = CountingTicker()
    loop = start_reminder_loop(ticker, interval_seconds=3600)
    loop.stop(timeout=10)
    assert not loop.running and ticker.ticks <= 1
