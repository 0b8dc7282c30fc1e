"""Splitting text into lower-case word tokens and sentences."""

from __future__ import annotations

import re

# Words, and dotted numbers such as "1.3.3" kept whole.
_TOKEN = re.compile(r"\d+(?:\.\d+)+|[^\W_]+", re.UNICODE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"«“(]?[A-ZÆØÅ0-9])")
_LIST_NUMBER = re.compile(r"^\d{1,2}\.$")


def tokenize(text: str) -> list[str]:
    """Lower-case word tokens of ``text`` (punctuation dropped, "1.3.3" kept whole)."""
    return _TOKEN.findall(text.lower())


def split_sentences(text: str) -> list[str]:
    """Split a passage into sentences on end punctuation followed by a capital or digit."""
    sentences: list[str] = []
    for part in (part.strip() for part in _SENTENCE_END.split(text)):
        if sentences and _LIST_NUMBER.match(sentences[-1]):
            sentences[-1] = f"{sentences[-1]} {part}"  # "1. The coordinator …" is one sentence
        elif part:
            sentences.append(part)
    return sentences
