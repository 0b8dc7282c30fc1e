"""The Bolt app: request checks, event de-duplication, listeners and one error handler."""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from slack_bolt import App
from slack_sdk import WebClient

from bot.messages import say
from bot.slack.deps import SlackDeps
from bot.slack.event_guard import TRUSTED
from bot.slack.listeners import register_all
from bot.slack.responder import Where

log = logging.getLogger(__name__)
LISTENER_THREADS = 16


def build_app(*, deps: SlackDeps, client: WebClient, signing_secret: str | None) -> App:
    """A Bolt ``App`` over ``client``; HTTP requests are verified when ``signing_secret`` is given.

    Bolt itself refuses requests with a bad signature or a timestamp older than five minutes (401) and drops
    the bot's own events; the event guard's middleware claims each event in the ledger (``bot.slack.event_guard``).
    """
    app = App(
        client=client,
        signing_secret=signing_secret,
        request_verification_enabled=signing_secret is not None,
        process_before_response=False,
        ignoring_self_events_enabled=True,
        # Listeners acknowledge and do quick work (answers run on ``deps.answers``): enough threads that a
        # burst of clicks and commands is never queued behind one another for Slack's 3 seconds.
        listener_executor=ThreadPoolExecutor(
            max_workers=LISTENER_THREADS, thread_name_prefix="rapportlos-bolt"
        ),
    )
    app.middleware(deps.guard.middleware)
    register_all(app, deps)
    app.error(_on_error(deps))
    return app


def _on_error(deps: SlackDeps) -> Callable[..., None]:
    def on_error(error: Exception, body: dict[str, Any], context: dict[str, Any]) -> None:
        log.exception("Slack listener failed: %s", error)
        if not context.get(TRUSTED):  # failed before Bolt's checks passed: the body is nobody's word
            return
        where = _where_of(body)
        if where is None:
            return
        language = deps.language_of(where.user_id)
        deps.responder.private(say("error.unexpected", language), where, language=language)

    return on_error


def _where_of(body: dict[str, Any]) -> Where | None:
    """Who and where to tell about a failure, from a verified body of any shape; None when it does not say."""
    event = _object(body.get("event"))
    user = _object(body.get("user")).get("id") or body.get("user_id") or event.get("user")
    channel = _object(body.get("channel")).get("id") or body.get("channel_id") or event.get("channel")
    if not isinstance(user, str) or not isinstance(channel, str) or not user or not channel:
        return None
    thread = event.get("thread_ts") or event.get("ts")
    return Where(
        channel_id=channel,
        user_id=user,
        thread_ts=thread if isinstance(thread, str) else None,
        direct=channel.startswith("D"),
    )


def _object(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}
