"""Word forms: one form of each word of a text."""

from __future__ import annotations

from core.language import Language
from knowledge.text.stemming import stem
from knowledge.text.tokens import _HYPHENATED


def one_form_each(text: str, language: Language) -> str:
    """``text`` with only the first word of each stem ("sluttrapport sluttrapporten" → "sluttrapport").

    A glossary rendering lists every inflection of a term; the embedding model needs one, and its cost grows
    with the length of what it reads.
    """
    seen: set[str] = set()
    kept = []
    for word in text.split():
        key = stem(word.lower(), language)
        if key not in seen:
            seen.add(key)
            kept.append(word)
    return " ".join(kept)


def hyphen_parts(text: str) -> dict[str, tuple[str, ...]]:
    """The parts of each hyphenated word of ``text``, by its joined form ("ka220prosjektet" → ("ka220",
    "prosjektet")): a question names such a word once, joined, which the index may not know as a whole."""
    return {match.replace("-", ""): tuple(match.split("-")) for match in _HYPHENATED.findall(text.lower())}
