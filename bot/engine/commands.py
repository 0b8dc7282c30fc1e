"""Workflow commands in the conversation: turns words into workflow service calls and typed replies (the
project set-up commands are answered by :mod:`bot.engine.project_commands`)."""

from __future__ import annotations

from collections.abc import Callable

from bot.engine.models import IncomingMessage, Reply, ReplyKind
from bot.engine.partner_links import LinkCommands
from bot.engine.project_commands import ProjectCommands
from bot.engine.run_lead import start_lead
from bot.engine.workflow_text import (
    audit_text,
    change_text,
    error_text,
    help_text,
    procedures_text,
    resume_text,
    settled_text,
    status_text,
    step_prompt,
)
from bot.messages import say
from core.language import Language
from workflows.commands import PROJECT_QUESTIONS, Command, CommandKind
from workflows.errors import (
    InputError,
    NoActiveRun,
    RunComplete,
    StepAlreadySettled,
    StepBlocked,
    StepNotSettled,
    UnknownCommand,
    WorkflowError,
)
from workflows.language_policy import default_language
from workflows.models import Project
from workflows.parsing import parse
from workflows.project_answers import (
    blocked_text,
    deadline_text,
    missing_text,
    next_step_text,
    own_done_text,
    own_step,
    what_next_text,
)
from workflows.reminders.replies import answer_remind
from workflows.reminders.service import ReminderService
from workflows.service import RunState, WorkflowService
from workflows.transitions import StepAction
from workflows.views import ChecklistView, build_checklist_view

_Handler = Callable[["WorkflowCommands", Command, IncomingMessage, Language], Reply]
_STEP_ACTIONS = {
    CommandKind.DONE: StepAction.DONE,
    CommandKind.SKIP: StepAction.SKIP,
    CommandKind.UNDO: StepAction.UNDO,
}


