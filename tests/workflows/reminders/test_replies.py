"""The remind commands through WorkflowCommands over real stores: nb and en dates, roles, clear errors."""

import pytest

from bot.engine.commands import WorkflowCommands
from bot.engine.models import IncomingMessage
from core.language import Language, Platform
from tests.workflows.reminders.scenario import ANA, COORD, C, make_project, make_reminders, utc

NB, EN = Language.NB, Language.EN


@pytest.fixture
def commands(database, workflow_service, clock):
    clock.now = utc(2025, 8, 1, 12, 0)
    make_project(workflow_service)
    return WorkflowCommands(
        service=workflow_service, reminders=make_reminders(database, workflow_service, clock)
    )


def say(commands, user, text, language=EN):
    message = IncomingMessage(user_id=user, channel_id=C, text=text, platform=Platform.SLACK)
    return commands.try_handle(message, language=language)


def test_list_shows_the_default_plan_with_ids_and_local_times(commands):
    reply = say(commands, ANA, "remind list")  # partners may look
    assert reply.private and "Reminders for 2020-1-NO01-KA229-012345" in reply.text
    assert "29 Aug 2025 09:00 - the project ends" in reply.text
    assert "26 Sep 2025 09:00 - 30 days before the deadline" in reply.text
    assert "28 Oct 2025 09:00 - the deadline" in reply.text
    assert "påminnelser" in say(commands, COORD, "påminnelser", NB).text.lower()


def test_add_in_norwegian_and_english_forms(commands):
    nb = say(commands, COORD, "minn oss på 15.10.2025 kl. 10:30 om å laste opp resultater", NB)
    en = say(commands, COORD, "remind add October 16, 2025 to check the budget")
    listed = say(commands, COORD, "remind list").text

    assert "er lagt inn til 15.10.2025 kl. 10:30" in nb.text
    assert "is set for 16 Oct 2025 09:00" in en.text
    assert '"laste opp resultater" (from UCOORD)' in listed and '"check the budget"' in listed


def test_a_reminder_on_a_holiday_moves_to_the_working_day_before_and_says_so(commands):
    reply = say(commands, COORD, "remind add 25.12.2025 Julehilsen")
    assert "is set for 24 Dec 2025 09:00" in reply.text and "public holiday" in reply.text


def test_bad_and_past_dates_get_a_clear_message(commands):
    assert "31.02.2025" in say(commands, COORD, "remind add 31.02.2025 x").text
    assert "Hvilken dato" in say(commands, COORD, "remind add snart noe", NB).text
    assert "already passed" in say(commands, COORD, "remind add 01.07.2025 too late").text
    assert "remind add <date> [time] <text>" in say(commands, COORD, "remind add 15.10.2025").text


def test_remove_pause_and_resume(commands):
    added = say(commands, COORD, "remind add 15.10.2025 x").text
    reminder_id = int(added.split()[1])
    assert f"Reminder {reminder_id} is removed" in say(commands, COORD, f"remind remove {reminder_id}").text
    assert "no planned reminder" in say(commands, COORD, f"remind remove {reminder_id}").text
    assert "paused" in say(commands, COORD, "remind pause").text
    assert "paused" in say(commands, COORD, "remind list").text
    assert "turned back on" in say(commands, COORD, "remind resume").text
    assert "paused" not in say(commands, COORD, "remind list").text


def test_partners_cannot_change_reminders(commands):
    for text in ("remind add 15.10.2025 x", "remind remove 1", "remind pause", "remind resume"):
        assert "Only the coordinator" in say(commands, ANA, text).text


def test_a_question_that_starts_with_remind_is_left_to_the_knowledge_base(commands):
    assert say(commands, COORD, "remind me what the deadline is?") is None


def test_reminder_service_lists_the_users_upcoming_deadlines(database, workflow_service, clock):
    from datetime import date

    clock.now = utc(2025, 8, 1, 12, 0)
    make_project(workflow_service)
    reminders = make_reminders(database, workflow_service, clock)
    deadlines = reminders.deadlines_of(user_id=ANA, today=date(2025, 10, 30))
    assert [(d.kind.value, d.due, d.days_left, d.overdue) for d in deadlines] == [
        ("final-report", date(2025, 10, 28), -2, True),
        ("results-upload", date(2025, 10, 28), -2, True),
    ]
    assert reminders.deadlines_of(user_id="stranger", today=date(2025, 10, 30)) == []
