"""Typed messages in and replies out of the conversation engine; adapters draw replies, never parse them."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from core.language import Language, Platform
from knowledge.models import Answer, AnswerKind, Citation, ProgrammeSplit
from workflows.views import ChecklistView


class IncomingMessage(BaseModel):
    """One message from a person, already translated out of the platform's payload."""

    model_config = ConfigDict(frozen=True)

    user_id: str
    channel_id: str
    text: str
    platform: Platform = Platform.TERMINAL
    thread_id: str | None = None
    language: Language | None = Field(default=None, description="Detected by the engine when not given.")


class ReplyKind(StrEnum):
    """What a reply is; each adapter draws each kind its own way."""

    ANSWER = "answer"
    """A knowledge answer: body, citations, feedback buttons (``Reply.answer``)."""
    MESSAGE = "message"
    """A plain message in the conversation (a confirmation, a project's details, a status)."""
    CHECKLIST = "checklist"
    """A run started, resumed or shown: the lead, the person's current step and the checklist."""
    STEP_CHANGED = "step_changed"
    """A step was ticked, skipped or unticked: the lead and current step; posted copies need refreshing."""
    NOTICE = "notice"
    """Only for the sender: help, a refusal, a thank-you for feedback."""


class AnswerPart(BaseModel):
    """A knowledge answer as adapters draw it: the body and the passages it quotes, kept apart."""

    model_config = ConfigDict(frozen=True)

    body: str
    citations: tuple[Citation, ...] = ()
    split: ProgrammeSplit | None = Field(
        default=None, description="Drawn instead of the body: each programme's quote with its own source."
    )
    kind: AnswerKind
    answer: Answer = Field(description="The whole answer (for the answer log and the terminal's plain text).")
    answer_id: int | None = Field(default=None, description="Stored answer id for feedback buttons.")

    @classmethod
    def of(cls, answer: Answer, *, answer_id: int | None = None) -> AnswerPart:
        """The parts of ``answer``: a body with cited passages, or (abstentions, refusals) its text alone."""
        if answer.body:
            cited = one_per_page(answer.cited)
            return cls(
                body=answer.body,
                citations=cited,
                split=answer.split,
                kind=answer.kind,
                answer=answer,
                answer_id=answer_id,
            )
        return cls(body=answer.text, kind=answer.kind, answer=answer, answer_id=answer_id)

    @property
    def feedback_wanted(self) -> bool:
        """True when helpful / not helpful buttons belong under the answer."""
        return self.answer_id is not None and self.kind is not AnswerKind.INVALID


def one_per_page(citations: tuple[Citation, ...]) -> tuple[Citation, ...]:
    """The cited passages merged per page (its URL, else its title), in order: one source each, naming every
    quoted section («Sluttrapportering, Dokumentasjon»), so a page quoted twice is not listed twice."""
    pages: dict[str, list[Citation]] = {}
    for citation in citations:
        pages.setdefault(citation.url or citation.title, []).append(citation)
    merged = []
    for quoted in pages.values():
        sections = dict.fromkeys(c.section for c in quoted if c.section not in ("", c.title))
        merged.append(quoted[0].model_copy(update={"section": ", ".join(sections)}))
    return tuple(merged)


class Reply(BaseModel):
    """What the engine answers, as data; adapters draw it for their platform with pure functions.

    ``text`` is the message itself (a confirmation, a status, a refusal) or, for checklist replies, its lead.
    """

    model_config = ConfigDict(frozen=True)

    kind: ReplyKind
    language: Language
    text: str = ""
    answer: AnswerPart | None = None
    hint: str | None = Field(default=None, description="After an answer: where the person is in a procedure.")
    step: str | None = Field(default=None, description="The person's current step, under a checklist lead.")
    checklist: ChecklistView | None = Field(default=None, description="The checklist as the person sees it.")
    changed_run_id: int | None = Field(
        default=None, description="The run this message changed; adapters refresh its posted checklists."
    )
    sets_language: bool = Field(
        default=False, description="The person chose ``language`` for themselves (``language en``)."
    )

    @property
    def private(self) -> bool:
        """True when only the sender should see the reply."""
        return self.kind is ReplyKind.NOTICE

    @classmethod
    def notice(cls, text: str, language: Language) -> Reply:
        """A note only the sender sees."""
        return cls(kind=ReplyKind.NOTICE, text=text, language=language)

    @classmethod
    def message(cls, text: str, language: Language) -> Reply:
        """A plain message in the conversation."""
        return cls(kind=ReplyKind.MESSAGE, text=text, language=language)

    def lines(self) -> str:
        """The lead and the current step as one plain text (for text-only adapters); no answer, no checklist."""
        return "\n\n".join(part for part in (self.text, self.step) if part)