class WorkflowCommands:
    """Answers workflow commands and their plain-language equivalents; everything else is left alone."""

    def __init__(
        self,
        *,
        service: WorkflowService,
        reminders: ReminderService | None = None,
        links: LinkCommands | None = None,
    ) -> None:
        """Use ``service`` for every change and look-up, ``reminders`` for ``remind`` and ``links`` for
        ``partner link`` / ``partner email``."""
        self._service = service
        self._reminders = reminders
        self._links = links
        self._projects = ProjectCommands(service=service)

    def try_handle(self, message: IncomingMessage, *, language: Language) -> Reply | None:
        """A reply when the message is a workflow command, else None (then it is a knowledge question)."""
        try:
            command = parse(message.text, procedures=self._service.procedures)
            if command is None or (not command.explicit and self._open_run(message) is None):
                return None
            if command.kind in PROJECT_QUESTIONS and self._project_of(message) is None:
                return None  # no project here: a question for the guidance
            if self._projects.handles(command.kind):
                return self._projects.answer(command, message, language)
            return _HANDLERS[command.kind](self, command, message, language)
        except StepBlocked as error:
            return self._blocked(error, message, language)
        except RunComplete:
            return self._nothing_left(message, language)
        except StepAlreadySettled as error:
            return self._settled(error, message, language)
        except StepNotSettled as error:
            return self._not_settled(error, message, language)
        except UnknownCommand as error:  # one line pointing at «help», not the whole list
            return Reply.notice(error_text(error, language), language)
        except (InputError, WorkflowError) as error:
            return Reply.notice(error_text(error, language, procedures=self._service.procedures), language)

    def resume_hint(self, message: IncomingMessage, *, language: Language) -> str | None:
        """A one-line reminder of the person's current step when they have a procedure in progress."""
        state = self._open_run(message)
        if state is None:
            return None
        view = build_checklist_view(state, viewer_id=message.user_id, language=language)
        return resume_text(view) if view.current_step_id else None  # only the asker's own step

    def default_language(self, message: IncomingMessage) -> Language | None:
        """English for a partner school outside Norway, else the project's language (None without a project)."""
        project = self._project_of(message)
        return default_language(project, message.user_id) if project is not None else None

    def project_number(self, message: IncomingMessage) -> str | None:
        """The number of the channel's project, when the person belongs to it (it tells the answer engine
        which action and programme period the question is about)."""
        project = self._project_of(message)
        return project.number if project is not None else None

    def _project_of(self, message: IncomingMessage) -> Project | None:
        try:
            return self._service.project(channel_id=message.channel_id, user_id=message.user_id)
        except WorkflowError:
            return None

    def _open_views(self, message: IncomingMessage, language: Language) -> list[ChecklistView]:
        states = self._service.open_runs(channel_id=message.channel_id, user_id=message.user_id)
        return [build_checklist_view(s, viewer_id=message.user_id, language=language) for s in states]

    def _open_run(self, message: IncomingMessage) -> RunState | None:
        try:
            state = self._service.active(channel_id=message.channel_id, user_id=message.user_id)
        except WorkflowError:  # no project, not a member, database down: no run to resume
            return None
        return state if state is not None and not state.complete else None

    def _checklist(
        self,
        state: RunState,
        message: IncomingMessage,
        language: Language,
        *,
        lead: str,
        kind: ReplyKind = ReplyKind.CHECKLIST,
    ) -> Reply:
        view = build_checklist_view(state, viewer_id=message.user_id, language=language)
        return Reply(kind=kind, text=lead, step=step_prompt(view), language=language, checklist=view)

    def _help(self, _c: Command, _m: IncomingMessage, language: Language) -> Reply:
        return Reply.notice(help_text(language), language)

    def _procedures(self, _c: Command, _m: IncomingMessage, language: Language) -> Reply:
        return Reply.message(procedures_text(self._service.procedures, language), language)

    def _language(self, command: Command, _m: IncomingMessage, _l: Language) -> Reply:
        assert command.language is not None
        text = say("language.set", command.language)
        return Reply(kind=ReplyKind.MESSAGE, text=text, language=command.language, sets_language=True)

    def _next_step(self, _c: Command, message: IncomingMessage, language: Language) -> Reply:
        return Reply.message(next_step_text(self._open_views(message, language), language), language)

    def _what_next(self, _c: Command, message: IncomingMessage, language: Language) -> Reply:
        return Reply.message(what_next_text(self._open_views(message, language), language), language)

    def _who_missing(self, _c: Command, message: IncomingMessage, language: Language) -> Reply:
        return Reply.message(missing_text(self._open_views(message, language), language), language)

    def _deadline(self, _c: Command, message: IncomingMessage, language: Language) -> Reply:
        project = self._service.project(channel_id=message.channel_id, user_id=message.user_id)
        return Reply.message(deadline_text(project, today=self._service.today(), language=language), language)

    def _ack(self, _c: Command, message: IncomingMessage, language: Language) -> Reply:
        state = self._open_run(message)
        view = build_checklist_view(state, viewer_id=message.user_id, language=language) if state else None
        step = own_step(view) if view else None
        text = say("ack.open", language, step=step.title) if step else say("ack.plain", language)
        return Reply.message(text, language)

    def _start(self, command: Command, message: IncomingMessage, language: Language) -> Reply:
        assert command.procedure_id is not None
        state = self._service.start(
            channel_id=message.channel_id, user_id=message.user_id, procedure_id=command.procedure_id
        )
        return self._checklist(state, message, language, lead=start_lead(state, language))

    def _status(self, _c: Command, message: IncomingMessage, language: Language) -> Reply:
        state = self._service.active(channel_id=message.channel_id, user_id=message.user_id)
        if state is None:
            raise NoActiveRun(message.channel_id)
        view = build_checklist_view(state, viewer_id=message.user_id, language=language)
        others = [v for v in self._open_views(message, language) if v.run_id != view.run_id]
        text = status_text(view, others=others)
        return Reply(kind=ReplyKind.CHECKLIST, text=text, language=language, checklist=view)

    def _change(self, command: Command, message: IncomingMessage, language: Language) -> Reply:
        outcome = self._service.change_step(
            channel_id=message.channel_id,
            user_id=message.user_id,
            action=_STEP_ACTIONS[command.kind],
            platform=message.platform.value,
            step_id=command.step_id,
            expected_version=command.expected_version,
        )
        text = change_text(outcome, viewer_id=message.user_id, language=language)
        view = build_checklist_view(outcome.state, viewer_id=message.user_id, language=language)
        return Reply(
            kind=ReplyKind.STEP_CHANGED,
            text=text,
            language=language,
            checklist=view,
            changed_run_id=view.run_id,
        )

    def _back(self, _c: Command, message: IncomingMessage, language: Language) -> Reply:
        state = self._service.back(channel_id=message.channel_id, user_id=message.user_id)
        return self._checklist(state, message, language, lead=say("step.back", language))

    def _audit(self, _c: Command, message: IncomingMessage, language: Language) -> Reply:
        entries = self._service.audit(channel_id=message.channel_id, user_id=message.user_id)
        project = self._service.project(channel_id=message.channel_id, user_id=message.user_id)
        text = audit_text(project, entries, language, procedures=self._service.procedures)
        return Reply.notice(text, language)

    def _remind(self, command: Command, message: IncomingMessage, language: Language) -> Reply:
        if self._reminders is None:
            return Reply.notice(say("remind.unavailable", language), language)
        text = answer_remind(
            self._reminders,
            command,
            channel_id=message.channel_id,
            user_id=message.user_id,
            language=language,
        )
        kind = ReplyKind.NOTICE if command.kind is CommandKind.REMIND_LIST else ReplyKind.MESSAGE
        return Reply(kind=kind, text=text, language=language)

    def _partner_access(self, command: Command, message: IncomingMessage, language: Language) -> Reply:
        if self._links is None:
            return Reply.notice(say("link.no_public_url", language), language)
        text = self._links.answer(
            command, channel_id=message.channel_id, user_id=message.user_id, language=language
        )
        return Reply.notice(text, language)

    def _settled(self, error: StepAlreadySettled, message: IncomingMessage, language: Language) -> Reply:
        state = self._open_run(message) or self._service.active(
            channel_id=message.channel_id, user_id=message.user_id
        )
        if state is None:
            return Reply.notice(error_text(error, language), language)
        title = state.procedure.step(error.step_id).title.get(language)
        view = build_checklist_view(state, viewer_id=message.user_id, language=language)
        text = settled_text(error, title=title, language=language)
        return Reply(kind=ReplyKind.CHECKLIST, text=text, language=language, checklist=view)

    def _blocked(self, error: StepBlocked, message: IncomingMessage, language: Language) -> Reply:
        state = self._service.active(channel_id=message.channel_id, user_id=message.user_id)
        if state is None:
            return Reply.notice(error_text(error, language), language)
        return Reply.notice(blocked_text(error, state, language), language)

    def _nothing_left(self, message: IncomingMessage, language: Language) -> Reply:
        state = self._open_run(message)
        if state is None:
            return Reply.notice(error_text(NoActiveRun(message.channel_id), language), language)
        view = build_checklist_view(state, viewer_id=message.user_id, language=language)
        return Reply.notice(own_done_text(view), language)

    def _not_settled(self, error: StepNotSettled, message: IncomingMessage, language: Language) -> Reply:
        state = self._service.active(channel_id=message.channel_id, user_id=message.user_id)
        if state is None or not error.step_id:
            return Reply.notice(say("step.nothing_to_undo", language), language)
        title = state.procedure.step(error.step_id).title.get(language)
        return Reply.notice(say("step.not_settled", language, title=title), language)


