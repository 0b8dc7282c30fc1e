"""The text of reminders and of the ``remind`` replies, built by pure functions from typed inputs."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from zoneinfo import ZoneInfo

from pydantic import BaseModel, ConfigDict

from core.dates import format_date
from core.language import Language
from workflows.display import shown_name
from workflows.messages import count_text, join_names, say
from workflows.models import FINAL_REPORT_DAYS, Project, Role
from workflows.reminders.models import Reminder, ReminderKind
from workflows.views import ChecklistView


class ReminderMessage(BaseModel):
    """What a reminder says and whom it mentions."""

    model_config = ConfigDict(frozen=True)

    text: str
    mention_user_ids: tuple[str, ...]


def format_local(moment: datetime, language: Language, *, timezone: str) -> str:
    """A moment in local time: 15.10.2025 kl. 09:00 / 15 Oct 2025 09:00."""
    local = moment.astimezone(ZoneInfo(timezone))
    joiner = " kl. " if language is Language.NB else " "
    return f"{format_date(local.date(), language)}{joiner}{local:%H:%M}"


def reminder_message(
    *,
    project: Project,
    reminders: Sequence[Reminder],
    view: ChecklistView | None,
    upload_done: bool,
    today: date,
    late_since: str | None,
    language: Language,
) -> ReminderMessage:
    """A reminder for the project's channel: the deadline, what is still missing and from whom.

    Reminders due at the same moment (a coordinator's own beside a default one) make one message: one heading
    line each, the default's first, then what is missing once.

    Args:
        project: The project the reminder is for.
        reminders: The stored reminders (default or custom) due at this moment; at least one.
        view: The final-report checklist, or None when no run has been started.
        upload_done: True when the Project Results Platform upload is complete.
        today: The local day the reminder is posted on.
        late_since: When the reminder was due, formatted, if it is posted late.
        language: The project's reminder language.
    """
    ordered = sorted(reminders, key=lambda r: (r.kind is ReminderKind.CUSTOM, r.id))
    lines = [_heading(project, reminder, today=today, language=language) for reminder in ordered]
    if late_since:
        lines.insert(0, say("reminder.late", language, when=late_since))
    mentions = _missing(project, view, language=language, lines=lines)
    if not upload_done:
        lines.append(say("reminder.results_upload", language))
        if view is not None and view.complete:  # the report is in; the upload is the coordinator's
            mentions = tuple(m.user_id for m in project.members if m.role is Role.COORDINATOR)
    lines.append(say("reminder.footer", language))
    return ReminderMessage(text="\n".join(lines), mention_user_ids=mentions)


def _heading(project: Project, reminder: Reminder, *, today: date, language: Language) -> str:
    values = {
        "number": project.number,
        "name": shown_name(project.name),
        "end": format_date(project.end_date, language),
        "deadline": format_date(project.final_report_deadline, language),
    }
    if reminder.kind is ReminderKind.CUSTOM:
        return say("reminder.custom", language, number=project.number, text=reminder.text or "")
    if reminder.offset_days == -FINAL_REPORT_DAYS:
        return say("reminder.project_ends", language, **values)
    days = (project.final_report_deadline - today).days
    if days > 0:
        return say("reminder.days_left", language, days=count_text(days, "days", language), **values)
    if days == 0:
        return say("reminder.due_today", language, **values)
    return say("reminder.overdue", language, days=count_text(-days, "days", language), **values)


def _missing(
    project: Project, view: ChecklistView | None, *, language: Language, lines: list[str]
) -> tuple[str, ...]:
    """Adds who still owes what to ``lines``; returns exactly those people, in order, once each."""
    if view is None:
        lines.append(say("reminder.not_started", language))
        return tuple(m.user_id for m in project.members if m.role is Role.COORDINATOR)
    if view.complete:
        return ()
    people: list[str] = []
    for waiting in view.waiting:
        party = waiting.partner or say(f"party.{waiting.party.value}", language)
        steps = join_names(waiting.step_titles, language)
        lines.append(say("reminder.missing", language, party=party, steps=steps))
        people += [u for u in waiting.user_ids if u not in people]
    return tuple(people)


def failure_report(*, project: Project, text: str, reason: str, language: Language) -> str:
    """The direct message to a coordinator when a reminder could not be posted in the channel."""
    return say(
        "reminder.failed_dm",
        language,
        number=project.number,
        name=shown_name(project.name),
        reason=reason,
        text=text,
    )


def label(reminder: Reminder, language: Language) -> str:
    """A short description of a reminder for ``remind list``."""
    if reminder.kind is ReminderKind.CUSTOM:
        return say("remind.label_custom", language, text=reminder.text or "", by=reminder.created_by or "-")
    offset = reminder.offset_days or 0
    if offset == -FINAL_REPORT_DAYS:
        return say("remind.label_end", language)
    if offset < 0:
        return say("remind.label_before", language, days=count_text(-offset, "days", language))
    if offset == 0:
        return say("remind.label_deadline", language)
    return say("remind.label_overdue", language, weeks=count_text(offset // 7, "weeks", language))


def list_text(
    *, project: Project, reminders: list[Reminder], paused: bool, language: Language, timezone: str
) -> str:
    """The project's pending reminders, one line each with its id."""
    lines = [
        say(
            "remind.list_title",
            language,
            number=project.number,
            deadline=format_date(project.final_report_deadline, language),
        )
    ]
    if paused:
        lines.append(say("remind.is_paused", language))
    if not reminders:
        lines.append(say("remind.empty", language))
    for reminder in reminders:
        when = format_local(reminder.due_at, language, timezone=timezone)
        lines.append(f"  {reminder.id}. {when} - {label(reminder, language)}")
    return "\n".join(lines)
