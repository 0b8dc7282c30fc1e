"""Snowball stemmers for the supported languages."""

from __future__ import annotations

from functools import lru_cache

import Stemmer

from knowledge.models import Language

_ALGORITHM = {Language.NB: "norwegian", Language.EN: "english"}


@lru_cache(maxsize=2)
def _stemmer(language: Language) -> Stemmer.Stemmer:
    return Stemmer.Stemmer(_ALGORITHM[language])


def stem(word: str, language: Language) -> str:
    """The Snowball stem of one lower-case word."""
    return str(_stemmer(language).stemWord(word))
