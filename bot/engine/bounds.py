"""Bounding a message before any analysis: text that is valid Unicode, and its length checked first."""

from __future__ import annotations

from workflows.display import typed_text

REPLACEMENT = "\ufffd"


def valid_text(text: str) -> str:
    """``text`` with lone surrogates (from invalid UTF-8 or a broken JSON escape) replaced by U+FFFD, and
    without the characters that mark a person in replies (``workflows.display.typed_text``).

    Such text cannot be encoded, so the language detector, the database and the platforms would all refuse it.
    """
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return typed_text(text)


def too_long(text: str, *, limit: int) -> bool:
    """True when ``text`` is over ``limit`` characters: it gets a polite refusal and no analysis at all."""
    return len(text) > limit
