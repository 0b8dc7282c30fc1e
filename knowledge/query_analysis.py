"""A question's search terms: its content words, hyphenated words the index does not know whole split into their
parts, typos repaired against the index (or the glossary, where few pages are in the question's language), and
their rendering in the other language through the glossary and dictionary."""

from __future__ import annotations

from core.language import Language
from knowledge.catalog import Catalog
from knowledge.coverage import QueryTerms
from knowledge.text.forms import hyphen_parts
from knowledge.text.fuzzy import closest_term
from knowledge.text.question_words import search_hints
from knowledge.text.stemming import stem
from knowledge.translation import GlossaryTranslator


class QueryAnalyser:
    """Turns a question into :class:`QueryTerms` against one index generation.

    Args:
        catalog: The active generation (its words, BM25 terms and compound splitter).
        translator: Glossary and dictionary, for the rendering and the words they know.
    """

    def __init__(self, catalog: Catalog, translator: GlossaryTranslator) -> None:
        self.catalog = catalog
        self._translator = translator
        self._known: dict[Language, frozenset[str]] = {}

    def analyse(self, text: str, language: Language) -> QueryTerms:
        """Content words of ``text`` with typos repaired against the index, and their translation."""
        analyzer, hyphenated = self.catalog.analyzer, hyphen_parts(text)
        words = []
        for word in analyzer.question_words(text, language):
            parts = hyphenated.get(word, ())
            if parts and not self._knows(word, language):
                # "KA220-prosjektet": the index knows the parts, not the whole; search for the parts.
                words += [
                    self._repair(part, language)
                    for part in analyzer.question_words(" ".join(parts), language)
                ]
            else:
                words.append(self._repair(word, language))
        translated = self._translator.translate(" ".join(words), language)
        return QueryTerms(
            language=language, words=tuple(words), translated=translated, hints=search_hints(text)
        )

    def _knows(self, word: str, language: Language) -> bool:
        """Whether the passages of either language have ``word``."""
        return any(
            word in self.catalog.shards[shard].words
            or self.catalog.shards[shard].bm25.knows(stem(word, shard))
            for shard in (language, language.other)
        )

    def _repair(self, word: str, language: Language) -> str:
        """``word``, or the index word it is a typo of when the index knows neither it nor its parts."""
        shard = self.catalog.shards[language]
        if word in shard.words or shard.bm25.knows(stem(word, language)):
            return word
        if language is Language.NB and self.catalog.analyzer.compound_parts(word):
            return word
        # Few or no pages may be written in the question's language: the glossary's words count as known too.
        known = self._known.get(language)
        if known is None:  # built once per language, not per word
            known = self._known[language] = shard.words | self._translator.vocabulary(language)
        if word in known:
            return word
        return closest_term(word, known) or word
