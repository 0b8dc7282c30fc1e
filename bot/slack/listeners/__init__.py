"""Bolt listeners grouped by kind; ``register_all`` attaches them to an app."""

from __future__ import annotations

from slack_bolt import App

from bot.slack.deps import SlackDeps
from bot.slack.listeners import actions, assistant, commands, events


def register_all(app: App, deps: SlackDeps) -> None:
    """Attach every listener and the event de-duplication to ``app``."""
    events.register(app, deps)
    commands.register(app, deps)
    actions.register(app, deps)
    assistant.register(app, deps)
