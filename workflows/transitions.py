"""Pure run transitions: who may settle which step, what the current step is, and what a request changes."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from workflows.definitions import Actor, Procedure, StepDefinition
from workflows.errors import NotAuthorised, RunComplete, StepAlreadySettled, StepBlocked, StepNotSettled
from workflows.models import (
    AuditAction,
    ChecklistRun,
    MarkStatus,
    Member,
    Position,
    Project,
    Role,
    StepChange,
    StepMark,
)


class StepAction(StrEnum):
    """What a person asks to do with a step."""

    DONE = "done"
    SKIP = "skip"
    UNDO = "undo"


class StepRequest(BaseModel):
    """A request to change a step; ``step_id`` None means the person's current step."""

    model_config = ConfigDict(frozen=True)

    action: StepAction
    user_id: str
    platform: str
    at: datetime
    step_id: str | None = None
    expected_version: int | None = None


def require_member(project: Project, user_id: str) -> Member:
    """The person's membership, or :class:`NotAuthorised` when they do not belong to the project."""
    member = project.member(user_id)
    if member is None:
        raise NotAuthorised(reason="not_member", detail=project.number)
    return member


def targets(step: StepDefinition, project: Project) -> tuple[int | None, ...]:
    """The marks a step needs: one per partner still in the project for partner steps, else one."""
    if step.actor is Actor.EACH_PARTNER:
        return tuple(p.id for p in project.active_partners)
    return (None,)


def _marked(procedure: Procedure, step: StepDefinition, run: ChecklistRun, partner_id: int | None) -> bool:
    """True when the step, or one of its alternatives, is settled for ``partner_id``."""
    return any(run.mark(s.id, partner_id) is not None for s in (step, *procedure.alternatives(step)))


def is_settled(procedure: Procedure, step: StepDefinition, project: Project, run: ChecklistRun) -> bool:
    """True when every mark the step needs is there (a partner step needs partners to be registered)."""
    needed = targets(step, project)
    if not needed:
        return False
    return all(_marked(procedure, step, run, partner_id) for partner_id in needed)


def is_complete(procedure: Procedure, project: Project, run: ChecklistRun) -> bool:
    """True when every step that is not optional is done or skipped (or one of its alternatives is)."""
    return all(is_settled(procedure, step, project, run) for step in procedure.steps if not step.optional)


def missing_partners(step: StepDefinition, project: Project, run: ChecklistRun) -> tuple[int, ...]:
    """Partners (still in the project) that have not yet settled a partner step."""
    return tuple(pid for pid in targets(step, project) if pid is not None and run.mark(step.id, pid) is None)


def blockers(
    procedure: Procedure, step: StepDefinition, project: Project, run: ChecklistRun, partner_id: int | None
) -> tuple[tuple[str, int | None], ...]:
    """The required earlier steps still open, as (step id, partner id or None) pairs.

    For a partner settling its own step only its own marks count; for a project step every partner's do.
    """
    missing: list[tuple[str, int | None]] = []
    for required in (procedure.step(step_id) for step_id in step.requires):
        if required.actor is Actor.EACH_PARTNER:
            scope = (partner_id,) if partner_id is not None else targets(required, project)
            missing += [(required.id, pid) for pid in scope if not _marked(procedure, required, run, pid)]
        elif not _marked(procedure, required, run, None):
            missing.append((required.id, None))
    return tuple(missing)


def _open_for(
    procedure: Procedure, step: StepDefinition, project: Project, run: ChecklistRun, member: Member
) -> bool:
    if step.actor is Actor.EACH_PARTNER and member.role is Role.PARTNER:
        partner_ids = {p.id for p in project.active_partners}
        scope = member.partner_id
        return scope in partner_ids and not _marked(procedure, step, run, scope)
    return not is_settled(procedure, step, project, run)


def _is_own(step: StepDefinition, member: Member) -> bool:
    try:
        scope_for(step, member)
    except NotAuthorised:
        return False
    return True


def current_step(
    procedure: Procedure, project: Project, run: ChecklistRun, member: Member
) -> StepDefinition | None:
    """Where the person is: the step they went back to, else the first open step that is theirs to do.

    None when nothing is left for them (the run may still wait for others).
    """
    position = run.position(member.user_id)
    if position is not None and position.step_id is not None:
        return procedure.step(position.step_id)
    return next(
        (s for s in procedure.steps if _is_own(s, member) and _open_for(procedure, s, project, run, member)),
        None,
    )


def next_open_step(procedure: Procedure, project: Project, run: ChecklistRun) -> StepDefinition | None:
    """The first step of the run still open, whoever does it (optional steps are not waited for)."""
    return next(
        (s for s in procedure.steps if not s.optional and not is_settled(procedure, s, project, run)), None
    )