_HANDLERS: dict[CommandKind, _Handler] = {
    CommandKind.HELP: WorkflowCommands._help,
    CommandKind.PROCEDURES: WorkflowCommands._procedures,
    CommandKind.LANGUAGE: WorkflowCommands._language,
    CommandKind.NEXT_STEP: WorkflowCommands._next_step,
    CommandKind.WHAT_NEXT: WorkflowCommands._what_next,
    CommandKind.WHO_MISSING: WorkflowCommands._who_missing,
    CommandKind.DEADLINE: WorkflowCommands._deadline,
    CommandKind.ACK: WorkflowCommands._ack,
    CommandKind.START: WorkflowCommands._start,
    CommandKind.STATUS: WorkflowCommands._status,
    CommandKind.DONE: WorkflowCommands._change,
    CommandKind.SKIP: WorkflowCommands._change,
    CommandKind.UNDO: WorkflowCommands._change,
    CommandKind.BACK: WorkflowCommands._back,
    CommandKind.AUDIT: WorkflowCommands._audit,
    CommandKind.REMIND_LIST: WorkflowCommands._remind,
    CommandKind.REMIND_ADD: WorkflowCommands._remind,
    CommandKind.REMIND_REMOVE: WorkflowCommands._remind,
    CommandKind.REMIND_PAUSE: WorkflowCommands._remind,
    CommandKind.REMIND_RESUME: WorkflowCommands._remind,
    CommandKind.PARTNER_LINK: WorkflowCommands._partner_access,
    CommandKind.PARTNER_LINK_REVOKE: WorkflowCommands._partner_access,
    CommandKind.PARTNER_EMAIL: WorkflowCommands._partner_access,
}
