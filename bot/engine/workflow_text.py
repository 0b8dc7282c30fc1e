"""The plain text of workflow replies, built by pure functions from typed views and domain errors."""

from __future__ import annotations

from datetime import date

from bot.messages import say
from core.dates import format_date, format_moment
from core.language import Language
from workflows.definitions import ProcedureCatalog
from workflows.display import person, shown_name
from workflows.errors import (
    ConcurrentChange,
    DateOutOfRange,
    DateWithoutYear,
    FarDate,
    InputError,
    InvalidDate,
    InvalidProjectNumber,
    MissingArgument,
    NoActiveRun,
    NoProject,
    NotAuthorised,
    PartnerExists,
    ProjectExists,
    StepAlreadySettled,
    StepNotSettled,
    StorageUnavailable,
    UnknownCommand,
    UnknownCountry,
    UnknownMember,
    UnknownPartner,
    UnknownProcedure,
    UnknownStep,
    WorkflowError,
)
from workflows.messages import USAGE, join_names
from workflows.models import AuditAction, AuditEntry, Project, Role
from workflows.project_answers import followup_text, own_done_text, tick_text, waiting_actor_text
from workflows.run_state import StepOutcome
from workflows.views import ChecklistView, PartnerProgress, StepView, build_checklist_view

_CHANGED = {
    AuditAction.TICK: "step.ticked",
    AuditAction.SKIP: "step.skipped",
    AuditAction.UNTICK: "step.unticked",
}

_HELP_ORDER = (
    "project_add", "project_show", "project_end", "project_name", "project_organisation", "project_language",
    "partner_add", "partner_rename", "partner_remove", "partner_withdraw", "member_add", "member_remove",
    "language", "start", "status", "done", "skip", "undo", "back", "audit", "procedures",
    "remind_list", "remind_add", "remind_remove", "remind_pause", "partner_link", "partner_email", "help",
)  # fmt: skip
_SIMPLE_ERRORS: dict[type[WorkflowError], str] = {
    NoProject: "error.no_project",
    ProjectExists: "error.project_exists",
    NoActiveRun: "error.no_active_run",
    StorageUnavailable: "error.storage",
    ConcurrentChange: "error.concurrent",
}
_INPUT_ERRORS: dict[type[InputError], str] = {
    InvalidDate: "error.invalid_date",
    DateOutOfRange: "error.date_out_of_range",
    InvalidProjectNumber: "error.invalid_project_number",
    UnknownCountry: "error.unknown_country",
    UnknownCommand: "error.unknown_command",
    DateWithoutYear: "error.date_without_year",
}


def help_text(language: Language) -> str:
    """Every command with a one-line explanation."""
    lines = [say("help.title", language)]
    lines += [f"  {USAGE[key]}\n      {say(f'help.{key}', language)}" for key in _HELP_ORDER]
    return "\n".join([*lines, say("help.footer", language)])


def procedures_text(procedures: ProcedureCatalog, language: Language) -> str:
    """The procedures that can be started."""
    lines = [f"  start {p.id}  - {p.title.get(language)}" for p in procedures]
    return "\n".join([say("procedures.title", language), *lines])


def project_text(project: Project, language: Language) -> str:
    """The project, its dates, organisations and people."""
    lines = [
        say("project.line", language, number=project.number, name=shown_name(project.name)),
        say(
            "project.dates",
            language,
            end=format_date(project.end_date, language),
            deadline=format_date(project.final_report_deadline, language),
        ),
    ]
    if project.organisation:
        lines.append(say("project.organisation", language, organisation=shown_name(project.organisation)))
    if project.partners:
        partners = ", ".join(f"{shown_name(p.name)} ({p.country})" for p in project.partners)
        lines.append(say("project.partners", language, partners=partners))
    else:
        lines.append(say("project.no_partners", language))
    people = ", ".join(
        f"{person(m.user_id)} ({role_text(project, m.user_id, language)})" for m in project.members
    )
    lines.append(say("project.people", language, people=people))
    return "\n".join(lines)


