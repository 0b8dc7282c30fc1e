"""Answers from a project's own state: next step, who is missing, the deadline, refusals of order (pure)."""

from __future__ import annotations

from datetime import date

from core.dates import format_date
from core.language import Language
from workflows.definitions import Actor
from workflows.errors import StepBlocked
from workflows.messages import count_text, join_names, say
from workflows.models import Project
from workflows.service import RunState
from workflows.views import ChecklistView, StepState, StepView, Waiting


def party_name(waiting: Waiting, language: Language) -> str:
    """Who a waiting entry is about: a partner school, the coordinator, or anyone."""
    return waiting.partner or say(f"party.{waiting.party.value}", language)


def blocked_text(error: StepBlocked, state: RunState, language: Language) -> str:
    """Why a step cannot be settled yet: the earlier steps still open, and whose they are."""
    procedure, project = state.procedure, state.project
    title = procedure.step(error.step_id).title.get(language)
    if error.chosen is not None:
        chosen = procedure.step(error.chosen).title.get(language)
        return say("error.step_chosen", language, title=title, chosen=chosen)
    items = []
    for step_id, partner_id in error.missing:
        step = procedure.step(step_id)
        if partner_id is not None:
            party = project.partner(partner_id).name
        else:
            party = say(f"party.{step.actor.value}", language)
        items.append(say("blocked.item", language, step=step.title.get(language), party=party))
    return say("error.step_blocked", language, title=title, missing=join_names(items, language))


def own_step(view: ChecklistView) -> StepView | None:
    """The viewer's current step, if they have one left."""
    return next((s for s in view.steps if s.id == view.current_step_id), None)


def waiting_parties(view: ChecklistView) -> str:
    """The parties a run still waits for, as a sentence list."""
    return join_names([party_name(w, view.language) for w in view.waiting], view.language)


def own_done_text(view: ChecklistView) -> str:
    """For someone with nothing left in a run that is not complete: whom the run waits for now."""
    return say("own.done", view.language, title=view.title, parties=waiting_parties(view) or "-")


def next_step_text(views: list[ChecklistView], language: Language) -> str:
    """The asker's next step in each open run (or that they have done their part)."""
    if not views:
        return say("next.none", language)
    lines = []
    for view in views:
        step = own_step(view)
        if step is None:
            lines.append(own_done_text(view))
        else:
            lines.append(say("next.yours", language, title=view.title, step=step.title))
    return "\n".join(lines)


def run_next_step(view: ChecklistView) -> StepView | None:
    """The first step of the run still open (a required one before an optional one); None when none is."""
    open_steps = [s for s in view.steps if s.state in (StepState.OPEN, StepState.PARTIAL)]
    return next((s for s in open_steps if not s.optional), open_steps[0] if open_steps else None)


def what_next_text(views: list[ChecklistView], language: Language) -> str:
    """What happens next in each open run: its next open step and whom it waits for, then the asker's own."""
    if not views:
        return say("next.none", language)
    lines = []
    for view in views:
        step = run_next_step(view)
        if step is None:
            lines.append(say("run.complete", language, title=view.title))
            continue
        party = waiting_actor_text(view, step)
        lines.append(
            say("next.run", language, title=view.title, number=step.number, step=step.title, party=party)
        )
        own = own_step(view)
        if own is not None:
            lines.append(
                say("next.run_yours", language)
                if own.id == step.id
                else say("tick.next", language, step=own.title)
            )
    return "\n".join(lines)


def missing_text(views: list[ChecklistView], language: Language) -> str:
    """Who still owes what in each open run, by step title."""
    if not views:
        return say("next.none", language)
    lines: list[str] = []
    for view in views:
        if not view.waiting:
            lines.append(say("missing.none", language, title=view.title))
            continue
        if len(views) > 1:
            lines.append(say("missing.title", language, title=view.title))
        for waiting in view.waiting:
            steps = join_names(waiting.step_titles, language)
            line = say("missing.line", language, party=party_name(waiting, language), steps=steps)
            lines.append(line[:1].upper() + line[1:])  # «Koordinator mangler: …» opens the line
    return "\n".join(lines)


def deadline_text(project: Project, *, today: date, language: Language) -> str:
    """The project's end date and the final report deadline, counted from ``today``."""
    deadline = project.final_report_deadline
    days = (deadline - today).days
    values = {
        "number": project.number,
        "end": format_date(project.end_date, language),
        "deadline": format_date(deadline, language),
    }
    if days == 0:
        return say("deadline.today", language, **values)
    key = "deadline.answer" if days > 0 else "deadline.past"
    return say(key, language, days=count_text(abs(days), "days", language), **values)


def tick_text(view: ChecklistView, *, lead: str) -> str:
    """A short confirmation after a tick: what changed, the person's next step, how to see the rest."""
    language = view.language
    step = own_step(view)
    if view.complete:
        follow = say("run.complete", language, title=view.title)
    elif step is None:
        follow = own_done_text(view)
    else:
        follow = say("tick.next", language, step=step.title)
    return f"{lead} {follow}\n{say('tick.see', language)}"


def followup_text(state: RunState, language: Language) -> str:
    """The procedure started after this one was completed, with its deadline."""
    procedure = state.procedure
    due = procedure.deadline.due(state.project.end_date) if procedure.deadline else None
    return say(
        "followup.started",
        language,
        title=procedure.title.get(language),
        deadline=format_date(due, language) if due else "-",
    )


def waiting_actor_text(view: ChecklistView, step: StepView) -> str:
    """Who does a step, in words: the coordinator, the partners still missing («A og B»), or anyone."""
    if step.actor is Actor.COORDINATOR:
        return say("party.coordinator", view.language)
    if step.actor is Actor.ANYONE:
        return say("party.anyone", view.language)
    return join_names([p.partner for p in step.partners if p.mark is None], view.language) or "-"