def step_before(procedure: Procedure, step: StepDefinition | None) -> StepDefinition:
    """The step before ``step`` (the last step when the run is complete; the first stays the first)."""
    if step is None:
        return procedure.steps[-1]
    return procedure.steps[max(procedure.index(step.id) - 1, 0)]


def scope_for(step: StepDefinition, member: Member) -> int | None:
    """The partner a person settles a step for, or :class:`NotAuthorised` when the step is not theirs."""
    if step.actor is Actor.COORDINATOR and member.role is not Role.COORDINATOR:
        raise NotAuthorised(reason="coordinator_step", detail=step.id)
    if step.actor is Actor.EACH_PARTNER:
        if member.role is not Role.PARTNER or member.partner_id is None:
            raise NotAuthorised(reason="partner_step", detail=step.id)
        return member.partner_id
    return None


def _check_order(
    procedure: Procedure, step: StepDefinition, project: Project, run: ChecklistRun, partner_id: int | None
) -> None:
    """Raise :class:`StepBlocked` when a required earlier step (or an alternative) is still open."""
    missing = blockers(procedure, step, project, run, partner_id)
    if missing:
        raise StepBlocked(step_id=step.id, missing=missing)
    taken = next((s for s in procedure.alternatives(step) if run.mark(s.id, partner_id) is not None), None)
    if taken is not None:
        raise StepBlocked(step_id=step.id, missing=(), chosen=taken.id)


def decide(*, procedure: Procedure, project: Project, run: ChecklistRun, request: StepRequest) -> StepChange:
    """Decide what a request changes, on the freshest state of the run.

    Raises:
        NotAuthorised: the person is not in the project, or the step belongs to another role.
        UnknownStep: ``request.step_id`` is not a step of the procedure.
        StepAlreadySettled: done/skip on a settled step (e.g. a stale button); nothing is applied twice.
        StepNotSettled: undo on an open step.
        StepBlocked: done/skip before the steps it requires are settled (names who is missing), or on
            an alternative of a step already chosen.
        RunComplete: done/skip without a step when nothing is left for the person.
    """
    member = require_member(project, request.user_id)
    step = _requested_step(procedure, project, run, member, request)
    partner_id = scope_for(step, member)
    existing = run.mark(step.id, partner_id)
    stale = request.expected_version is not None and request.expected_version != run.version
    if request.action is StepAction.UNDO:
        if existing is None:
            raise StepNotSettled(step_id=step.id)
        action, position = AuditAction.UNTICK, step.id
    else:
        if existing is not None and (request.action is StepAction.SKIP or existing.status is MarkStatus.DONE):
            skipped = existing.status is MarkStatus.SKIPPED
            raise StepAlreadySettled(
                step_id=step.id, by=existing.user_id, at=existing.at, skipped=skipped, stale=stale
            )
        _check_order(procedure, step, project, run, partner_id)
        action = AuditAction.TICK if request.action is StepAction.DONE else AuditAction.SKIP
        position = None
    return StepChange(
        action=action,
        step_id=step.id,
        partner_id=partner_id,
        user_id=request.user_id,
        at=request.at,
        platform=request.platform,
        position_after=position,
    )


def _requested_step(
    procedure: Procedure, project: Project, run: ChecklistRun, member: Member, request: StepRequest
) -> StepDefinition:
    if request.step_id is not None:
        return procedure.step(request.step_id)
    if request.action is StepAction.UNDO:
        position = run.position(member.user_id)
        if position is not None and position.step_id is not None:
            return procedure.step(position.step_id)
        own = [m for m in run.marks if m.user_id == member.user_id]
        if not own:
            raise StepNotSettled(step_id="")
        return procedure.step(max(own, key=lambda m: m.at).step_id)
    step = current_step(procedure, project, run, member)
    if step is None:
        raise RunComplete(procedure.id)
    return step


def apply_change(run: ChecklistRun, change: StepChange) -> ChecklistRun:
    """The run after ``change``: the mark written or removed, the person's position moved, version + 1."""
    kept = tuple(m for m in run.marks if (m.step_id, m.partner_id) != (change.step_id, change.partner_id))
    if change.action is not AuditAction.UNTICK:
        status = MarkStatus.DONE if change.action is AuditAction.TICK else MarkStatus.SKIPPED
        mark = StepMark(
            step_id=change.step_id,
            partner_id=change.partner_id,
            status=status,
            user_id=change.user_id,
            at=change.at,
            platform=change.platform,
        )
        kept = (*kept, mark)
    return move_position(run, user_id=change.user_id, step_id=change.position_after, at=change.at).model_copy(
        update={"marks": kept, "version": run.version + 1}
    )


def move_position(run: ChecklistRun, *, user_id: str, step_id: str | None, at: datetime) -> ChecklistRun:
    """The run with the person's position set (None = follow the next open step)."""
    others = tuple(p for p in run.positions if p.user_id != user_id)
    moved = Position(user_id=user_id, step_id=step_id, touched_at=at)
    return run.model_copy(update={"positions": (*others, moved)})
