"""Events: messages in DMs and checklist threads, @mentions, and the App Home tab."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import App

from bot.engine.models import IncomingMessage
from bot.messages import say
from bot.slack import payloads
from bot.slack.deps import SlackDeps
from bot.slack.responder import Where
from core.language import Platform

log = logging.getLogger(__name__)


def register(app: App, deps: SlackDeps) -> None:
    """Attach the event listeners (events are acknowledged by Bolt before these run)."""

    @app.event("app_mention")
    def on_mention(event: dict[str, Any], context: dict[str, Any]) -> None:
        if payloads.is_from_bot(event, bot_user_id=context.get("bot_user_id")):
            return
        _answer(deps, event, context)

    @app.event("message")
    def on_message(event: dict[str, Any], context: dict[str, Any]) -> None:
        bot_user_id = context.get("bot_user_id")
        if not payloads.is_person_message(event, bot_user_id=bot_user_id):
            return
        if payloads.is_direct(event):
            _answer(deps, event, context)
            return
        if payloads.mentions(str(event.get("text") or ""), bot_user_id):
            return  # the app_mention event answers it
        thread = event.get("thread_ts")
        channel = str(event.get("channel", ""))
        if thread and deps.engine.run_for_message(platform=Platform.SLACK, channel_id=channel, message_id=str(thread)):
            _answer(deps, event, context)  # "ferdig" / "done" in a checklist's thread

    @app.event("app_home_opened")
    def on_home(event: dict[str, Any]) -> None:
        if event.get("tab", "home") != "home":
            return
        user_id = str(event.get("user", ""))
        deps.responder.publish_home(user_id, deps.engine.home(platform=Platform.SLACK, user_id=user_id))


def _answer(deps: SlackDeps, event: dict[str, Any], context: dict[str, Any]) -> None:
    """Answer on the answer workers, so that Bolt's listener threads stay free for acknowledgements."""
    message = payloads.incoming(event, bot_user_id=context.get("bot_user_id"))
    where = Where(
        channel_id=message.channel_id,
        user_id=message.user_id,
        thread_ts=message.thread_id,
        direct=payloads.is_direct(event),
    )
    deps.answers.submit(_answer_now, deps, message, where)


def _answer_now(deps: SlackDeps, message: IncomingMessage, where: Where) -> None:
    try:
        deps.responder.reply(deps.engine.handle(message), where)
    except Exception:  # off Bolt's threads its error handler never sees this: log it and tell the person
        log.exception("answering %s in %s failed", where.user_id, where.channel_id)
        language = deps.language_of(where.user_id)
        deps.responder.private(say("error.unexpected", language), where, language=language)
