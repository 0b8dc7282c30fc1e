"""The Bolt app: request checks, event de-duplication, listeners and one error handler."""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from slack_bolt import App, BoltResponse
from slack_sdk import WebClient

from bot.messages import say
from bot.slack.deps import SlackDeps
from bot.slack.listeners import register_all
from bot.slack.responder import Where

log = logging.getLogger(__name__)
LISTENER_THREADS = 16


def build_app(*, deps: SlackDeps, client: WebClient, signing_secret: str | None) -> App:
    """A Bolt ``App`` over ``client``; HTTP requests are verified when ``signing_secret`` is given.

    Bolt itself refuses requests with a bad signature or a timestamp older than five minutes (401) and drops
    the bot's own events; the middleware here drops events already handled by any process.
    """
    app = App(
        client=client,
        signing_secret=signing_secret,
        request_verification_enabled=signing_secret is not None,
        process_before_response=False,
        ignoring_self_events_enabled=True,
        # Listeners acknowledge and do quick work (answers run on ``deps.answers``): enough threads that a
        # burst of clicks and commands is never queued behind one another for Slack's 3 seconds.
        listener_executor=ThreadPoolExecutor(max_workers=LISTENER_THREADS, thread_name_prefix="rapportlos-bolt"),
    )
    app.middleware(_dedupe(deps))
    register_all(app, deps)
    app.error(_on_error(deps))
    return app


def _dedupe(deps: SlackDeps) -> Callable[..., BoltResponse | None]:
    def dedupe_events(body: dict[str, Any], next: Callable[[], None]) -> BoltResponse | None:
        """Slack retries late acks (X-Slack-Retry-Num) and may deliver twice: one event_id, one answer."""
        event_id = body.get("event_id") if body.get("type") == "event_callback" else None
        if not event_id:
            next()
            return None
        if deps.engine.first_time(key=f"slack:{event_id}"):
            next()
            return None
        log.info("event %s already handled; acknowledged and dropped", event_id)
        return BoltResponse(status=200, body="")

    return dedupe_events


def _on_error(deps: SlackDeps) -> Callable[..., None]:
    def on_error(error: Exception, body: dict[str, Any]) -> None:
        log.exception("Slack listener failed: %s", error)
        event = body.get("event") or {}
        user = (body.get("user") or {}).get("id") or body.get("user_id") or event.get("user")
        channel = (body.get("channel") or {}).get("id") or body.get("channel_id") or event.get("channel")
        if not user or not channel:
            return
        where = Where(channel_id=str(channel), user_id=str(user), thread_ts=event.get("thread_ts") or event.get("ts"),
                      direct=str(channel).startswith("D"))
        language = deps.language_of(str(user))
        deps.responder.private(say("error.unexpected", language), where, language=language)

    return on_error
