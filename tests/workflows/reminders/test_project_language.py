"""Channel posts speak the project's language, whoever last typed a command (issue 12, point 1)."""

import pytest

from bot.engine.commands import WorkflowCommands
from bot.engine.models import IncomingMessage
from core.language import Language, Platform
from tests.workflows.reminders.scenario import (
    COORD,
    C,
    RecordingPoster,
    make_project,
    make_reminders,
    make_ticker,
    utc,
)

NB, EN = Language.NB, Language.EN
PROJECT_END = utc(2025, 8, 29, 7, 0)


@pytest.fixture
def commands(database, workflow_service, clock):
    clock.now = utc(2025, 8, 1, 12, 0)
    make_project(workflow_service)
    workflow_service.set_language(channel_id=C, user_id=COORD, language=NB)
    return WorkflowCommands(
        service=workflow_service, reminders=make_reminders(database, workflow_service, clock)
    )


def say(commands, text, language):
    message = IncomingMessage(user_id=COORD, channel_id=C, text=text, platform=Platform.SLACK)
    return commands.try_handle(message, language=language)


def test_an_english_remind_command_does_not_switch_the_channels_reminders(
    database, workflow_service, commands
):
    ticker = make_ticker(database, workflow_service, RecordingPoster())
    ticker.tick(utc(2025, 8, 1, 12, 0))  # plans
    say(commands, "remind add October 16, 2025 to check the budget", EN)
    say(commands, "remind pause", EN)
    say(commands, "remind resume", EN)
    poster = RecordingPoster()
    make_ticker(database, workflow_service, poster).tick(PROJECT_END)
    [notice] = poster.notices
    assert "slutter 29.08.2025" in notice.text  # Norwegian, the project's language


def test_the_coordinator_switches_the_channel_to_english(database, workflow_service, commands):
    make_ticker(database, workflow_service, RecordingPoster()).tick(utc(2025, 8, 1, 12, 0))
    assert say(commands, "project language en", NB).text.startswith("Reminders and checklists")
    poster = RecordingPoster()
    make_ticker(database, workflow_service, poster).tick(PROJECT_END)
    [notice] = poster.notices
    assert "ends 29 Aug 2025" in notice.text