def role_text(project: Project, user_id: str, language: Language) -> str:
    """A person's role in words: coordinator, or partner at a school."""
    member = project.member(user_id)
    if member is None or member.role is Role.COORDINATOR or member.partner_id is None:
        return say("role.coordinator", language)
    return say("role.partner", language, partner=project.partner(member.partner_id).name)


def step_prompt(view: ChecklistView) -> str:
    """The person's current step with its explanation and source, or that the run is complete."""
    language = view.language
    step = next((s for s in view.steps if s.id == view.current_step_id), None)
    if step is None:
        return say("run.complete", language, title=view.title) if view.complete else own_done_text(view)
    heading = say("step.heading", language, number=step.number, total=len(view.steps), title=step.title)
    if not step.viewer_can_act:
        return "\n".join([heading, say("step.waiting", language, party=party_text(view, step))])
    lines = [heading, step.text]
    if step.evidence:
        lines.append(say("step.evidence", language, evidence=step.evidence))
    if step.due:
        lines.append(say("step.due", language, due=format_date(step.due, language)))
    if step.hint:
        lines.append(say("step.hint", language, hint=step.hint))
    lines.append(say("step.source", language, section=step.source_section, url=step.source_url))
    lines.append(say("step.prompt", language))
    return "\n".join(lines)


def party_text(view: ChecklistView, step: StepView) -> str:
    """Who does a step, in words: the coordinator, the partners still missing, or anyone."""
    return waiting_actor_text(view, step)


def status_text(view: ChecklistView, *, others: list[ChecklistView] | None = None) -> str:
    """One line of progress, the deadline, who is still missing, and the project's other open runs."""
    language = view.language
    lines = [_summary(view, language)]
    if view.deadline:
        lines.append(say("run.deadline", language, deadline=format_date(view.deadline, language)))
    for waiting in view.waiting:
        party = waiting.partner or say(f"party.{waiting.party.value}", language)
        people = join_names([person(u) for u in waiting.user_ids], language) or say("status.nobody", language)
        steps = join_names(waiting.step_titles, language)
        lines.append(say("status.waiting", language, party=party, people=people, steps=steps))
    if view.complete:
        lines.append(say("run.complete", language, title=view.title))
    if others:
        lines.append(say("status.open_runs", language))
        lines += ["  " + _summary(other, language) for other in others]
    return "\n".join(lines)


def _summary(view: ChecklistView, language: Language) -> str:
    """One run's progress on one line ("Final report … for 2023-1-…: 2 of 6 steps done")."""
    return say(
        "status.summary",
        language,
        title=view.title,
        number=view.project_number,
        settled=view.settled,
        total=len(view.steps),
    )


def partner_row(row: PartnerProgress, language: Language) -> str:
    """One partner's progress in a checklist's dashboard ("Escola X (PT): 1 of 2")."""
    return say(
        "render.partner_row",
        language,
        partner=row.partner,
        country=row.country,
        done=row.done,
        total=row.total,
    )


def change_text(outcome: StepOutcome, *, viewer_id: str, language: Language) -> str:
    """The short confirmation of a step ticked, skipped or unticked (typed or clicked): what changed, the
    person's next step, and the procedure started after the run, with its deadline."""
    change, state = outcome.change, outcome.state
    title = state.procedure.step(change.step_id).title.get(language)
    partner = _for_partner(state.project, change.partner_id, language)
    lead = say(_CHANGED[change.action], language, title=title, partner=partner)
    text = tick_text(build_checklist_view(state, viewer_id=viewer_id, language=language), lead=lead)
    if outcome.followed_by is not None:
        text = f"{text}\n\n{followup_text(outcome.followed_by, language)}"
    return text


