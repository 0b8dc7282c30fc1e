"""Events: messages in DMs and checklist threads, @mentions, and the App Home tab.

Each event delivery was claimed in the event ledger by the guard's middleware; the listener settles the claim
when its work ends (answers settle on the answer workers, after the answer is posted).
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import App

from bot.engine.models import IncomingMessage
from bot.messages import say
from bot.slack import payloads
from bot.slack.deps import SlackDeps
from bot.slack.event_guard import EventClaim
from bot.slack.responder import Where
from core.language import Platform

log = logging.getLogger(__name__)


def register(app: App, deps: SlackDeps) -> None:
    """Attach the event listeners (events are acknowledged by Bolt before these run)."""

    @app.event("app_mention")
    def on_mention(event: dict[str, Any], context: dict[str, Any]) -> None:
        claim = deps.guard.claim_of(context)
        if payloads.is_from_bot(event, bot_user_id=context.get("bot_user_id")):
            _settle_unanswered(deps, claim)
            return
        _answer(deps, event, context, claim)

    @app.event("message")
    def on_message(event: dict[str, Any], context: dict[str, Any]) -> None:
        claim = deps.guard.claim_of(context)
        if _wants_answer(deps, event, context):
            _answer(deps, event, context, claim)
        else:
            _settle_unanswered(deps, claim)

    @app.event("app_home_opened")
    def on_home(event: dict[str, Any], context: dict[str, Any]) -> None:
        with deps.guard.settling(deps.guard.claim_of(context)):
            if event.get("tab", "home") != "home":
                return
            user_id = str(event.get("user", ""))
            deps.responder.publish_home(user_id, deps.engine.home(platform=Platform.SLACK, user_id=user_id))


def _wants_answer(deps: SlackDeps, event: dict[str, Any], context: dict[str, Any]) -> bool:
    """A person's DM, or a message in a checklist's thread ("ferdig" / "done"); mentions have their own event."""
    bot_user_id = context.get("bot_user_id")
    if not payloads.is_person_message(event, bot_user_id=bot_user_id):
        return False
    if payloads.is_direct(event):
        return True
    if payloads.mentions(str(event.get("text") or ""), bot_user_id):
        return False  # the app_mention event answers it
    thread = event.get("thread_ts")
    channel = str(event.get("channel", ""))
    return bool(
        thread
        and deps.engine.run_for_message(platform=Platform.SLACK, channel_id=channel, message_id=str(thread))
    )


def _settle_unanswered(deps: SlackDeps, claim: EventClaim | None) -> None:
    """An event that needs no answer is settled at once (a retry of it is then dropped)."""
    with deps.guard.settling(claim):
        pass


def _answer(
    deps: SlackDeps, event: dict[str, Any], context: dict[str, Any], claim: EventClaim | None
) -> None:
    """Answer on the answer workers, so that Bolt's listener threads stay free for acknowledgements."""
    message = payloads.incoming(event, bot_user_id=context.get("bot_user_id"))
    if not message.channel_id or not message.user_id:
        log.warning("event without a channel or a user; nothing to answer")
        _settle_unanswered(deps, claim)
        return
    where = Where(
        channel_id=message.channel_id,
        user_id=message.user_id,
        thread_ts=message.thread_id,
        direct=payloads.is_direct(event),
        event_id=claim.event_id if claim else None,
    )
    deps.answers.submit(_answer_now, deps, message, where, claim)


def _answer_now(deps: SlackDeps, message: IncomingMessage, where: Where, claim: EventClaim | None) -> None:
    try:
        with deps.guard.settling(claim):
            if claim is not None and claim.claim.attempt > 1:
                posted = deps.responder.posted_answer(where, since=claim.claim.since)
                if posted is not None:
                    log.info(
                        "event %s was answered before a crash (%s); not answered again",
                        claim.event_id,
                        posted,
                    )
                    claim.answered(posted)
                    return
            ts = deps.responder.reply(deps.engine.handle(message), where)
            if claim is not None:
                claim.answered(ts)
    except Exception:  # off Bolt's threads its error handler never sees this: log it and tell the person
        log.exception("answering %s in %s failed", where.user_id, where.channel_id)
        language = deps.language_of(where.user_id)
        deps.responder.private(say("error.unexpected", language), where, language=language)
