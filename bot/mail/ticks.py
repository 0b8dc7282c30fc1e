"""Ticking the channel reminders and then the partner e-mails as one ``tick`` (for the serve loops and cron)."""

from __future__ import annotations

import logging
from typing import Protocol

log = logging.getLogger(__name__)


class _Ticker(Protocol):
    def tick(self) -> object: ...


class ChannelThenMail:
    """Ticks the channel reminders, then the e-mails of what they posted (an e-mail failure stays local)."""

    def __init__(self, *, channel: _Ticker, mail: _Ticker) -> None:
        """Tick ``channel`` first, then ``mail``."""
        self._channel = channel
        self._mail = mail

    def tick(self) -> object:
        """One tick of both; returns the channel ticker's report."""
        report = self._channel.tick()
        try:
            self._mail.tick()
        except Exception:  # the channel reminders must keep going when the mail server is down
            log.exception("reminder e-mails: tick failed")
        return report
