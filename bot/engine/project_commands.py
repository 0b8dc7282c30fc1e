"""Setting up and correcting a project in the conversation: the project, its partners, its people, its language.

Split from :mod:`bot.engine.commands`, which hands these command kinds here and keeps the procedure steps.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.engine.models import IncomingMessage, Reply
from bot.engine.workflow_text import project_text, role_text
from bot.messages import say
from core.dates import format_date
from core.language import Language
from workflows.commands import Command, CommandKind
from workflows.display import person, shown_name
from workflows.service import WorkflowService

_Handler = Callable[["ProjectCommands", Command, IncomingMessage, Language], Reply]


class ProjectCommands:
    """Answers the commands that set up or correct a project (``project``, ``partner``, ``member``…)."""

    def __init__(self, *, service: WorkflowService) -> None:
        """Use ``service`` for every change and look-up."""
        self._service = service

    @staticmethod
    def handles(kind: CommandKind) -> bool:
        """Whether ``kind`` is one of the project commands answered here."""
        return kind in _HANDLERS

    def answer(self, command: Command, message: IncomingMessage, language: Language) -> Reply:
        """The reply to a project command (workflow errors propagate to the caller, which words them)."""
        return _HANDLERS[command.kind](self, command, message, language)

    def _add(self, command: Command, message: IncomingMessage, language: Language) -> Reply:
        assert command.number is not None and command.end_date is not None
        project = self._service.add_project(
            channel_id=message.channel_id,
            user_id=message.user_id,
            number=command.number,
            end_date=command.end_date,
            name=command.name or command.number,
            confirmed=command.confirmed,
        )  # the channel's posts start in the coordinator's language
        self._service.set_language(channel_id=message.channel_id, user_id=message.user_id, language=language)
        deadline = format_date(project.final_report_deadline, language)
        text = say(
            "project.created",
            language,
            number=project.number,
            name=shown_name(project.name),
            deadline=deadline,
        )
        return Reply.message(text, language)

    def _show(self, _c: Command, message: IncomingMessage, language: Language) -> Reply:
        project = self._service.project(channel_id=message.channel_id, user_id=message.user_id)
        return Reply.message(project_text(project, language), language)

    def _update(self, command: Command, message: IncomingMessage, language: Language) -> Reply:
        kind = command.kind
        project = self._service.update_project(
            channel_id=message.channel_id,
            user_id=message.user_id,
            end_date=command.end_date,
            name=command.name if kind is CommandKind.PROJECT_NAME else None,
            organisation=command.name if kind is CommandKind.PROJECT_ORGANISATION else None,
            confirmed=command.confirmed,
        )
        return Reply.message(
            f"{say('project.updated', language)}\n{project_text(project, language)}", language
        )

    def _partner_add(self, command: Command, message: IncomingMessage, language: Language) -> Reply:
        assert command.name is not None and command.country is not None
        self._service.add_partner(
            channel_id=message.channel_id, user_id=message.user_id, name=command.name, country=command.country
        )
        text = say("partner.added", language, name=command.name, country=command.country)
        return Reply.message(text, language)

    def _member_add(self, command: Command, message: IncomingMessage, language: Language) -> Reply:
        assert command.member_id is not None and command.role is not None
        project = self._service.add_member(
            channel_id=message.channel_id,
            user_id=message.user_id,
            member_id=command.member_id,
            role=command.role,
            partner_name=command.partner_name,
        )
        role = role_text(project, command.member_id, language)
        return Reply.message(
            say("member.added", language, user=person(command.member_id), role=role), language
        )

    def _correct(self, command: Command, message: IncomingMessage, language: Language) -> Reply:
        """Corrections: remove, rename or withdraw a partner, remove a person, set the channel's language."""
        where = {"channel_id": message.channel_id, "user_id": message.user_id}
        name = command.partner_name or ""
        kind = command.kind
        if kind is CommandKind.PARTNER_REMOVE:
            self._service.remove_partner(**where, name=name)
            text = say("partner.removed", language, name=name)
        elif kind is CommandKind.PARTNER_RENAME:
            self._service.rename_partner(**where, old=name, new=command.name or "")
            text = say("partner.renamed", language, old=name, new=command.name)
        elif kind is CommandKind.PARTNER_WITHDRAW:
            self._service.withdraw_partner(**where, name=name, platform=message.platform.value)
            text = say("partner.withdrawn", language, name=name)
        elif kind is CommandKind.MEMBER_REMOVE:
            self._service.remove_member(**where, member_id=command.member_id or "")
            text = say("member.removed", language, user=person(command.member_id or ""))
        else:
            assert command.language is not None
            self._service.set_language(**where, language=command.language)
            return Reply.message(say("project.language_set", command.language), command.language)
        return Reply.message(text, language)


_HANDLERS: dict[CommandKind, _Handler] = {
    CommandKind.PROJECT_ADD: ProjectCommands._add,
    CommandKind.PROJECT_SHOW: ProjectCommands._show,
    CommandKind.PROJECT_END: ProjectCommands._update,
    CommandKind.PROJECT_NAME: ProjectCommands._update,
    CommandKind.PROJECT_ORGANISATION: ProjectCommands._update,
    CommandKind.PARTNER_ADD: ProjectCommands._partner_add,
    CommandKind.MEMBER_ADD: ProjectCommands._member_add,
    CommandKind.PARTNER_REMOVE: ProjectCommands._correct,
    CommandKind.PARTNER_RENAME: ProjectCommands._correct,
    CommandKind.PARTNER_WITHDRAW: ProjectCommands._correct,
    CommandKind.MEMBER_REMOVE: ProjectCommands._correct,
    CommandKind.PROJECT_LANGUAGE: ProjectCommands._correct,
}
