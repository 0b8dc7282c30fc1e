"""What the partner page shows, built by pure functions from a link's run: only that partner's steps."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from pydantic import BaseModel, ConfigDict

from core.dates import format_date
from core.language import Language
from workflows.definitions import Actor, StepDefinition
from workflows.links.service import LinkAccess
from workflows.messages import say
from workflows.models import MarkStatus, StepMark

NOTES = ("saved", "already_done", "nothing_to_undo", "blocked")


class _View(BaseModel):
    model_config = ConfigDict(frozen=True)


class StepLine(_View):
    """One of the partner's steps as the page shows it."""

    id: str
    number: int
    title: str
    text: str
    source_section: str
    source_url: str
    evidence: str | None
    hint: str | None
    due: str | None
    status: str
    done: bool
    tick_label: str
    undo_label: str


class PartnerPage(_View):
    """The whole page for one partner of one run."""

    language: Language
    partner: str
    heading: str
    project: str
    deadline: str | None
    intro: str
    version: int
    steps: tuple[StepLine, ...]
    complete: str | None
    notice: str | None


def local_moment(moment: datetime, language: Language, *, timezone: str) -> str:
    """A moment in the deployment's time zone: 15.10.2025 kl. 09:00 CEST / 15 Oct 2025 09:00 CEST."""
    local = moment.astimezone(ZoneInfo(timezone))
    joiner = " kl. " if language is Language.NB else " "
    return f"{format_date(local.date(), language)}{joiner}{local:%H:%M %Z}"


def build_page(
    access: LinkAccess,
    *,
    language: Language,
    timezone: str,
    note: str | None = None,
    note_step: str | None = None,
) -> PartnerPage:
    """The page of ``access`` in ``language``; ``note`` (one of ``NOTES``) about ``note_step`` on top."""
    state, partner = access.state, access.partner
    project, procedure, run = state.project, state.procedure, state.run
    own = [s for s in procedure.steps if s.actor is Actor.EACH_PARTNER]
    lines = tuple(
        _line(
            step,
            procedure.index(step.id) + 1,
            run.mark(step.id, partner.id),
            language,
            timezone,
            project.end_date,
        )
        for step in own
    )
    deadline = (
        procedure.deadline.due(project.end_date) if procedure.deadline else project.final_report_deadline
    )
    all_done = bool(lines) and all(line.done for line in lines)
    return PartnerPage(
        language=language,
        partner=partner.name,
        heading=say("page.title", language, partner=partner.name),
        project=say("page.project", language, number=project.number, name=project.name),
        deadline=say("page.deadline", language, deadline=format_date(deadline, language)),
        intro=say("page.for_partner", language, partner=partner.name, title=procedure.title.get(language)),
        version=run.version,
        steps=lines,
        complete=say("page.complete", language, partner=partner.name) if all_done else None,
        notice=_notice(note, note_step, lines, language),
    )


def _line(
    step: StepDefinition, number: int, mark: StepMark | None, language: Language, timezone: str, end: date
) -> StepLine:
    title = step.title.get(language)
    notes = step.notes
    due = notes.deadline.due(end) if notes.deadline else None
    return StepLine(
        id=step.id,
        number=number,
        title=title,
        text=step.text.get(language),
        source_section=step.source.section,
        source_url=step.source.url,
        evidence=notes.evidence.get(language) if notes.evidence else None,
        hint=notes.hint.get(language) if notes.hint else None,
        due=format_date(due, language) if due else None,
        status=_status(mark, language, timezone),
        done=mark is not None,
        tick_label=say("page.tick", language, title=title),
        undo_label=say("page.undo", language, title=title),
    )


def _status(mark: StepMark | None, language: Language, timezone: str) -> str:
    if mark is None:
        return say("page.open", language)
    key = "page.skipped_by" if mark.status is MarkStatus.SKIPPED else "page.done_by"
    when = local_moment(mark.at, language, timezone=timezone)
    return say(key, language, who=mark.user_id, when=when, platform=mark.platform)


def _notice(
    note: str | None, step_id: str | None, lines: tuple[StepLine, ...], language: Language
) -> str | None:
    if note not in NOTES:
        return None
    if note == "saved":
        return say("page.saved", language)
    line = next((s for s in lines if s.id == step_id), None)
    return say(f"page.{note}", language, title=line.title) if line else None
