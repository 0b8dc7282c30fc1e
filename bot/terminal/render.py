"""Plain-text rendering of replies and checklist views for the terminal, as pure functions."""

from __future__ import annotations

from bot.engine.models import Reply
from bot.engine.workflow_text import partner_row
from bot.messages import say
from core.dates import format_date, format_moment
from core.language import Language
from workflows.display import draw_people
from workflows.messages import join_names
from workflows.views import ChecklistView, MarkView, StepState, StepView

_BOXES = {StepState.DONE: "[x]", StepState.SKIPPED: "[-]", StepState.PARTIAL: "[~]", StepState.OPEN: "[ ]"}


def render_reply(reply: Reply) -> str:
    """The reply as plain text: an answer with its source lines and step hint, or the message (with the current
    step), followed by its checklist when it carries one (a tick gets only its short line)."""
    if reply.answer is not None:
        text = "\n\n".join(part for part in (reply.answer.answer.text, reply.hint) if part)
    else:
        text = reply.lines()
    text = draw_people(text)  # a person by their id
    if reply.checklist is not None and reply.changed_run_id is None:
        return f"{text}\n\n{render_checklist(reply.checklist)}"
    return text


def render_checklist(view: ChecklistView) -> str:
    """A checklist as text: every step with who did it and when, partner rows, and who is missing."""
    language = view.language
    version = say("render.version", language, version=view.version)
    lines = [f"{view.title} - {view.project_number} ({version})"]
    if view.deadline:
        lines.append(say("run.deadline", language, deadline=format_date(view.deadline, language)))
    for step in view.steps:
        lines.extend(_step_lines(step, language))
    if view.dashboard:
        lines.append(say("render.dashboard", language))
        lines.extend(f"  {_partner_row(view, i)}" for i in range(len(view.dashboard)))
    return "\n".join(lines)


def _step_lines(step: StepView, language: Language) -> list[str]:
    here = f"  {say('render.here', language)}" if step.current else ""
    optional = f" ({say('render.optional', language)})" if step.optional else ""
    head = f"  {_BOXES[step.state]} {step.number}. {step.title}{optional}"
    if step.mark is not None:
        head += f"  ({_mark(step.mark, language)})"
    lines = [head + here]
    for partner in step.partners:
        box = _BOXES[StepState.OPEN] if partner.mark is None else _BOXES[_mark_state(partner.mark)]
        done = f"  ({_mark(partner.mark, language)})" if partner.mark else ""
        lines.append(f"        {box} {partner.partner} ({partner.country}){done}")
    return lines


def _mark_state(mark: MarkView) -> StepState:
    return StepState.SKIPPED if mark.skipped else StepState.DONE


def _mark(mark: MarkView, language: Language) -> str:
    key = "render.skipped_by" if mark.skipped else "render.by"
    return say(key, language, who=mark.user_id, when=format_moment(mark.at, language), platform=mark.platform)


def _partner_row(view: ChecklistView, index: int) -> str:
    row = view.dashboard[index]
    language = view.language
    text = partner_row(row, language)
    if row.missing_steps:
        text += " - " + say("render.missing", language, steps=join_names(row.missing_steps, language))
    return text
