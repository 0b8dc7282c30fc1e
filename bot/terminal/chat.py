"""The terminal chat adapter: lines in, engine replies out, as one given user in one given channel."""

from __future__ import annotations

import logging
from typing import Protocol, TextIO

from bot.engine.models import IncomingMessage, Reply
from bot.messages import say
from bot.terminal.render import render_reply
from core.language import Language, Platform

logger = logging.getLogger(__name__)
_EXIT_WORDS = frozenset({"/quit", "/exit", "/avslutt"})


class Engine(Protocol):
    """What the terminal chat needs of the conversation engine."""

    def handle(self, message: IncomingMessage) -> Reply:
        """Answer one message."""
        ...


def run_chat(
    engine: Engine, *, user_id: str, channel_id: str, stdin: TextIO, stdout: TextIO, prompt: str = ""
) -> None:
    """Chat until end of input (or ``/quit``), printing each reply and its checklist as plain text.

    Args:
        engine: The conversation engine.
        user_id: The chat user the person acts as.
        channel_id: The channel the conversation happens in.
        stdin: Where lines are read from.
        stdout: Where replies are written.
        prompt: Written before each line is read (e.g. ``"> "`` when a person types).
    """
    while True:
        stdout.write(prompt)
        stdout.flush()
        line = stdin.readline()
        if not line or line.strip().lower() in _EXIT_WORDS:
            break
        text = line.strip()
        if not text:
            continue
        message = IncomingMessage(
            user_id=user_id, channel_id=channel_id, text=text, platform=Platform.TERMINAL
        )
        stdout.write(_answer(engine, message) + "\n\n")
        stdout.flush()


def _answer(engine: Engine, message: IncomingMessage) -> str:
    try:
        return render_reply(engine.handle(message))
    except Exception:  # the adapter's one error handler: log it, tell the person, keep chatting
        logger.exception("the engine failed on a terminal message")
        return f"{say('error.unexpected', Language.NB)}\n{say('error.unexpected', Language.EN)}"
