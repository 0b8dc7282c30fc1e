"""The one front of the engine: everything a person does on any platform (a message, a click on a step, a
verdict on an answer, opening their overview) is one call here, and comes back as typed data to draw.

Adapters translate a platform payload into one call and draw what comes back; they never reach past this front.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date

from pydantic import BaseModel, ConfigDict

from bot.engine.actions import ChecklistActions, FeedbackActions, StepClick
from bot.engine.conversation import Engine
from bot.engine.copies import ChecklistCopies, PostedView
from bot.engine.home import HomeOverview
from bot.engine.models import IncomingMessage, Reply, ReplyKind
from core.language import Language, Platform
from core.records import EventLedger
from workflows.errors import WorkflowError
from workflows.service import Clock, utc_now
from workflows.views import ChecklistView

log = logging.getLogger(__name__)

Overview = Callable[[str, Language, date], HomeOverview]
"""``(user_id, language, today) -> HomeOverview`` (``bot.engine.home.build_home`` over a service)."""


class FeedbackClick(BaseModel):
    """A helpful / not helpful click on an answer."""

    model_config = ConfigDict(frozen=True)

    platform: Platform
    user_id: str
    answer_id: int
    helpful: bool
    language: Language


class ChatEngine:
    """Messages, clicks, feedback and overviews, for every platform.

    Args:
        conversation: Answers messages (commands and questions).
        checklists: Step clicks and posted checklist copies.
        feedback: The answer log and verdicts on answers.
        overview: A person's projects, runs and deadlines.
        ledger: Platform events already handled, across processes.
        clock: Now, in UTC.
    """

    def __init__(
        self,
        *,
        conversation: Engine,
        checklists: ChecklistActions,
        feedback: FeedbackActions,
        overview: Overview,
        ledger: EventLedger,
        clock: Clock = utc_now,
    ) -> None:
        self._conversation = conversation
        self._checklists = checklists
        self._copies = ChecklistCopies(checklists=checklists)
        self._feedback = feedback
        self._overview = overview
        self._ledger = ledger
        self._clock = clock

    def first_time(self, *, key: str) -> bool:
        """True unless a platform event ``key`` was handled before (by any process); True when the ledger is down."""
        try:
            return self._ledger.first_time(key=key, at=self._clock())
        except WorkflowError as error:  # answering twice beats not answering at all
            log.warning("event ledger unavailable (%s); handling %s without de-duplication", error, key)
            return True

    def handle(self, message: IncomingMessage) -> Reply:
        """The reply to a message; an answer is logged first, so its feedback buttons can point at it."""
        reply = self._conversation.handle(message)
        if reply.kind is not ReplyKind.ANSWER or reply.answer is None:
            return reply
        answer_id = self._feedback.record_answer(
            answer=reply.answer.answer,
            platform=message.platform,
            channel_id=message.channel_id,
            user_id=message.user_id,
        )
        part = reply.answer.model_copy(update={"answer_id": answer_id})
        return reply.model_copy(update={"answer": part})

    def click(self, click: StepClick) -> Reply:
        """A step button: the changed run's checklist as posted in channels (with, when the click completed the
        run, the confirmation for the clicker alone: what comes next), or a notice for the clicker."""
        outcome = self._checklists.click(click)
        if outcome.state is None:
            return outcome.notice or Reply.notice("", click.language)
        view = self._checklists.channel_view(outcome.state, language=click.language)
        note = outcome.notice
        return Reply(
            kind=ReplyKind.STEP_CHANGED,
            language=note.language if note else click.language,
            text=note.text if note else "",
            checklist=view,
            changed_run_id=view.run_id,
        )

    def feedback(self, click: FeedbackClick) -> Reply:
        """Store a verdict on an answer; the thank-you (or why not) is a notice for the clicker."""
        return self._feedback.record_feedback(
            answer_id=click.answer_id,
            user_id=click.user_id,
            helpful=click.helpful,
            platform=click.platform,
            language=click.language,
        )

    def home(self, *, platform: Platform, user_id: str) -> HomeOverview:
        """A person's overview, in their language (``language_of``)."""
        language = self.language_of(platform=platform, user_id=user_id)
        return self._overview(user_id, language, self._clock().date())

    def language_of(self, *, platform: Platform, user_id: str) -> Language:
        """The language the person last wrote in; before that, their project's choice for them (its language,
        English for a partner abroad); Bokmål for someone in no project."""
        stored = self.stored_language(platform=platform, user_id=user_id)
        return stored or self._checklists.default_language(user_id) or Language.NB

    def stored_language(self, *, platform: Platform, user_id: str) -> Language | None:
        """The language the person last wrote in (or chose), None before the bot has read a sentence of theirs."""
        return self._conversation.language_of(platform=platform.value, user_id=user_id)

    @property
    def copies(self) -> ChecklistCopies:
        """The posted checklist copies (what the Slack responder refreshes)."""
        return self._copies

    def channel_view(self, run_id: int, *, language: Language) -> ChecklistView:
        """A run's checklist as posted in a channel (the same for everyone). Raises WorkflowError."""
        return self._copies.channel_view(run_id, language=language)

    def posted_views(self, run_id: int, *, platform: Platform) -> list[PostedView]:
        """Every copy of a run's checklist on ``platform``, each with its current view. Raises WorkflowError."""
        return self._copies.posted_views(run_id, platform=platform)

    def remember_post(
        self, *, run_id: int, platform: Platform, channel_id: str, message_id: str, language: Language
    ) -> None:
        """Record where a checklist was posted, so later ticks refresh it. Raises WorkflowError."""
        self._copies.remember_post(
            run_id=run_id, platform=platform, channel_id=channel_id, message_id=message_id, language=language
        )

    def adopt(
        self, *, run_id: int, platform: Platform, channel_id: str, message_id: str, language: Language
    ) -> None:
        """Make sure a clicked checklist message is a known copy (its post may still be on its way to the
        database when the first click arrives); logged, not raised, when the database is down."""
        try:
            known = {(c.channel_id, c.message_id) for c in self._checklists.copies(run_id)}
            if (channel_id, message_id) not in known:
                self.remember_post(
                    run_id=run_id,
                    platform=platform,
                    channel_id=channel_id,
                    message_id=message_id,
                    language=language,
                )
        except WorkflowError as error:
            log.warning("clicked checklist %s/%s not recorded: %s", channel_id, message_id, error)

    def run_for_message(self, *, platform: Platform, channel_id: str, message_id: str) -> int | None:
        """The run whose checklist is the given message (replies in its thread belong to that run)."""
        return self._checklists.run_for_message(
            platform=platform, channel_id=channel_id, message_id=message_id
        )
