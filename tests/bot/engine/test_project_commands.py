"""ProjectCommands over a real service and database: the set-up and correction commands, parsed as the
conversation parses them, answered in the asker's language."""

import pytest

from bot.engine.models import IncomingMessage
from bot.engine.project_commands import ProjectCommands
from core.language import Language, Platform
from workflows.commands import CommandKind
from workflows.definitions import load_procedures
from workflows.errors import WorkflowError
from workflows.parsing import parse

NB, EN = Language.NB, Language.EN


@pytest.fixture
def projects(workflow_service):
    return ProjectCommands(service=workflow_service)


def ask(projects, user, text, language=EN):
    command = parse(text, procedures=load_procedures())
    assert command is not None and ProjectCommands.handles(command.kind)
    message = IncomingMessage(user_id=user, channel_id="C1", text=text, platform=Platform.SLACK)
    return projects.answer(command, message, language)


def test_only_the_project_commands_are_handled_here():
    assert ProjectCommands.handles(CommandKind.PROJECT_ADD)
    assert ProjectCommands.handles(CommandKind.PARTNER_RENAME)
    assert not ProjectCommands.handles(CommandKind.DONE)
    assert not ProjectCommands.handles(CommandKind.START)


def test_a_project_is_set_up_and_corrected_in_the_askers_language(projects, workflow_service):
    created = ask(projects, "coord", "prosjekt ny 2023-1-NO01-KA229-012345 30.06.2026 Vår skole", NB)
    assert "2023-1-NO01-KA229-012345" in created.text and "29.08.2026" in created.text  # 60 days on
    ask(projects, "coord", "add partner Escola Azul, PT")
    renamed = ask(projects, "coord", "partner rename Escola Azul to Escola Azul do Porto")
    assert "Escola Azul do Porto" in renamed.text
    project = workflow_service.project(channel_id="C1", user_id="coord")
    assert [p.name for p in project.partners] == ["Escola Azul do Porto"]


def test_a_correction_by_someone_outside_the_project_is_refused(projects):
    ask(projects, "coord", "project add 2023-1-NO01-KA229-012345 30.06.2026")
    with pytest.raises(WorkflowError):  # the conversation words the refusal (see test_commands.py)
        ask(projects, "stranger", "partner add Escola Azul, PT")
