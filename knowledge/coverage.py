"""How much of a question a passage holds: the share of the question's content words (IDF-weighted) found in
it, in its own language or, through the glossary and dictionary, in the other one.

A question word counts when the passage has its stem, its glossary rendering (in the other language's
passage), a glossary synonym, or, for a Bokmål compound, the share of its parts. What a word needs is worked
out once per word (:class:`WordPlan`) and a sentence's terms once per sentence: the same words and sentences are
scored again and again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from core.language import Language
from knowledge.caching import bounded_put
from knowledge.catalog import Catalog
from knowledge.text.forms import one_form_each
from knowledge.text.question_words import is_date_word
from knowledge.text.stemming import stem
from knowledge.translation import GlossaryTranslator


@dataclass(frozen=True)
class QueryTerms:
    """A question's content words after typo repair, and their renderings in the other language."""

    language: Language
    words: tuple[str, ...]
    translated: str
    hints: str = ""

    @property
    def rendering(self) -> str:
        """The rendering the embedding model reads: the translation with one form of each word."""
        return one_form_each(self.translated, self.language.other)


@dataclass(frozen=True)
class WordPlan:
    """What a passage must hold to count as having one question word.

    Attributes:
        weight: The word's IDF weight (see ``Coverage._word_weight``).
        stem: The word's index term.
        translated: Index terms of its glossary rendering in the other language.
        synonyms: Index terms of its glossary synonyms in its own language.
        parts: Each compound part's index term and the terms of its rendering (Bokmål compounds only).
        known: Whether the pages have the word at all: as written or rendered, by glossary synonym, by every part
            of a compound, or in a passage's bridge.
    """

    weight: float
    stem: str
    translated: frozenset[str]
    synonyms: frozenset[str]
    parts: tuple[tuple[str, frozenset[str]], ...]
    known: bool = True

    def credit(self, own: frozenset[str], other: frozenset[str]) -> float:
        """1 when the passage has the word (or its rendering or a synonym), the share of its parts found
        for a compound, else 0 (``own``/``other``: the passage's terms in the word's and the other language)."""
        if self.stem in own or self.translated & other or self.synonyms & own:
            return 1.0
        if not self.parts:
            return 0.0
        return sum(part in own or bool(rendering & other) for part, rendering in self.parts) / len(self.parts)


