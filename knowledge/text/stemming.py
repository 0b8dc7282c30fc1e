"""Snowball stemmers for the supported languages."""

from __future__ import annotations

import threading

import Stemmer

from core.language import Language

_ALGORITHM = {Language.NB: "norwegian", Language.EN: "english"}
_LOCAL = threading.local()  # PyStemmer objects are not thread-safe: one pair per thread


def _stemmer(language: Language) -> Stemmer.Stemmer:
    stemmers: dict[Language, Stemmer.Stemmer] | None = getattr(_LOCAL, "stemmers", None)
    if stemmers is None:
        stemmers = _LOCAL.stemmers = {}
    if language not in stemmers:
        stemmers[language] = Stemmer.Stemmer(_ALGORITHM[language])
    return stemmers[language]


def stem(word: str, language: Language) -> str:
    """The Snowball stem of one lower-case word."""
    return str(_stemmer(language).stemWord(word))


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
