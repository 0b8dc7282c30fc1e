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
