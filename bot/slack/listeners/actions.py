"""Button clicks: ticking checklist steps and feedback on answers."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App

from bot.engine.actions import StepClick
from bot.engine.models import Platform
from bot.slack import ids, payloads
from bot.slack.deps import SlackDeps
from bot.slack.responder import Where
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
    deps: SlackDeps, body: dict[str, Any], action: dict[str, Any], *, step_action: StepAction = StepAction.DONE
) -> None:
    """A step button (done, or skip on an optional step): the role checks; refresh every copy, or say why not."""
    where = _where(body)
    language = deps.language_of(where.user_id)
    button = payloads.step_button(str(action.get("value") or ""))
    if button is None:
        return
    outcome = deps.actions.click(
        StepClick(
            platform=Platform.SLACK,
            user_id=where.user_id,
            channel_id=where.channel_id,
            run_id=button.run_id,
            step_id=button.step_id,
            version=button.version,
            action=step_action,
            language=language,
        )
    )
    if outcome.notice is not None:
        deps.responder.private(outcome.notice.text, where, language=language)
    if outcome.state is None:
        return
    message_ts = str((body.get("message") or {}).get("ts") or "")
    if message_ts:
        deps.responder.adopt(button.run_id, channel_id=where.channel_id, message_ts=message_ts, language=language)
    deps.responder.refresh(button.run_id)


def _feedback(deps: SlackDeps, body: dict[str, Any], action: dict[str, Any]) -> None:
    """A helpful / not helpful button: store the verdict and thank the person privately."""
    where = _where(body)
    answer_id = payloads.answer_id(str(action.get("value") or ""))
    if answer_id is None:
        return
    language = deps.language_of(where.user_id)
    reply = deps.feedback.record_feedback(
        answer_id=answer_id,
        user_id=where.user_id,
        helpful=action.get("action_id") == ids.FEEDBACK_HELPFUL,
        platform=Platform.SLACK,
        language=language,
    )
    deps.responder.private(reply.text, where, language=language)


def _where(body: dict[str, Any]) -> Where:
    channel = str((body.get("channel") or {}).get("id") or (body.get("container") or {}).get("channel_id") or "")
    message = body.get("message") or {}
    return Where(
        channel_id=channel,
        user_id=str((body.get("user") or {}).get("id", "")),
        thread_ts=message.get("thread_ts"),
        direct=channel.startswith("D"),
    )
