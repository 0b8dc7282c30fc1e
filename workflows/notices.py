"""Notices the bot posts on its own (reminders, failure reports) and the contract of whoever delivers them.

The platform adapters (Slack, Teams) implement ``NoticePoster``; the reminder ticker only knows this module.
"""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from pydantic import BaseModel, ConfigDict, Field


class Notice(BaseModel):
    """A message for a project's channel, mentioning only the people it names."""

    model_config = ConfigDict(frozen=True)

    channel_id: str
    text: str
    mention_user_ids: tuple[str, ...] = ()
    run_id: int | None = None
    marker: str | None = Field(
        default=None, description="Identifies the notice (a reminder id) in the post's metadata."
    )
    posted_since: datetime | None = Field(
        default=None,
        description="When set, an earlier attempt may have been posted since this moment: look for the marker first.",
    )


class DeliveryFailed(Exception):
    """A notice did not reach the platform.

    Args:
        reason: Short machine-readable reason (e.g. ``ratelimited``, ``not_in_channel``, ``unreachable``).
        retry_after: Seconds the platform asked us to wait, when it said so.
        permanent: True when retrying cannot help (e.g. the bot was removed from the channel).
    """

    def __init__(self, reason: str, *, retry_after: float | None = None, permanent: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retry_after = retry_after
        self.permanent = permanent


class NoticePoster(Protocol):
    """Delivers notices to channels and direct messages to people."""

    def post(self, notice: Notice) -> str:
        """Post ``notice`` to its channel; returns the platform's message id. Raises DeliveryFailed."""
        ...

    def direct(self, *, user_id: str, text: str) -> None:
        """Send ``text`` to one person privately. Raises DeliveryFailed."""
        ...
