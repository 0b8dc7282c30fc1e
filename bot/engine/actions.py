"""Button clicks, whatever the platform: ticking a step on a posted checklist, and feedback on an answer."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from bot.engine.models import Reply
from bot.engine.workflow_text import change_text, error_text, settled_text
from bot.messages import say
from core.language import Language, Platform
from core.records import AnswerLog, AnswerRecord, ChecklistMessages, FeedbackRecord, PostedChecklist
from knowledge.models import Answer
from workflows.errors import StepAlreadySettled, StepBlocked, StepNotSettled, WorkflowError
from workflows.language_policy import default_language, overview_language
from workflows.project_answers import blocked_text
from workflows.service import Clock, RunState, WorkflowService, utc_now
from workflows.transitions import StepAction
from workflows.views import ChecklistView, build_checklist_view

CHANNEL_VIEWER = ""  # a checklist posted in a channel is seen by everyone: no viewer-specific marks


class StepClick(BaseModel):
    """A click on a step button of a posted checklist."""

    model_config = ConfigDict(frozen=True)

    platform: Platform
    user_id: str
    channel_id: str
    run_id: int
    step_id: str
    version: int
    action: StepAction = StepAction.DONE
    language: Language
    language_known: bool = Field(
        default=True,
        description="False when ``language`` is only a guess (the card's, or nothing stored for the person): "
        "then the project's choice for the person holds (its language; English for a partner abroad).",
    )


class ClickOutcome(BaseModel):
    """What a click did: the run afterwards (None when nothing changed) and a private note for the clicker:
    why nothing changed, or, when the click completed the run, the confirmation a typed tick gets (what
    comes next)."""

    model_config = ConfigDict(frozen=True)

    state: RunState | None
    notice: Reply | None


class ChecklistActions:
    """Applies step clicks with the same role checks as typed commands, and tracks posted checklists."""

    def __init__(
        self, *, service: WorkflowService, messages: ChecklistMessages, clock: Clock = utc_now
    ) -> None:
        """Use ``service`` for changes and ``messages`` to find every posted copy of a run."""
        self._service = service
        self._messages = messages
        self._clock = clock

    def click(self, click: StepClick) -> ClickOutcome:
        """Tick (or skip, untick) a step; a refusal or a stale click comes back as a private notice."""
        language = self._clicker_language(click)
        try:
            outcome = self._service.change_step(
                channel_id=click.channel_id,
                user_id=click.user_id,
                action=click.action,
                platform=click.platform.value,
                step_id=click.step_id,
                expected_version=click.version,
                run_id=click.run_id,
            )
        except StepAlreadySettled as error:
            title = self._step_title(click.run_id, error.step_id, language)
            text = settled_text(error, title=title, language=language)
            return ClickOutcome(state=None, notice=_private(text, language))
        except StepNotSettled:
            return ClickOutcome(state=None, notice=_private(say("step.nothing_to_undo", language), language))
        except StepBlocked as error:  # «Ferdig ✓» on submit while a partner has not confirmed
            text = blocked_text(error, self._service.run_state(run_id=click.run_id), language)
            return ClickOutcome(state=None, notice=_private(text, language))
        except WorkflowError as error:
            text = error_text(error, language, procedures=self._service.procedures)
            return ClickOutcome(state=None, notice=_private(text, language))
        if not outcome.state.complete:
            return ClickOutcome(state=outcome.state, notice=None)  # the updated checklist says it all
        text = change_text(outcome, viewer_id=click.user_id, language=language)
        return ClickOutcome(state=outcome.state, notice=_private(text, language))

    def channel_view(self, state: RunState, *, language: Language) -> ChecklistView:
        """The checklist as posted in a channel: the same for everyone, in the project's language once set."""
        language = state.project.language or language
        return build_checklist_view(state, viewer_id=CHANNEL_VIEWER, language=language)

    def run_state(self, run_id: int) -> RunState:
        """The current state of a run (to refresh its posted copies)."""
        return self._service.run_state(run_id=run_id)

    def remember_post(
        self, *, run_id: int, platform: Platform, channel_id: str, message_id: str, language: Language
    ) -> None:
        """Record where a checklist message was posted, so later ticks refresh it."""
        posted = PostedChecklist(
            run_id=run_id,
            platform=platform.value,
            channel_id=channel_id,
            message_id=message_id,
            language=language.value,
            posted_at=self._clock(),
        )
        self._messages.remember(posted=posted)

    def copies(self, run_id: int) -> list[PostedChecklist]:
        """Every posted message of a run, on every platform."""
        return self._messages.for_run(run_id=run_id)

    def run_for_message(self, *, platform: Platform, channel_id: str, message_id: str) -> int | None:
        """The run whose checklist message this is (None if none, or if the database is down)."""
        try:
            return self._messages.run_for_message(
                platform=platform.value, channel_id=channel_id, message_id=message_id
            )
        except WorkflowError:
            return None

    def default_language(self, user_id: str) -> Language | None:
        """The language for someone the bot has not read a sentence from, from their projects (English for a
        partner abroad); None without a project, or when the database cannot be read."""
        try:
            return overview_language(self._service.projects_of(user_id=user_id), user_id)
        except WorkflowError:
            return None

    def _clicker_language(self, click: StepClick) -> Language:
        """The clicker's language; when it is not known, the project's default for them (``default_language``):
        the project's language, English for a partner abroad."""
        if click.language_known:
            return click.language
        try:
            project = self._service.run_state(run_id=click.run_id).project
        except WorkflowError:
            return click.language
        if project.member(click.user_id) is None:  # not in the project: the card's language, or the project's
            return project.language or click.language
        return default_language(project, click.user_id)

    def _step_title(self, run_id: int, step_id: str, language: Language) -> str:
        try:
            return self._service.run_state(run_id=run_id).procedure.step(step_id).title.get(language)
        except WorkflowError:
            return step_id


class FeedbackActions:
    """Keeps answers and the helpful / not helpful verdicts on them."""

    def __init__(self, *, log: AnswerLog, clock: Clock = utc_now) -> None:
        """Store in ``log``."""
        self._log = log
        self._clock = clock

    def record_answer(
        self, *, answer: Answer, platform: Platform, channel_id: str, user_id: str
    ) -> int | None:
        """Store an answer given in a chat; its id goes into the feedback buttons (None if storage is down)."""
        record = AnswerRecord(
            platform=platform.value,
            channel_id=channel_id,
            user_id=user_id,
            question=answer.question,
            answer=answer.text,
            kind=answer.kind.value,
            sources=tuple(c.url or c.title for c in answer.citations),
            at=self._clock(),
        )
        try:
            return self._log.record_answer(record=record)
        except WorkflowError:
            return None

    def record_feedback(
        self, *, answer_id: int, user_id: str, helpful: bool, platform: Platform, language: Language
    ) -> Reply:
        """Store a verdict (a second click replaces the first) and thank the person privately."""
        feedback = FeedbackRecord(
            answer_id=answer_id, user_id=user_id, helpful=helpful, platform=platform.value, at=self._clock()
        )
        try:
            self._log.record_feedback(feedback=feedback)
        except KeyError:
            return _private(say("feedback.unknown", language), language)
        except WorkflowError as error:
            return _private(error_text(error, language), language)
        return _private(say("feedback.helpful" if helpful else "feedback.not_helpful", language), language)


def _private(text: str, language: Language) -> Reply:
    return Reply.notice(text, language)
