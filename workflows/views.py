"""Platform-neutral checklist views: what a person sees of a run, built by pure functions."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from zoneinfo import ZoneInfo

from pydantic import BaseModel, ConfigDict

from core.language import Language
from workflows.definitions import Actor, StepDefinition
from workflows.display import shown_name
from workflows.errors import NotAuthorised
from workflows.models import MarkStatus, Project, Role, StepMark
from workflows.service import RunState
from workflows.transitions import current_step, is_settled, missing_partners, scope_for, targets


class StepState(StrEnum):
    """How far a step has come."""

    OPEN = "open"
    PARTIAL = "partial"
    DONE = "done"
    SKIPPED = "skipped"


class _View(BaseModel):
    model_config = ConfigDict(frozen=True)


class MarkView(_View):
    """Who settled a step (for one partner), when and from where."""

    user_id: str
    at: datetime
    platform: str
    skipped: bool


class PartnerMarkView(_View):
    """One partner's state of a partner step."""

    partner: str
    country: str
    mark: MarkView | None


class StepView(_View):
    """One step as shown in a checklist."""

    id: str
    number: int
    title: str
    text: str
    actor: Actor
    optional: bool
    state: StepState
    mark: MarkView | None = None
    partners: tuple[PartnerMarkView, ...] = ()
    source_section: str
    source_url: str
    evidence: str | None = None
    hint: str | None = None
    due: date | None = None
    current: bool = False
    viewer_can_act: bool = False


class PartnerProgress(_View):
    """A partner organisation's row of the partners' progress; ``missing_steps`` holds step titles."""

    partner: str
    country: str
    done: int
    total: int
    missing_steps: tuple[str, ...]


class Waiting(_View):
    """A party that still has steps to do: the coordinator, a partner organisation, or anyone."""

    party: Actor
    partner: str | None
    user_ids: tuple[str, ...]
    step_ids: tuple[str, ...]
    step_titles: tuple[str, ...] = ()


class ChecklistView(_View):
    """A run as one person sees it; ``version`` goes back with a click to detect stale buttons."""

    run_id: int
    version: int
    language: Language
    project_number: str
    project_name: str
    procedure_id: str
    title: str
    deadline: date | None
    steps: tuple[StepView, ...]
    dashboard: tuple[PartnerProgress, ...]
    waiting: tuple[Waiting, ...]
    current_step_id: str | None
    complete: bool
    viewer_id: str

    @property
    def settled(self) -> int:
        """How many steps are done or skipped."""
        return sum(step.state in (StepState.DONE, StepState.SKIPPED) for step in self.steps)


def build_checklist_view(state: RunState, *, viewer_id: str, language: Language) -> ChecklistView:
    """The checklist of ``state`` as ``viewer_id`` sees it, in ``language``."""
    project, procedure, run = state.project, state.procedure, state.run
    member = project.member(viewer_id)
    here = current_step(procedure, project, run, member) if member else None
    steps = tuple(
        _step_view(state, step, number=i, current=here is not None and here.id == step.id, language=language)
        for i, step in enumerate(procedure.steps, start=1)
    )
    steps = tuple(s.model_copy(update={"viewer_can_act": _can_act(state, s.id, viewer_id)}) for s in steps)
    return ChecklistView(
        run_id=run.id,
        version=run.version,
        language=language,
        project_number=project.number,
        project_name=shown_name(project.name),
        procedure_id=procedure.id,
        title=procedure.title.get(language),
        deadline=procedure.deadline.due(project.end_date) if procedure.deadline else None,
        steps=steps,
        dashboard=_dashboard(state, language),
        waiting=_waiting(state, language),
        current_step_id=here.id if here else None,
        complete=state.complete,
        viewer_id=viewer_id,
    )


def _mark_view(mark: StepMark | None, timezone: str) -> MarkView | None:
    if mark is None:
        return None
    skipped = mark.status is MarkStatus.SKIPPED
    at = mark.at.astimezone(ZoneInfo(timezone))  # people read local time
    return MarkView(user_id=mark.user_id, at=at, platform=mark.platform, skipped=skipped)