class Coverage:
    """Scores how much of a question a passage group or a sentence holds.

    Args:
        catalog: The active generation (its BM25 terms and IDF).
        translator: Glossary and dictionary, for words met in the other language.
        bridged: The index terms of a passage group's bridge in a language (its gloss in the language it
            is not written in, the Bokmål form of a Nynorsk passage): a question word found there counts
            as found in the passage. Glossing the passage finds what rendering the question word by word
            misses: a compound of the passage ("kvalitetsmerket") against the words of the question
            ("quality label").
    """

    def __init__(
        self,
        catalog: Catalog,
        translator: GlossaryTranslator,
        *,
        bridged: Callable[[str, Language], frozenset[str]] | None = None,
        bridge_knows: Callable[[str, Language], bool] | None = None,
    ) -> None:
        self.catalog = catalog
        self._translator = translator
        self._bridged = bridged
        self._bridge_knows = bridge_knows
        self._plans: dict[tuple[str, Language], WordPlan] = {}
        self._sentence_terms: dict[tuple[str, Language], frozenset[str]] = {}
        # A group's terms in a language, kept once built: at most two per group of this generation, and every
        # question re-scores hundreds of groups.
        self._groups: dict[tuple[str, Language], frozenset[str]] = {}

    def of_group(self, query: QueryTerms, group_id: str) -> float:
        """Share of the question's content words (IDF-weighted) that the passage group contains."""
        own = self._group_terms(group_id, query.language)
        other = self._group_terms(group_id, query.language.other)
        return self._share(query, own, other)

    def missing_key(self, query: QueryTerms, group_ids: list[str]) -> float:
        """The weight of the most telling question word that none of the groups holds, over the weight of the
        question's most telling word: 0 when every word is found somewhere, 1 when the heaviest is missing."""
        if not query.words or not group_ids:
            return 0.0
        held = [
            (self._group_terms(g, query.language), self._group_terms(g, query.language.other))
            for g in group_ids
        ]
        plans = [self._plan(word, query.language) for word in query.words]
        missing = [plan.weight * (1 - max(plan.credit(own, other) for own, other in held)) for plan in plans]
        return max(missing) / (max(plan.weight for plan in plans) or 1.0)

    def unknown_share(self, query: QueryTerms) -> float:
        """Share of the question's word weight carried by words no passage of either language has, nor their
        rendering, nor any passage's bridge: what the guidance never speaks of ("minimum age", "visa"). A
        number or a month ("ended on 30 June") is the asker's own detail, not a topic, and does not count."""
        plans = [(word, self._plan(word, query.language)) for word in query.words]
        total = sum(plan.weight for _, plan in plans)
        unknown = sum(plan.weight for word, plan in plans if not plan.known and not is_date_word(word))
        return unknown / total if total else 0.0

    def knows(self, word: str, language: Language) -> bool:
        """Whether the passages in ``language`` have ``word`` (by its stem) or the glossary has it there."""
        has = self.catalog.shards[language].bm25.idf(stem(word, language)) > 0
        return has or word in self._translator.vocabulary(language)

    def of_text(self, query: QueryTerms, text: str, language: Language) -> float:
        """Share of the question's content words (IDF-weighted) that ``text`` in ``language`` contains."""
        return self.of_texts(query, [(text, language)])

    def of_texts(self, query: QueryTerms, texts: Sequence[tuple[str, Language]]) -> float:
        """Share of the question's content words (IDF-weighted) that ``texts`` hold together, each in its
        language: a sentence and its bridge (its gloss in the question's language, the Bokmål forms of a
        Nynorsk sentence), as a passage group is scored with its bridge."""
        own = frozenset().union(*(self._text_terms(t, lang) for t, lang in texts if lang is query.language))
        other = frozenset().union(
            *(self._text_terms(t, lang) for t, lang in texts if lang is not query.language)
        )
        return self._share(query, own, other)

    def _text_terms(self, text: str, language: Language) -> frozenset[str]:
        """The index terms of a sentence (cached: the same passages' sentences are scored again and again)."""
        key = (text, language)
        found = self._sentence_terms.get(key)
        if found is None:
            found = frozenset(self.catalog.analyzer.terms(text, language))
            bounded_put(self._sentence_terms, key, found)
        return found

    def _share(self, query: QueryTerms, own: frozenset[str], other: frozenset[str]) -> float:
        if not query.words:
            return 0.0
        total = matched = 0.0
        for word in query.words:
            plan = self._plan(word, query.language)
            total += plan.weight
            matched += plan.weight * plan.credit(own, other)
        return matched / total if total else 0.0

    def _plan(self, word: str, language: Language) -> WordPlan:
        """What a passage must hold to count as having ``word`` (cached: it depends on the word alone)."""
        key = (word, language)
        found = self._plans.get(key)
        if found is None:
            analyzer = self.catalog.analyzer
            parts = analyzer.compound_parts(word) if language is Language.NB else ()
            weight, known = self._word_weight(word, language)
            synonyms = frozenset(analyzer.terms(self._translator.synonyms(word, language) or "", language))
            split = tuple((stem(part, language), self._translated_terms(part, language)) for part in parts)
            found = WordPlan(
                weight=weight,
                known=known or self._known_otherwise(language, synonyms, split),
                stem=stem(word, language),
                translated=self._translated_terms(word, language),
                synonyms=synonyms,
                parts=split,
            )
            bounded_put(self._plans, key, found)
        return found

    def _known_otherwise(
        self, language: Language, synonyms: frozenset[str], parts: tuple[tuple[str, frozenset[str]], ...]
    ) -> bool:
        """Whether passages have a word they lack as written through a glossary synonym or, for a compound,
        every part (itself or its rendering)."""
        own, other = self.catalog.shards[language].bm25, self.catalog.shards[language.other].bm25
        if any(own.idf(term) for term in synonyms):
            return True
        return bool(parts) and all(
            own.idf(part) or any(other.idf(term) for term in rendering) for part, rendering in parts
        )

    def _word_weight(self, word: str, language: Language) -> tuple[float, bool]:
        """How telling a question word is, and whether any passage knows it: its IDF among passages in the
        question's language; for a word those passages lack, the IDF of its glossary rendering among the other
        language's passages; for a word neither knows, the highest IDF (an unknown word is the most telling)."""
        own, other = self.catalog.shards[language].bm25, self.catalog.shards[language.other].bm25
        weight = own.idf(stem(word, language))
        if weight:
            return weight, True
        rendering = self.catalog.analyzer.terms(self._translator.translate(word, language), language.other)
        weight = max((other.idf(term) for term in rendering), default=0.0)
        if weight:
            return weight, True
        # Unknown to the passages' own words: as telling as a word can be, though a bridge may have it.
        bridged = self._bridge_knows is not None and self._bridge_knows(stem(word, language), language)
        return max(own.max_idf, other.max_idf), bridged

    def _translated_terms(self, word: str, language: Language) -> frozenset[str]:
        """The index terms of ``word``'s glossary rendering in the other language (none without one)."""
        translated = self._translator.translate(word, language)
        return (
            frozenset(self.catalog.analyzer.terms(translated, language.other)) if translated else frozenset()
        )

    def _group_terms(self, group_id: str, language: Language) -> frozenset[str]:
        key = (group_id, language)
        found = self._groups.get(key)
        if found is None:
            found = self._groups[key] = self._build_group_terms(group_id, language)
        return found

    def _build_group_terms(self, group_id: str, language: Language) -> frozenset[str]:
        chunk = self.catalog.version(group_id, language)
        found = self.catalog.shards[language].terms_of(chunk.chunk_id) if chunk is not None else frozenset()
        if self._bridged is None:
            return found
        return found | self._bridged(group_id, language)
