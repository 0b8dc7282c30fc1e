"""The conversation engine: one typed message in, one typed reply out, whatever the platform.

What it remembers between messages (a thread's questions, each person's language) lives behind the
``ConversationMemory`` contract, so replicas share it and it survives restarts; the engine itself holds no state
and may answer many messages at once.
"""

from __future__ import annotations

import logging
from typing import Protocol

from bot.engine.bounds import too_long, valid_text
from bot.engine.models import AnswerPart, IncomingMessage, Reply, ReplyKind
from core.language import Language
from core.memory import ConversationMemory, InMemoryConversationMemory
from knowledge.models import Answer, AnswerKind, Question
from workflows.errors import WorkflowError
from workflows.language_policy import sentence_language
from workflows.service import Clock, utc_now

_REMEMBERED = 3
log = logging.getLogger(__name__)


class Answerer(Protocol):
    """Answers knowledge questions (``knowledge.service.KnowledgeService``)."""

    def answer(self, question: Question) -> Answer:
        """Answer one question."""
        ...


class Commands(Protocol):
    """Handles workflow commands (``bot.engine.commands.WorkflowCommands``)."""

    def try_handle(self, message: IncomingMessage, *, language: Language) -> Reply | None:
        """A reply when ``message`` is a command, else None."""
        ...

    def resume_hint(self, message: IncomingMessage, *, language: Language) -> str | None:
        """A reminder of the current step when the sender has a procedure in progress."""
        ...

    def default_language(self, message: IncomingMessage) -> Language | None:
        """The language for someone the bot has not yet read a sentence from (a partner abroad: English)."""
        ...

    def project_number(self, message: IncomingMessage) -> str | None:
        """The number of the channel's project, when the sender belongs to it."""
        ...


class Engine:
    """Routes a message to the workflow commands or the answer engine.

    Args:
        knowledge: The answer engine.
        commands: Workflow commands; without them the engine only answers questions.
        memory: Thread context and people's languages (in process memory when not given).
        clock: Time stamps of what is remembered.
        max_chars: Longer messages are refused (by the answer engine) before any other analysis.
    """

    def __init__(
        self,
        *,
        knowledge: Answerer,
        commands: Commands | None = None,
        memory: ConversationMemory | None = None,
        clock: Clock = utc_now,
        max_chars: int = 4000,
    ) -> None:
        self._knowledge = knowledge
        self._commands = commands
        self._memory: ConversationMemory = memory if memory is not None else InMemoryConversationMemory()
        self._clock = clock
        self._max_chars = max_chars

    def handle(self, message: IncomingMessage) -> Reply:
        """Reply to one message; its length is checked first, and its text made valid Unicode."""
        message = message.model_copy(update={"text": valid_text(message.text)})
        if too_long(message.text, limit=self._max_chars):
            return self._refuse_long(message)
        language = message.language or self._language(message)
        if self._commands is not None:
            reply = self._commands.try_handle(message, language=language)
            if reply is not None:
                if reply.sets_language:  # «language en»: the person's own choice
                    self._keep_language(message, reply.language)
                return reply
        project = self._commands.project_number(message) if self._commands is not None else None
        # A message whose sentences do not tell its language («frist?») is left to the answer engine, which
        # reads its words; the person's language is the fallback.
        told = message.language or sentence_language(message.text)
        question = Question(
            text=message.text,
            language=told,
            usual_language=language,
            context=self._context(message),
            project=project,
        )
        answer = self._knowledge.answer(question)
        self._remember(message, answer)
        hint = None
        if self._commands is not None:
            hint = self._commands.resume_hint(message, language=answer.language) or None
        return Reply(kind=ReplyKind.ANSWER, language=answer.language, answer=AnswerPart.of(answer), hint=hint)

    def _refuse_long(self, message: IncomingMessage) -> Reply:
        """The answer engine's polite refusal, in the language of the message's start (a bounded look)."""
        known = self.language_of(platform=message.platform.value, user_id=message.user_id)
        language = (
            message.language or known or sentence_language(message.text[: self._max_chars]) or Language.NB
        )
        answer = self._knowledge.answer(Question(text=message.text, language=language))
        return Reply(kind=ReplyKind.ANSWER, language=answer.language, answer=AnswerPart.of(answer))

    def language_of(self, *, platform: str, user_id: str) -> Language | None:
        """The language a person last clearly wrote in, if it is known (None also when memory is down)."""
        try:
            return self._memory.language_of(person_key=f"{platform}:{user_id}")
        except WorkflowError as error:
            log.warning("conversation memory unavailable: %s", error)
            return None

    def _language(self, message: IncomingMessage) -> Language:
        """The person's language: from their sentences, never from command words (``sentence_language``).

        Commands keep the language the person last wrote a sentence in (remembered in the conversation
        memory, so it survives restarts); someone not yet heard from gets their project's default (English
        for a partner abroad), else Bokmål.
        """
        clear = sentence_language(message.text)
        if clear is None:
            known = self.language_of(platform=message.platform.value, user_id=message.user_id)
            if known is not None:
                return known
            fallback = self._commands.default_language(message) if self._commands is not None else None
            return fallback or Language.NB
        if self.language_of(platform=message.platform.value, user_id=message.user_id) is not clear:
            self._keep_language(message, clear)
        return clear

    def _keep_language(self, message: IncomingMessage, language: Language) -> None:
        key = f"{message.platform.value}:{message.user_id}"
        try:
            self._memory.remember_language(person_key=key, language=language, at=self._clock())
        except WorkflowError as error:
            log.warning("language of %s not remembered: %s", key, error)

    @staticmethod
    def _thread_key(message: IncomingMessage) -> str:
        return f"{message.platform.value}:{message.channel_id}:{message.thread_id or message.user_id}"

    def _context(self, message: IncomingMessage) -> tuple[str, ...]:
        try:
            return self._memory.thread_context(thread_key=self._thread_key(message), limit=_REMEMBERED)
        except WorkflowError as error:
            log.warning("thread context unavailable: %s", error)
            return ()

    def _remember(self, message: IncomingMessage, answer: Answer) -> None:
        if answer.kind is AnswerKind.INVALID:
            return
        try:
            self._memory.remember_question(
                thread_key=self._thread_key(message), question=answer.question, at=self._clock()
            )
        except WorkflowError as error:
            log.warning("thread context not remembered: %s", error)
