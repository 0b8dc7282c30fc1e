"""Slack's assistant container, where the workspace has it: a greeting with suggested prompts in both languages.

Nothing depends on it: DMs and @mentions work the same on free plans.
"""

from __future__ import annotations

from typing import Any

from slack_bolt import App, Assistant, Say, SetSuggestedPrompts

from bot.engine.models import IncomingMessage
from bot.messages import say as text
from bot.slack.deps import SlackDeps
from bot.slack.responder import Where
from core.language import Language, Platform

SUGGESTED_PROMPTS = (
    {"title": "Når er fristen for sluttrapporten?", "message": "Når er fristen for sluttrapporten?"},
    {"title": "Hvem leverer sluttrapporten?", "message": "Hvem leverer sluttrapporten i Mobility Tool+?"},
    {"title": "When is the final report due?", "message": "When is the final report due?"},
    {"title": "Start the final report checklist", "message": "start final-report"},
)


def register(app: App, deps: SlackDeps) -> None:
    """Attach the assistant middleware."""
    assistant = Assistant()

    @assistant.thread_started
    def start(say: Say, set_suggested_prompts: SetSuggestedPrompts) -> None:
        say(text("assistant.greeting", Language.NB))
        set_suggested_prompts(prompts=list(SUGGESTED_PROMPTS))

    @assistant.user_message
    def message(payload: dict[str, Any]) -> None:
        incoming = IncomingMessage(
            user_id=str(payload.get("user", "")),
            channel_id=str(payload.get("channel", "")),
            text=str(payload.get("text") or ""),
            platform=Platform.SLACK,
            thread_id=str(payload.get("thread_ts") or payload.get("ts") or ""),
        )
        where = Where(
            channel_id=incoming.channel_id,
            user_id=incoming.user_id,
            thread_ts=incoming.thread_id,
            direct=True,
        )
        deps.responder.reply(deps.engine.handle(incoming), where)

    app.use(assistant)
