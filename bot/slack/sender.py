"""Calling the Slack Web API with retries: rate limits wait for Retry-After, outages back off, nothing is dropped
silently (what cannot be delivered is raised as a typed error for the caller to explain, and logged)."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError

log = logging.getLogger(__name__)

PERMANENT = frozenset(
    {
        "not_in_channel",
        "channel_not_found",
        "is_archived",
        "account_inactive",
        "user_not_found",
        "not_authed",
        "invalid_auth",
        "token_revoked",
        "missing_scope",
        "msg_too_long",
        "invalid_blocks",
        "message_not_found",
        "cant_update_message",
        "user_not_in_channel",
    }
)


class SlackDeliveryError(Exception):
    """A Web API call failed for good; ``reason`` is Slack's error code (or ``unreachable``/``ratelimited``)."""

    def __init__(self, method: str, reason: str, *, retry_after: float | None = None) -> None:
        super().__init__(f"{method}: {reason}")
        self.method = method
        self.reason = reason
        self.retry_after = retry_after

    @property
    def permanent(self) -> bool:
        """True when trying again cannot help."""
        return self.reason in PERMANENT


class SlackSender:
    """Web API calls with bounded retries.

    Args:
        client: The real ``WebClient`` (its ``base_url`` may point at a local stand-in).
        attempts: Tries per call, including the first.
        max_wait: Longest single wait in seconds; a longer Retry-After gives up and raises.
        sleep: Waits between tries (tests pass their own).
    """

    def __init__(
        self,
        *,
        client: WebClient,
        attempts: int = 4,
        max_wait: float = 30.0,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.client = client
        self._attempts = attempts
        self._max_wait = max_wait
        self._sleep = sleep

    def call(self, method: str, **params: Any) -> dict[str, Any]:
        """Call ``method`` with JSON ``params``; returns Slack's answer. Raises SlackDeliveryError."""
        wait = 1.0
        for attempt in range(1, self._attempts + 1):
            try:
                return dict(self.client.api_call(method, json=params).data)  # type: ignore[arg-type]
            except SlackApiError as error:
                reason, retry_after = _reason(error)
                if reason in PERMANENT or attempt == self._attempts or (retry_after or 0) > self._max_wait:
                    log.warning("Slack %s failed: %s", method, reason)
                    raise SlackDeliveryError(method, reason, retry_after=retry_after) from error
                delay = retry_after if retry_after is not None else wait
            except (SlackClientError, OSError) as error:  # connection refused, time-out, bad answer
                if attempt == self._attempts:
                    log.error("Slack %s unreachable: %s", method, error)
                    raise SlackDeliveryError(method, "unreachable") from error
                delay = wait
            log.info("Slack %s: try %d failed, waiting %.1fs", method, attempt, delay)
            self._sleep(delay)
            wait = min(wait * 2, self._max_wait)
        raise AssertionError("unreachable")  # pragma: no cover


def _reason(error: SlackApiError) -> tuple[str, float | None]:
    response = error.response
    if response.status_code == 429:
        header = (response.headers or {}).get("Retry-After") or (response.headers or {}).get("retry-after")
        return "ratelimited", float(header) if header else 1.0
    if response.status_code >= 500:
        return "server_error", None
    return str(response.get("error") or "unknown_error"), None
