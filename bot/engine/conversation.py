"""The conversation engine: one typed message in, one typed reply out, whatever the platform."""

from __future__ import annotations

from collections import OrderedDict
from typing import Protocol

from bot.engine.bounds import too_long, valid_text
from bot.engine.models import IncomingMessage, Reply
from knowledge.language import detect_language, detect_language_if_clear
from knowledge.models import Answer, AnswerKind, Language, Question

_THREADS = 2000
_REMEMBERED = 3


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


class Engine:
    """Routes a message to the workflow commands or the answer engine.

    Args:
        knowledge: The answer engine.
        commands: Workflow commands; without them the engine only answers questions.
        max_chars: Longer messages are refused (by the answer engine) before any other analysis.
    """

    def __init__(self, *, knowledge: Answerer, commands: Commands | None = None, max_chars: int = 4000) -> None:
        self._knowledge = knowledge
        self._commands = commands
        self._max_chars = max_chars
        self._threads: OrderedDict[str, tuple[str, ...]] = OrderedDict()
        self._languages: OrderedDict[str, Language] = OrderedDict()

    def handle(self, message: IncomingMessage) -> Reply:
        """Reply to one message; its length is checked first, and its text made valid Unicode."""
        message = message.model_copy(update={"text": valid_text(message.text)})
        if too_long(message.text, limit=self._max_chars):
            return self._refuse_long(message)
        language = message.language or self._language(message)
        if self._commands is not None:
            reply = self._commands.try_handle(message, language=language)
            if reply is not None:
                return reply
        answer = self._knowledge.answer(
            Question(text=message.text, language=language, context=self._context(message))
        )
        self._remember(message, answer)
        text = answer.text
        if self._commands is not None:
            hint = self._commands.resume_hint(message, language=answer.language)
            if hint:
                text = f"{text}\n\n{hint}"
        return Reply(text=text, language=answer.language, answer=answer)

    def _refuse_long(self, message: IncomingMessage) -> Reply:
        """The answer engine's polite refusal, in the language of the message's start (a bounded look)."""
        key = f"{message.platform}:{message.user_id}"
        language = message.language or self._languages.get(key) or detect_language(message.text[: self._max_chars])
        answer = self._knowledge.answer(Question(text=message.text, language=language))
        return Reply(text=answer.text, language=answer.language, answer=answer)

    def language_of(self, *, platform: str, user_id: str) -> Language | None:
        """The language a person last clearly wrote in, if the engine has seen them."""
        return self._languages.get(f"{platform}:{user_id}")

    def _language(self, message: IncomingMessage) -> Language:
        """The message's language; short commands keep the language the person last wrote in."""
        key = f"{message.platform}:{message.user_id}"
        # Command syntax ("/start final-report") says nothing about the person's language.
        is_command = message.text.lstrip().startswith(("/", "!"))
        clear = None if is_command else detect_language_if_clear(message.text)
        if clear is None:
            return self._languages.get(key) or detect_language(message.text)
        self._languages[key] = clear
        self._languages.move_to_end(key)
        while len(self._languages) > _THREADS:
            self._languages.popitem(last=False)
        return clear

    @staticmethod
    def _thread_key(message: IncomingMessage) -> str:
        return f"{message.platform}:{message.channel_id}:{message.thread_id or message.user_id}"

    def _context(self, message: IncomingMessage) -> tuple[str, ...]:
        return self._threads.get(self._thread_key(message), ())

    def _remember(self, message: IncomingMessage, answer: Answer) -> None:
        if answer.kind is AnswerKind.INVALID:
            return
        key = self._thread_key(message)
        self._threads[key] = (*self._threads.get(key, ()), answer.question)[-_REMEMBERED:]
        self._threads.move_to_end(key)
        while len(self._threads) > _THREADS:
            self._threads.popitem(last=False)
