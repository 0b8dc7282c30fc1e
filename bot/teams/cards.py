"""Adaptive Cards for Teams, built by pure functions from the engine's typed replies and views."""

from __future__ import annotations

from typing import Any

from bot.engine.models import Reply
from bot.messages import say
from bot.teams.action_ids import ADAPTIVE_CARD, FEEDBACK_VERB, STEP_VERB, VERB_KEY
from core.dates import format_date, format_moment
from core.language import Language
from knowledge.models import Citation
from workflows.transitions import StepAction
from workflows.views import ChecklistView, MarkView, StepState, StepView

Card = dict[str, Any]

_SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json"
_VERSION = "1.5"
_BOXES = {StepState.DONE: "☑", StepState.SKIPPED: "⊘", StepState.PARTIAL: "◐", StepState.OPEN: "☐"}


def attachment(card: Card) -> dict[str, Any]:
    """A card as a message attachment."""
    return {"contentType": ADAPTIVE_CARD, "content": card}


def answer_card(reply: Reply) -> Card:
    """A knowledge answer: its body, the step hint, each quoted source as a link with section and date, and
    feedback buttons; an answer split by programme shows each programme's quote above its own source."""
    assert reply.answer is not None
    part, language = reply.answer, reply.language
    if part.split is None:
        text = "\n\n".join(piece for piece in (part.body, reply.hint) if piece)
        body: list[Card] = [_text(text)]
        body.extend(_source(citation, language) for citation in part.citations)
    else:  # each programme's quote with its own source, then the hint
        body = [_text(part.split.lead)]
        for quote in part.split.quotes:
            body.extend([_text(f"**{quote.label}:** {quote.quote}"), _source(quote.citation, language)])
        body.extend([_text(reply.hint)] if reply.hint else [])
    actions = (
        _feedback_actions(part.answer_id, language)
        if part.feedback_wanted and part.answer_id is not None
        else []
    )
    return _card(body, actions)


def checklist_card(view: ChecklistView) -> Card:
    """A posted checklist: every step with its state, who settled it and when, buttons on the steps."""
    language = view.language
    heading = f"{view.title} – {view.project_number}"
    body: list[Card] = [
        _text(heading, weight="Bolder", size="Medium"),
        _text(f"{view.project_name} · {say('render.version', language, version=view.version)}", subtle=True),
    ]
    if view.deadline:
        body.append(_text(say("run.deadline", language, deadline=format_date(view.deadline, language))))
    body.extend(_step(step, view) for step in view.steps)
    if view.dashboard:
        body.append(_text(say("render.dashboard", language), weight="Bolder"))
        facts = [
            {
                "title": f"{row.partner} ({row.country})",
                "value": _partner_value(row.done, row.total, row.missing_steps, language),
            }
            for row in view.dashboard
        ]
        body.append({"type": "FactSet", "facts": facts})
    if view.complete:
        body.append(_text(say("teams.complete", language), weight="Bolder"))
    return _card(body, [])


def step_actions(step: StepView, view: ChecklistView) -> list[Card]:
    """The buttons of one step: done while open, skip when optional, undo once something is settled."""
    wanted: list[StepAction] = []
    if step.state in (StepState.OPEN, StepState.PARTIAL):
        wanted.append(StepAction.DONE)
        if step.optional:
            wanted.append(StepAction.SKIP)
    if step.state is not StepState.OPEN:
        wanted.append(StepAction.UNDO)
    return [_step_action(step, view, action) for action in wanted]


def _step(step: StepView, view: ChecklistView) -> Card:
    language = view.language
    items: list[Card] = [
        _text(f"{_BOXES[step.state]} {step.number}. {step.title}", weight="Bolder" if step.current else None),
    ]
    if step.mark is not None:
        items.append(_text(_mark(step.mark, language), subtle=True))
    for partner in step.partners:
        box = _BOXES[StepState.OPEN] if partner.mark is None else _BOXES[_mark_state(partner.mark)]
        done = f" – {_mark(partner.mark, language)}" if partner.mark else ""
        items.append(_text(f"{box} {partner.partner} ({partner.country}){done}", subtle=True))
    actions = step_actions(step, view)
    if actions:
        items.append({"type": "ActionSet", "actions": actions})
    return {"type": "Container", "id": f"step-{step.id}", "separator": True, "items": items}


def _step_action(step: StepView, view: ChecklistView, action: StepAction) -> Card:
    title = say(f"teams.step_{action.value}", view.language)
    data = {
        VERB_KEY: STEP_VERB,
        "run_id": view.run_id,
        "step_id": step.id,
        "version": view.version,
        "action": action.value,
        "language": view.language.value,
    }
    submit = {"type": "Action.Submit", "title": title, "data": data}
    return {"type": "Action.Execute", "title": title, "verb": STEP_VERB, "data": data, "fallback": submit}


def _feedback_actions(answer_id: int, language: Language) -> list[Card]:
    def button(helpful: bool) -> Card:
        title = say("teams.helpful" if helpful else "teams.not_helpful", language)
        data = {
            VERB_KEY: FEEDBACK_VERB,
            "answer_id": answer_id,
            "helpful": helpful,
            "language": language.value,
        }
        return {"type": "Action.Submit", "title": title, "data": data}

    return [button(True), button(False)]


def _source(citation: Citation, language: Language) -> Card:
    where = (
        citation.title
        if citation.section in ("", citation.title)
        else f"{citation.title} › {citation.section}"
    )
    link = f"[{where}]({citation.url})" if citation.url else where
    items: list[Card] = [_text(f"**{say('teams.source', language)}:** {link}")]
    if citation.updated:
        items.append(
            _text(say("teams.updated", language, date=format_date(citation.updated, language)), subtle=True)
        )
    if not citation.official:
        title = citation.original_title or citation.title
        original = f"[{title}]({citation.original_url})" if citation.original_url else title
        items.append(_text(say("teams.unofficial", language, original=original), color="Warning"))
    return {"type": "Container", "separator": True, "items": items}


def _mark(mark: MarkView, language: Language) -> str:
    key = "render.skipped_by" if mark.skipped else "render.by"
    return say(key, language, who=mark.user_id, when=format_moment(mark.at, language), platform=mark.platform)


def _mark_state(mark: MarkView) -> StepState:
    return StepState.SKIPPED if mark.skipped else StepState.DONE


def _partner_value(done: int, total: int, missing: tuple[str, ...], language: Language) -> str:
    text = f"{done}/{total}"
    if missing:
        text += " – " + say("render.missing", language, steps=", ".join(missing))
    return text


def _text(
    text: str,
    *,
    weight: str | None = None,
    size: str | None = None,
    subtle: bool = False,
    color: str | None = None,
) -> Card:
    block: Card = {"type": "TextBlock", "text": text, "wrap": True}
    if weight:
        block["weight"] = weight
    if size:
        block["size"] = size
    if subtle:
        block["isSubtle"] = True
    if color:
        block["color"] = color
    return block


def _card(body: list[Card], actions: list[Card]) -> Card:
    card: Card = {
        "type": "AdaptiveCard",
        "$schema": _SCHEMA,
        "version": _VERSION,
        "body": body,
        "msteams": {"width": "Full"},
    }
    if actions:
        card["actions"] = actions
    return card
