"""Button clicks: ticking checklist steps and feedback on answers."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App

from bot.engine.actions import StepClick
from bot.engine.front import FeedbackClick
from bot.engine.models import ReplyKind
from bot.slack import ids, payloads
from bot.slack.deps import SlackDeps
from bot.slack.responder import Where
from core.language import Language, Platform
from workflows.transitions import StepAction


def register(app: App, deps: SlackDeps) -> None:
    """Attach the action listeners (acknowledged first; the work runs after the ack)."""

    @app.action(ids.STEP_DONE)
    def on_step(ack: Ack, body: dict[str, Any], action: dict[str, Any]) -> None:
        ack()
        _tick(deps, body, action)

    @app.action(ids.STEP_SKIP)
    def on_skip(ack: Ack, body: dict[str, Any], action: dict[str, Any]) -> None:
        ack()
        _tick(deps, body, action, step_action=StepAction.SKIP)

    @app.action(ids.FEEDBACK_ACTIONS)
    def on_feedback(ack: Ack, body: dict[str, Any], action: dict[str, Any]) -> None:
        ack()
        _feedback(deps, body, action)


def _tick(
    deps: SlackDeps,
    body: dict[str, Any],
    action: dict[str, Any],
    *,
    step_action: StepAction = StepAction.DONE,
) -> None:
    """A step button (done, or skip on an optional step): the role checks; refresh every copy (and say what comes
    next when the run is complete), or say why not."""
    where = _where(body)
    known = deps.engine.stored_language(platform=Platform.SLACK, user_id=where.user_id)
    language = known or Language.NB
    button = payloads.step_button(str(action.get("value") or ""))
    if button is None:
        return
    reply = deps.engine.click(
        StepClick(
            platform=Platform.SLACK,
            user_id=where.user_id,
            channel_id=where.channel_id,
            run_id=button.run_id,
            step_id=button.step_id,
            version=button.version,
            action=step_action,
            language=language,
            language_known=known
            is not None,  # else the project's language for the person (a partner abroad: en)
        )
    )
    if reply.kind is not ReplyKind.STEP_CHANGED:
        if reply.text:
            deps.responder.private(reply.text, where, language=reply.language)
        return
    message_ts = str((body.get("message") or {}).get("ts") or "")
    if message_ts:
        deps.engine.adopt(
            run_id=button.run_id,
            platform=Platform.SLACK,
            channel_id=where.channel_id,
            message_id=message_ts,
            language=language,
        )
    deps.responder.refresh(button.run_id)
    if reply.text:  # the click completed the run: what comes next, for the clicker alone
        deps.responder.private(reply.text, where, language=reply.language)


def _feedback(deps: SlackDeps, body: dict[str, Any], action: dict[str, Any]) -> None:
    """A helpful / not helpful button: store the verdict and thank the person privately."""
    where = _where(body)
    answer_id = payloads.answer_id(str(action.get("value") or ""))
    if answer_id is None:
        return
    language = deps.language_of(where.user_id)
    reply = deps.engine.feedback(
        FeedbackClick(
            platform=Platform.SLACK,
            user_id=where.user_id,
            answer_id=answer_id,
            helpful=action.get("action_id") == ids.FEEDBACK_HELPFUL,
            language=language,
        )
    )
    deps.responder.private(reply.text, where, language=language)


def _where(body: dict[str, Any]) -> Where:
    channel = str(
        (body.get("channel") or {}).get("id") or (body.get("container") or {}).get("channel_id") or ""
    )
    message = body.get("message") or {}
    return Where(
        channel_id=channel,
        user_id=str((body.get("user") or {}).get("id", "")),
        thread_ts=message.get("thread_ts"),
        direct=channel.startswith("D"),
    )