def _step_view(
    state: RunState, step: StepDefinition, *, number: int, current: bool, language: Language
) -> StepView:
    project, run, zone = state.project, state.run, state.timezone
    partners = tuple(
        PartnerMarkView(
            partner=shown_name(p.name), country=p.country, mark=_mark_view(run.mark(step.id, p.id), zone)
        )
        for p in project.active_partners
        if step.actor is Actor.EACH_PARTNER
    )
    mark = None if step.actor is Actor.EACH_PARTNER else _mark_view(run.mark(step.id), zone)
    chosen_other = (
        step.choice is not None and mark is None and is_settled(state.procedure, step, project, run)
    )
    notes = step.notes
    return StepView(
        id=step.id,
        number=number,
        title=step.title.get(language),
        text=step.text.get(language),
        actor=step.actor,
        optional=step.optional,
        state=StepState.SKIPPED if chosen_other else _state(step, project, mark, partners),
        mark=mark,
        partners=partners,
        source_section=step.source.section,
        source_url=step.source.url,
        evidence=notes.evidence.get(language) if notes.evidence else None,
        hint=notes.hint.get(language) if notes.hint else None,
        due=notes.deadline.due(project.end_date) if notes.deadline else None,
        current=current,
    )


def _state(
    step: StepDefinition, project: Project, mark: MarkView | None, partners: tuple[PartnerMarkView, ...]
) -> StepState:
    if step.actor is not Actor.EACH_PARTNER:
        if mark is None:
            return StepState.OPEN
        return StepState.SKIPPED if mark.skipped else StepState.DONE
    marks = [p.mark for p in partners]
    if marks and all(m is not None for m in marks):  # no partners registered yet: still open
        return StepState.SKIPPED if marks and all(m and m.skipped for m in marks) else StepState.DONE
    return StepState.PARTIAL if any(marks) else StepState.OPEN


def _can_act(state: RunState, step_id: str, viewer_id: str) -> bool:
    member = state.project.member(viewer_id)
    if member is None:
        return False
    step = state.procedure.step(step_id)
    try:
        scope_for(step, member)
    except NotAuthorised:
        return False
    return True


def _dashboard(state: RunState, language: Language) -> tuple[PartnerProgress, ...]:
    """One row per partner still in the project; none when the procedure has no partner steps."""
    partner_steps = [s for s in state.procedure.steps if s.actor is Actor.EACH_PARTNER]
    if not partner_steps:
        return ()
    rows = []
    for partner in state.project.active_partners:
        missing = tuple(
            s.title.get(language) for s in partner_steps if state.run.mark(s.id, partner.id) is None
        )
        total = len(partner_steps)
        rows.append(
            PartnerProgress(
                partner=shown_name(partner.name),
                country=partner.country,
                done=total - len(missing),
                total=total,
                missing_steps=missing,
            )
        )
    return tuple(rows)


def _waiting(state: RunState, language: Language) -> tuple[Waiting, ...]:
    """Who still owes which steps; optional steps and settled alternatives are not waited for."""
    project, run, procedure = state.project, state.run, state.procedure
    open_by: dict[tuple[Actor, int | None], list[StepDefinition]] = {}
    for step in procedure.steps:
        if step.optional or is_settled(procedure, step, project, run):
            continue
        if step.actor is Actor.EACH_PARTNER:
            for partner_id in missing_partners(step, project, run):
                open_by.setdefault((step.actor, partner_id), []).append(step)
        elif any(run.mark(step.id, pid) is None for pid in targets(step, project)):
            open_by.setdefault((step.actor, None), []).append(step)
    return tuple(
        Waiting(
            party=actor,
            partner=project.partner(partner_id).name if partner_id is not None else None,
            user_ids=_people(project, actor, partner_id),
            step_ids=tuple(step.id for step in steps),
            step_titles=tuple(step.title.get(language) for step in steps),
        )
        for (actor, partner_id), steps in open_by.items()
    )


def _people(project: Project, actor: Actor, partner_id: int | None) -> tuple[str, ...]:
    if actor is Actor.COORDINATOR:
        return tuple(m.user_id for m in project.members if m.role is Role.COORDINATOR)
    if actor is Actor.EACH_PARTNER:
        return tuple(m.user_id for m in project.members if m.partner_id == partner_id)
    return tuple(m.user_id for m in project.members)