def _for_partner(project: Project, partner_id: int | None, language: Language) -> str:
    if partner_id is None:
        return ""
    return say("step.for_partner", language, partner=project.partner(partner_id).name)


def resume_text(view: ChecklistView) -> str | None:
    """A one-line reminder of where the person is, or None when the run is complete."""
    step = next((s for s in view.steps if s.id == view.current_step_id), None)
    if step is None or view.complete:
        return None
    total = len(view.steps)
    return say(
        "resume.hint", view.language, number=step.number, total=total, title=view.title, step=step.title
    )


def _step_title(procedures: ProcedureCatalog | None, entry: AuditEntry, language: Language) -> str:
    if not entry.step_id or procedures is None:
        return entry.step_id
    try:
        return procedures.get(entry.procedure_id).step(entry.step_id).title.get(language)
    except WorkflowError:
        return entry.step_id


def audit_text(
    project: Project,
    entries: list[AuditEntry],
    language: Language,
    *,
    procedures: ProcedureCatalog | None = None,
) -> str:
    """The audit trail, newest first."""
    if not entries:
        return say("audit.empty", language)
    lines = [say("audit.title", language, number=project.number)]
    for entry in entries:
        partner = (
            f" ({shown_name(project.partner(entry.partner_id).name)})" if entry.partner_id is not None else ""
        )
        action = say(f"audit.{entry.action.value}", language)
        moment = format_moment(entry.at, language)
        step = _step_title(procedures, entry, language)
        lines.append(
            " · ".join(
                part for part in (f"  {moment}", person(entry.user_id), action, f"{step}{partner}") if part
            )
        )
    return "\n".join(lines)


def settled_text(error: StepAlreadySettled, *, title: str, language: Language) -> str:
    """Why a tick was not applied: the step was already settled, perhaps seen on an old checklist."""
    key = "step.already_skipped" if error.skipped else "step.already_done"
    text = say(key, language, title=title, by=error.by, at=format_moment(error.at, language))
    return f"{text}\n{say('step.stale', language)}" if error.stale else text


def _title_of(step_id: str, procedures: ProcedureCatalog | None, language: Language) -> str:
    """A step's title for an error that names a step id (the id itself when no procedure has it)."""
    for procedure in procedures or ():
        if step_id in {s.id for s in procedure.steps}:
            return procedure.step(step_id).title.get(language)
    return step_id


def error_text(
    error: WorkflowError, language: Language, *, procedures: ProcedureCatalog | None = None
) -> str:
    """A friendly explanation of a domain error, in ``language``."""
    if type(error) in _SIMPLE_ERRORS:
        return say(_SIMPLE_ERRORS[type(error)], language)
    if isinstance(error, InputError) and type(error) in _INPUT_ERRORS:
        return say(_INPUT_ERRORS[type(error)], language, text=error.text)
    if isinstance(error, FarDate):
        return say("error.far_date", language, date=format_date(date.fromisoformat(error.text), language))
    if isinstance(error, UnknownMember):
        return say("error.unknown_member", language, text=error.text, names=", ".join(error.choices) or "-")
    if isinstance(error, MissingArgument):
        return say("error.missing_argument", language, usage=USAGE.get(error.usage, USAGE["help"]))
    if isinstance(error, UnknownProcedure | UnknownStep | UnknownPartner):
        key = {UnknownProcedure: "error.unknown_procedure", UnknownStep: "error.unknown_step"}.get(
            type(error), "error.unknown_partner"
        )
        choices = ", ".join(error.choices) or "-"
        return say(key, language, text=error.text, ids=choices, names=choices)
    if isinstance(error, NotAuthorised):
        return say(f"error.{error.reason}", language, detail=_title_of(error.detail, procedures, language))
    if isinstance(error, PartnerExists):
        return say("error.partner_exists", language, text=str(error))
    if isinstance(error, StepNotSettled):
        return say("step.nothing_to_undo", language)
    return say("error.unknown_command", language, text=str(error))
