"""Carrying a question across languages with the domain glossary (no machine translation needed).

The default embedding model is English-only and no translation model is reachable offline, so an English
question about a Norwegian page is rewritten word by word into Norwegian search terms (and the reverse) from
``lexicon/glossary.tsv``. Words the glossary does not know (product names such as "Mobility Tool+") pass
through unchanged, since the pages use them in both languages.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from core.language import Language
from knowledge.caching import bounded_put
from knowledge.text.stemming import stem
from knowledge.text.stopwords import is_stopword
from knowledge.text.tokens import tokenize

if TYPE_CHECKING:
    from knowledge.bridge.lexicon import WordLexicon

_MAX_PHRASE = 4
PhraseMap = dict[tuple[str, ...], tuple[str, ...]]


def _key(phrase: str, language: Language) -> tuple[str, ...]:
    return tuple(stem(token, language) for token in tokenize(phrase))


def glossary_text() -> str:
    """The shipped glossary file."""
    return resources.files("knowledge.lexicon").joinpath("glossary.tsv").read_text(encoding="utf-8")


def glossary_words(text: str) -> dict[Language, frozenset[str]]:
    """Every word of the glossary in each language, as written."""
    words: dict[Language, set[str]] = {Language.EN: set(), Language.NB: set()}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#") and "\t" in line:
            english, norwegian = line.split("\t", 1)
            words[Language.EN].update(tokenize(english))
            words[Language.NB].update(tokenize(norwegian))
    return {language: frozenset(found) for language, found in words.items()}


def load_glossary(text: str | None = None) -> dict[Language, PhraseMap]:
    """Parse the glossary into phrase maps keyed by source language (stemmed phrase → target phrases)."""
    if text is None:
        text = glossary_text()
    maps: dict[Language, PhraseMap] = {Language.EN: {}, Language.NB: {}}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#") or "\t" not in line:
            continue
        english, norwegian = (column.strip() for column in line.split("\t", 1))
        en_alts, nb_alts = english.split("|"), norwegian.split("|")
        for en in en_alts:
            key = _key(en, Language.EN)
            maps[Language.EN][key] = maps[Language.EN].get(key, ()) + tuple(nb_alts)
        for nb in nb_alts:
            key = _key(nb, Language.NB)
            maps[Language.NB][key] = (*maps[Language.NB].get(key, ()), en_alts[0])
    return maps


class GlossaryTranslator:
    """Rewrites a question into search terms of the other language.

    Args:
        text: Glossary text (tab-separated English and Norwegian); the shipped glossary by default.
        lexicon: A general dictionary for the words the glossary does not know (they also pass through,
            since names read the same in both languages).
        forms_of: English for the Bokmål words of a text by their lemmas (see
            :meth:`knowledge.bridge.resources.LanguageResources.question_forms`), tried before ``lexicon``.
    """

    def __init__(
        self,
        text: str | None = None,
        *,
        lexicon: WordLexicon | None = None,
        forms_of: Callable[[str], Mapping[str, tuple[str, ...]]] | None = None,
    ) -> None:
        text = glossary_text() if text is None else text
        self._lexicon = lexicon
        self._forms_of = forms_of
        self._forms: dict[str, tuple[str, ...]] = {}  # every word asked about, () when none was found
        self._lock = threading.Lock()  # questions are answered on several threads at once
        self._glossary = load_glossary(text)
        self._words = glossary_words(text)
        # Scoring asks for the same words' renderings for every candidate passage: remember them.
        self._cached = lru_cache(maxsize=16_384)(self._translate)

    def vocabulary(self, language: Language) -> frozenset[str]:
        """Every word the glossary knows in ``language`` (to repair typos when few pages are in it)."""
        return self._words[language]

    def translate(self, text: str, source: Language) -> str:
        """Search terms in ``source.other`` for ``text``; unknown content words pass through."""
        return self._cached(text, source)

    def _word_forms(self, text: str) -> Mapping[str, tuple[str, ...]] | None:
        """The renderings by lemma of the Bokmål words of ``text``, asking only about words not met before."""
        if self._forms_of is None:
            return None
        tokens = list(dict.fromkeys(tokenize(text)))
        with self._lock:
            new = [token for token in tokens if token not in self._forms]
        found = self._forms_of(" ".join(new)) if new else {}
        with self._lock:
            for token in new:
                bounded_put(self._forms, token, found.get(token, ()))
            return {token: self._forms.get(token, ()) for token in tokens}

    def gloss(self, text: str, source: Language, forms: Mapping[str, tuple[str, ...]] | None = None) -> str:
        """Like :meth:`translate`, for long texts such as whole passages (not cached); ``forms`` gives
        renderings of written forms found by their lemmas (see :mod:`knowledge.bridge.lemmas`), used
        before the dictionary's."""
        return self._translate(text, source, forms)

    def _translate(
        self, text: str, source: Language, forms: Mapping[str, tuple[str, ...]] | None = None
    ) -> str:
        if forms is None and source is Language.NB:
            forms = self._word_forms(text)
        phrases = self._glossary[source]
        tokens = tokenize(text)
        stems = [stem(token, source) for token in tokens]
        out: list[str] = []
        i = 0
        while i < len(tokens):
            for size in range(min(_MAX_PHRASE, len(tokens) - i), 0, -1):
                target = phrases.get(tuple(stems[i : i + size]))
                if target:
                    out.extend(target)
                    i += size
                    break
            else:
                if not is_stopword(tokens[i], source):
                    out.append(tokens[i])
                    found = forms.get(tokens[i]) if forms else None
                    if found:
                        out.extend(found)
                    elif self._lexicon is not None:
                        out.extend(self._lexicon.lookup(tokens[i], source))
                i += 1
        return " ".join(dict.fromkeys(out))

    def synonyms(self, text: str, language: Language) -> str:
        """Words of the same language that the glossary gives as renderings of the same thing.

        A round trip through the other language: "fristen" → "deadline" → "frist innen".
        """
        return self.translate(self.translate(text, language), language.other)
