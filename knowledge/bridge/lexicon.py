"""Word-for-word translation between English and Norwegian from a general bilingual dictionary.

The glossary knows the domain's terms; this fills in everyday words ("school", "free", "teacher") so a
passage in one language gets a usable bridge in the other. Words are looked up as written, then by their
Snowball stem (so "schools" finds "school"), then, for Norwegian compounds, part by part.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from core.language import Language
from knowledge.bridge.dictionary import WordPairs, load_pairs
from knowledge.text.compounds import CompoundSplitter
from knowledge.text.stemming import stem

_PER_WORD = 2  # translations kept per word: the first senses are the common ones
# Inflection endings to try when neither the word nor its stem is a headword ("lærerne" → "lærer").
_ENDINGS = {
    Language.NB: (
        ("erne", "er"),
        ("ene", ""),
        ("ane", ""),
        ("en", ""),
        ("et", ""),
        ("er", ""),
        ("a", ""),
        ("e", ""),
    ),
    Language.EN: (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e")),
}

Splitter = Callable[[str], tuple[str, ...]]


def _by_stem(pairs: WordPairs, language: Language) -> dict[str, list[str]]:
    stems: dict[str, list[str]] = {}
    for word, targets in pairs.pairs.items():
        if " " not in word:
            stems.setdefault(stem(word, language), []).extend(t for t in targets if " " not in t)
    return stems


class WordLexicon:
    """English ↔ Norwegian word translations.

    Args:
        english: English → Norwegian pairs (the Norwegian → English side is their inversion).
    """

    def __init__(self, english: WordPairs) -> None:
        norwegian = english.inverted()
        self._pairs = {Language.EN: english.pairs, Language.NB: norwegian.pairs}
        self._stems = {
            Language.EN: _by_stem(english, Language.EN),
            Language.NB: _by_stem(norwegian, Language.NB),
        }
        vocabulary = [word for word in norwegian.pairs if word.isalpha()]
        self._splitter = CompoundSplitter(vocabulary)
        self.lookup = lru_cache(maxsize=65_536)(self._lookup)

    @classmethod
    def from_system(cls) -> WordLexicon | None:
        """The lexicon from Debian's ``dict-freedict-eng-nor``, or None (logged once) when it is absent."""
        pairs = load_pairs("freedict-eng-nor")
        return cls(pairs) if pairs is not None else None

    def _lookup(self, word: str, source: Language) -> tuple[str, ...]:
        """Up to two renderings of ``word`` in ``source.other`` (empty when unknown)."""
        found = self._known(word, source)
        if found:
            return tuple(dict.fromkeys(found))[:_PER_WORD]
        if source is Language.NB:
            parts = self._splitter.parts(word)
            renderings = [self._single(part) for part in parts]
            if parts and all(renderings):
                return (" ".join(renderings),)
        return ()

    def known(self, word: str) -> tuple[str, ...]:
        """Up to two English renderings of the Bokmål ``word`` as the dictionary holds it (or its stem or
        an inflection of it), without splitting it as a compound."""
        return tuple(dict.fromkeys(self._known(word, Language.NB) or ()))[:_PER_WORD]

    def _known(self, word: str, source: Language) -> list[str] | None:
        pairs = self._pairs[source]
        found = pairs.get(word) or self._stems[source].get(stem(word, source))
        for ending, replacement in _ENDINGS[source]:
            if found:
                break
            if word.endswith(ending) and len(word) - len(ending) >= 3:
                found = pairs.get(word[: -len(ending)] + replacement)
        return found

    def _single(self, part: str) -> str:
        found = self._known(part, Language.NB)
        return found[0] if found else ""
