"""Splitting text into lower-case word tokens and sentences."""

from __future__ import annotations

import re

# Words, and dotted numbers such as "1.3.3" kept whole.
_TOKEN = re.compile(r"\d+(?:\.\d+)+|[^\W_]+", re.UNICODE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"«“(]?[A-ZÆØÅ0-9])")


def tokenize(text: str) -> list[str]:
    """Lower-case word tokens of ``text`` (punctuation dropped, "1.3.3" kept whole)."""
    return _TOKEN.findall(text.lower())


def split_sentences(text: str) -> list[str]:
    """Split a passage into sentences on end punctuation followed by a capital or digit."""
    parts = [part.strip() for part in _SENTENCE_END.split(text)]
    return [part for part in parts if part]
