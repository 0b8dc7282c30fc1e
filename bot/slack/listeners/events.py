"""Events: messages in DMs and checklist threads, @mentions, and the App Home tab."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import App

from bot.engine.models import Platform
from bot.slack import blocks, payloads
from bot.slack.deps import SlackDeps
from bot.slack.event_guard import EventClaim
from bot.slack.posted_lookup import ANSWER_EVENT, find_posted
from bot.slack.responder import Where
from bot.slack.sender import SlackDeliveryError

log = logging.getLogger(__name__)


def register(app: App, deps: SlackDeps) -> None:
    """Attach the event listeners (events are acknowledged by Bolt before these run)."""

    @app.event("app_mention")
    def on_mention(event: dict[str, Any], context: dict[str, Any]) -> None:
        with deps.guard.settling(context) as claim:
            if payloads.is_from_bot(event, bot_user_id=context.get("bot_user_id")):
                return
            _answer(deps, event, context, claim)

    @app.event("message")
    def on_message(event: dict[str, Any], context: dict[str, Any]) -> None:
        with deps.guard.settling(context) as claim:
            _on_message(deps, event, context, claim)

    @app.event("app_home_opened")
    def on_home(event: dict[str, Any], context: dict[str, Any]) -> None:
        with deps.guard.settling(context):
            _publish_home(deps, event)


def _on_message(deps: SlackDeps, event: dict[str, Any], context: dict[str, Any], claim: EventClaim | None) -> None:
    bot_user_id = context.get("bot_user_id")
    if not payloads.is_person_message(event, bot_user_id=bot_user_id):
        return
    if payloads.is_direct(event):
        _answer(deps, event, context, claim)
        return
    if payloads.mentions(str(event.get("text") or ""), bot_user_id):
        return  # the app_mention event answers it
    thread = event.get("thread_ts")
    channel = str(event.get("channel", ""))
    if thread and deps.actions.run_for_message(platform=Platform.SLACK, channel_id=channel, message_id=str(thread)):
        _answer(deps, event, context, claim)  # "ferdig" / "done" in a checklist's thread


def _publish_home(deps: SlackDeps, event: dict[str, Any]) -> None:
    if event.get("tab", "home") != "home":
        return
    user_id = str(event.get("user", ""))
    overview = deps.home(user_id, deps.language_of(user_id), deps.clock().date())
    try:
        deps.sender.call("views.publish", user_id=user_id, view=blocks.home_view(overview))
    except SlackDeliveryError as error:
        log.warning("home tab of %s not published: %s", user_id, error.reason)


def _answer(deps: SlackDeps, event: dict[str, Any], context: dict[str, Any], claim: EventClaim | None) -> None:
    message = payloads.incoming(event, bot_user_id=context.get("bot_user_id"))
    if not message.channel_id or not message.user_id:
        log.warning("event without a channel or a user; nothing to answer")
        return
    where = Where(
        channel_id=message.channel_id,
        user_id=message.user_id,
        thread_ts=message.thread_id,
        direct=payloads.is_direct(event),
        event_id=claim.event_id if claim else None,
    )
    if claim is not None and claim.claim.attempt > 1:
        posted = _posted_before(deps, where, claim)
        if posted is not None:
            log.info("event %s was answered before a crash (%s); not answered again", claim.event_id, posted)
            claim.answered(posted)
            return
    reply = deps.handle(message)
    ts = deps.responder.reply(reply, where)
    if claim is not None:
        claim.answered(ts)


def _posted_before(deps: SlackDeps, where: Where, claim: EventClaim) -> str | None:
    """The ts of an answer to this event that an earlier, crashed handler posted (found by its metadata)."""
    try:
        return find_posted(
            deps.sender.call, channel=where.channel_id, thread_ts=where.thread_ts, since=claim.claim.since,
            event_type=ANSWER_EVENT, key="event_id", value=claim.event_id,
        )
    except SlackDeliveryError as error:  # cannot tell: answering twice beats not answering
        log.warning("could not look for an earlier answer to %s: %s", claim.event_id, error.reason)
        return None
