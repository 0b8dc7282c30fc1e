"""Answers to the ``remind`` commands: calls the reminder service and words the outcome."""

from __future__ import annotations

from core.dates import format_date
from core.language import Language
from workflows.commands import Command, CommandKind
from workflows.messages import say
from workflows.reminders.calendar import local_date
from workflows.reminders.errors import ReminderInPast, UnknownReminder
from workflows.reminders.service import ReminderService
from workflows.reminders.texts import format_local, list_text


def answer_remind(
    service: ReminderService, command: Command, *, channel_id: str, user_id: str, language: Language
) -> str:
    """The reply to a ``remind`` command.

    Raises:
        WorkflowError: no project, not a member, not a coordinator (the adapter's error handler words them).
    """
    timezone = service.timing.timezone
    try:
        if command.kind is CommandKind.REMIND_LIST:
            listed = service.reminders(channel_id=channel_id, user_id=user_id)
            return list_text(
                project=listed.project,
                reminders=listed.reminders,
                paused=listed.paused,
                language=language,
                timezone=timezone,
            )
        if command.kind is CommandKind.REMIND_ADD:
            return _add(service, command, channel_id=channel_id, user_id=user_id, language=language)
        if command.kind is CommandKind.REMIND_REMOVE:
            assert command.reminder_id is not None
            service.remove(
                channel_id=channel_id, user_id=user_id, reminder_id=command.reminder_id, language=language
            )
            return say("remind.removed", language, id=command.reminder_id)
        paused = command.kind is CommandKind.REMIND_PAUSE
        project = service.set_paused(channel_id=channel_id, user_id=user_id, paused=paused, language=language)
        return say("remind.paused" if paused else "remind.resumed", language, number=project.number)
    except ReminderInPast as error:
        return say("remind.past", language, when=format_local(error.due_at, language, timezone=timezone))
    except UnknownReminder as error:
        return say("remind.unknown", language, id=error.reminder_id)


def _add(
    service: ReminderService, command: Command, *, channel_id: str, user_id: str, language: Language
) -> str:
    """``remind add``: the reminder's local time, and a note when a weekend or holiday moved it."""
    assert command.on_date is not None and command.text is not None
    timezone = service.timing.timezone
    added = service.add(
        channel_id=channel_id,
        user_id=user_id,
        on_date=command.on_date,
        at_time=command.at_time,
        text=command.text,
        language=language,
    )
    when = format_local(added.reminder.due_at, language, timezone=timezone)
    text = say("remind.added", language, id=added.reminder.id, when=when)
    if local_date(added.reminder.due_at, timezone=timezone) != added.asked_for:
        text += " " + say("remind.moved", language, day=format_date(added.asked_for, language))
    return text
