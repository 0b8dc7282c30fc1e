"""The conversation engine: one typed message in, one typed reply out, whatever the platform."""

from __future__ import annotations

from collections import OrderedDict
from typing import Protocol

from bot.engine.models import IncomingMessage, Reply
from knowledge.models import Answer, AnswerKind, Language, Question
from workflows.language_policy import sentence_language

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

    def default_language(self, message: IncomingMessage) -> Language | None:
        """The language for someone the bot has not yet read a sentence from (a partner abroad: English)."""
        ...


class Engine:
    """Routes a message to the workflow commands or the answer engine.

    Args:
        knowledge: The answer engine.
        commands: Workflow commands; without them the engine only answers questions.
    """

    def __init__(self, *, knowledge: Answerer, commands: Commands | None = None) -> None:
        self._knowledge = knowledge
        self._commands = commands
        self._threads: OrderedDict[str, tuple[str, ...]] = OrderedDict()
        self._languages: OrderedDict[str, Language] = OrderedDict()

    def handle(self, message: IncomingMessage) -> Reply:
        """Reply to one message."""
        language = message.language or self._language(message)
        if self._commands is not None:
            reply = self._commands.try_handle(message, language=language)
            if reply is not None:
                if reply.sets_language:  # «language en»: the person's own choice
                    self._keep_language(f"{message.platform}:{message.user_id}", reply.language)
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

    def language_of(self, *, platform: str, user_id: str) -> Language | None:
        """The language a person last clearly wrote in, if the engine has seen them."""
        return self._languages.get(f"{platform}:{user_id}")

    def _language(self, message: IncomingMessage) -> Language:
        """The person's language: from their sentences, never from command words (``sentence_language``).

        Commands keep the language the person last wrote a sentence in; someone not yet heard from gets
        their project's default (English for a partner abroad), else Bokmål. The remembered languages live
        in this process only: the conversation memory store is where they must be kept across restarts.
        """
        key = f"{message.platform}:{message.user_id}"
        clear = sentence_language(message.text)
        if clear is None:
            known = self._languages.get(key)
            if known is not None:
                return known
            fallback = self._commands.default_language(message) if self._commands is not None else None
            return fallback or Language.NB
        self._keep_language(key, clear)
        return clear

    def _keep_language(self, key: str, language: Language) -> None:
        self._languages[key] = language
        self._languages.move_to_end(key)
        while len(self._languages) > _THREADS:
            self._languages.popitem(last=False)

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
