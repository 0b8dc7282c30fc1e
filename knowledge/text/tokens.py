"""Splitting text into lower-case word tokens and sentences."""

from __future__ import annotations

import re

# Words, and dotted numbers such as "1.3.3" kept whole. Every pattern runs in linear time: possessive
# quantifiers never give back what they matched, and a hyphenated word is only tried where a word starts
# (otherwise one long word costs quadratic backtracking: 40,000 letters took 19 s).
_TOKEN = re.compile(r"\d++(?:\.\d++)+|[^\W_]++", re.UNICODE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s++(?=[\"«“(]?[A-ZÆØÅ0-9])")
_HYPHENATED = re.compile(r"(?<![^\W_])[^\W_]++(?:-[^\W_]++)+")
_LIST_NUMBER = re.compile(r"^\d{1,2}\.$")


def tokenize(text: str) -> list[str]:
    """Lower-case word tokens of ``text`` (punctuation dropped, "1.3.3" kept whole).

    A hyphenated word also yields its parts joined, so "HK-dir" meets "hkdir" in an address and
    "EU-login" meets "EUlogin".
    """
    lowered = text.lower()
    joined = [match.replace("-", "") for match in _HYPHENATED.findall(lowered)]
    return _TOKEN.findall(lowered) + joined


def tokenize_question(text: str) -> list[str]:
    """Tokens of a question: a hyphenated word counts once, joined ("HK-dir" → "hkdir"), so it does not
    outweigh the question's other words; passages index both its parts and the joined form."""
    lowered = text.lower()
    joined = _HYPHENATED.findall(lowered)
    for match in joined:
        lowered = lowered.replace(match, match.replace("-", ""))
    return _TOKEN.findall(lowered)


def split_sentences(text: str) -> list[str]:
    """Split a passage into sentences on end punctuation followed by a capital or digit."""
    sentences: list[str] = []
    for part in (part.strip() for part in _SENTENCE_END.split(text)):
        if sentences and _LIST_NUMBER.match(sentences[-1]):
            sentences[-1] = f"{sentences[-1]} {part}"  # "1. The coordinator …" is one sentence
        elif part:
            sentences.append(part)
    return sentences


def passage_blocks(text: str) -> list[str]:
    """A passage's paragraphs and list items, in reading order."""
    return [line for line in text.split("\n") if line.strip()]


def passage_sentences(text: str) -> list[str]:
    """Every sentence an answer may quote from a passage (the units the answer's sentences are chosen from)."""
    return [sentence for block in passage_blocks(text) for sentence in split_sentences(block)]
