"""Dates and numbers out of range get a clear reply, through WorkflowCommands over real stores."""

import pytest

from bot.engine.commands import WorkflowCommands
from bot.engine.models import IncomingMessage
from core.language import Language, Platform
from tests.workflows.reminders.scenario import COORD, C, make_project, make_reminders, utc

NB, EN = Language.NB, Language.EN


@pytest.fixture
def commands(database, workflow_service, clock):
    clock.now = utc(2025, 8, 1, 12, 0)
    make_project(workflow_service)
    return WorkflowCommands(
        service=workflow_service, reminders=make_reminders(database, workflow_service, clock)
    )


def say(commands, text, language=EN, channel=C):
    message = IncomingMessage(user_id=COORD, channel_id=channel, text=text, platform=Platform.SLACK)
    return commands.try_handle(message, language=language)


def test_removing_a_reminder_id_too_large_for_the_database_says_there_is_no_such_reminder(commands):
    reply = say(commands, "remind remove 99999999999999999999999")
    assert "There is no planned reminder 99999999999999999999999" in reply.text
    assert "Det finnes ingen planlagt påminnelse" in say(commands, "remind remove 2147483648", NB).text


def test_an_end_date_in_year_9999_is_refused_with_the_years_accepted(commands):
    reply = say(commands, "project end 31.12.9999")
    assert "31.12.9999" in reply.text and "2000–2099" in reply.text
    assert "project ends" not in reply.text.lower()


def test_a_new_project_ending_in_9999_is_refused_and_the_channel_stays_free(commands):
    reply = say(commands, "project add 2020-1-NO01-KA229-054321 31.12.9999 Evig", channel="C-OTHER")
    assert "2000–2099" in reply.text
    assert "2000–2099" in say(commands, "remind add 01.01.0001 gammel", NB).text
