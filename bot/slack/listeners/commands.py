"""The ``/erasmus`` slash command: the shared command syntax; replies that are for the sender stay private."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import Ack, App, Respond

from bot.engine.models import IncomingMessage
from bot.slack import blocks, ids
from bot.slack.deps import SlackDeps
from bot.slack.responder import Where
from core.language import Platform


def register(app: App, deps: SlackDeps) -> None:
    """Attach the slash command listener (acknowledged first; the work runs after the ack)."""

    @app.command(ids.SLASH_COMMAND)
    def on_command(ack: Ack, command: dict[str, Any], respond: Respond) -> None:
        ack()
        text = " ".join(str(command.get("text") or "").split())
        message = IncomingMessage(
            user_id=str(command.get("user_id", "")),
            channel_id=str(command.get("channel_id", "")),
            text=f"/{text}"
            if text
            else "/help",  # a slash command is always a command: unknown ones get help
            platform=Platform.SLACK,
        )
        reply = deps.engine.handle(message)
        explain = _ephemeral(respond)
        if reply.private:
            explain(reply.text)
            return
        where = Where(
            channel_id=message.channel_id,
            user_id=message.user_id,
            thread_ts=None,
            direct=message.channel_id.startswith("D"),
        )
        deps.responder.reply(reply, where, explain=explain)


def _ephemeral(respond: Respond) -> Callable[[str], None]:
    """Private answers through the command's response_url: it works even where the bot is not a member."""

    def send(text: str) -> None:
        respond(
            text=blocks.fallback_text_of(text), blocks=blocks.text_blocks(text), response_type="ephemeral"
        )

    return send
