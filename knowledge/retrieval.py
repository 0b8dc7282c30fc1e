"""Hybrid bilingual retrieval: BM25 in both languages (via the glossary) fused with dense search."""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from core.language import Language
from knowledge.catalog import Catalog
from knowledge.channel_weights import Weights, fuse_by_language
from knowledge.coverage import Coverage, QueryTerms
from knowledge.diversity import distinct_first
from knowledge.embeddings import Embedder
from knowledge.fusion import channel_agreement
from knowledge.lexical import top_indices
from knowledge.page_facts import Facts, facts_for, fit
from knowledge.page_relevance import page_relevance
from knowledge.query_analysis import QueryAnalyser
from knowledge.sentence_vectors import SentenceVectors
from knowledge.similarity import Similarity
from knowledge.translation import GlossaryTranslator
from knowledge.vector_store import ChromaStore

if TYPE_CHECKING:
    from knowledge.bridge.index import BridgeIndex

_DENSE_K = 20
_DENSE_CHANNELS = ("dense", "dense_x", "dense_b")
# Groups each lexical channel hands to fusion: a group ranked lower adds less than 1/110 of a channel's weight.
_LEXICAL_K = 100


@dataclass(frozen=True)
class PagePrior:
    """Fused-score adjustments from what a page says about itself (see :mod:`knowledge.page_facts`).

    Attributes:
        fit: Added per point of fit between the question's action, tool or period and the page's.
        archived: Taken off a page that says it is archived.
        page: Added per unit of the page's relevance (see :mod:`knowledge.page_relevance`).
    """

    fit: float = 0.0
    archived: float = 0.0
    page: float = 0.0


# The page prior's weights, the coverage weight (added to a group's fused score per unit of coverage of the
# question's words, 0–1) and the pool of best fused groups both re-score (only these can be answered with: among
# many pages that read alike, the copies of one passage fill the first places and push the passage that holds
# all of the question's words further down) are chosen together by `bench/tune_coverage.py`: cross-validation
# over the dev, set A and extra questions, asked over their own pages and again among 250 and 1,000 generated
# pages, with folds by document (the values chosen on the other documents, hit@3 counted on the held-out one;
# `bench/RESULTS-coverage.json`; the dev questions also asked in a KA229 channel), each inside its grid.
PAGE_PRIOR = PagePrior(fit=0.16, archived=0.32, page=0.32)
COVERAGE_WEIGHT = 1.0
RERANK_POOL = 400


@dataclass
class Hit:
    """One passage group with its fused score and the evidence behind it."""

    group_id: str
    score: float
    channels: dict[str, float] = field(default_factory=dict)
    dense: float = 0.0
    coverage: float = 0.0
    agreement: float = 0.0


class Retriever:
    """Finds the passages that answer a question.

    Args:
        catalog: The active generation in memory.
        store: Chroma, for dense search.
        embedder: The model the generation was embedded with.
        translator: Glossary translator for the cross-lingual channels.
        prior: The page prior's weights.
        coverage_weight: Weight of a group's coverage of the question's words.
        pool: How many of the best fused groups the prior and the coverage re-score.
        bridge: Glosses of the passages in the language they lack, and Nynorsk normalised (optional).
        sentences: The passages' sentences embedded at ingest (optional: missing ones are embedded here).
    """

    def __init__(
        self,
        *,
        catalog: Catalog,
        store: ChromaStore,
        embedder: Embedder,
        translator: GlossaryTranslator,
        prior: PagePrior = PAGE_PRIOR,
        coverage_weight: float = COVERAGE_WEIGHT,
        pool: int = RERANK_POOL,
        bridge: BridgeIndex | None = None,
        sentences: SentenceVectors | None = None,
    ) -> None:
        self.catalog = catalog
        self.prior = prior
        self.coverage_weight = coverage_weight
        self.pool = pool
        self.bridge = bridge
        self._store = store
        self._embedder = embedder
        self._translator = translator
        self._similarity = Similarity(catalog=catalog, store=store, embedder=embedder, sentences=sentences)
        self._analyser = QueryAnalyser(catalog, translator)
        terms, knows = (bridge.terms, bridge.knows) if bridge is not None else (None, None)
        self._coverage = Coverage(catalog, translator, bridged=terms, bridge_knows=knows)

    def analyse(self, text: str, language: Language) -> QueryTerms:
        """Content words of ``text`` with typos repaired against the index, and their translation."""
        return self._analyser.analyse(text, language)

    def search(
        self, text: str, language: Language, *, k: int = 5, project: str | None = None
    ) -> tuple[QueryTerms, list[Hit]]:
        """The ``k`` best passage groups for the question ``text`` written in ``language`` (``project``: the
        number of the asker's project, whose action and period count when the question names none)."""
        query, channels, fused = self.fused(text, language)
        best, scored, coverage = self.ranked(query, fused, facts_for(text, project), k=k)
        hits = [Hit(group_id=group, score=scored[group]) for group in best]
        for hit in hits:
            hit.channels = {name: scores.get(hit.group_id, 0.0) for name, scores in channels.items()}
            hit.dense = max(hit.channels.get(name, 0.0) for name in _DENSE_CHANNELS)
            hit.coverage = coverage[hit.group_id]
            hit.agreement = channel_agreement(
                channels, self.catalog.page_of(hit.group_id), self.catalog.page_of
            )
        return query, hits

    def fused(
        self, text: str, language: Language
    ) -> tuple[QueryTerms, dict[str, dict[str, float]], dict[str, float]]:
        """The question's terms, each channel's scores and the fused score of every group met."""
        query = self.analyse(self.bridge.question(text, language) if self.bridge else text, language)
        channels = self._lexical(query) | self._dense(text, query)
        return query, channels, self.fuse(channels, language)

    def fuse(
        self, channels: dict[str, dict[str, float]], language: Language, cross: Weights | None = None
    ) -> dict[str, float]:
        """Every group's fused score (see :func:`knowledge.channel_weights.fuse_by_language`)."""
        return fuse_by_language(channels, language, self.catalog.version, cross)

    def ranked(
        self,
        query: QueryTerms,
        fused: dict[str, float],
        question: Facts,
        *,
        k: int,
        prior: PagePrior | None = None,
        weight: float | None = None,
        pool: int | None = None,
    ) -> tuple[list[str], dict[str, float], dict[str, float]]:
        """The ``k`` best groups (each copy of a passage behind the different ones, see
        :mod:`knowledge.diversity`), with every pooled group's final score and coverage: the fused scores
        with the page prior, then the coverage term (``prior``, ``weight`` and ``pool`` default to this
        retriever's)."""
        scored, coverage = self.with_coverage(query, self.with_prior(fused, question, prior, pool), weight)
        order = sorted(scored, key=scored.__getitem__, reverse=True)
        return distinct_first(order, self.plain_terms, k=k), scored, coverage

    def with_prior(
        self,
        fused: dict[str, float],
        question: Facts,
        prior: PagePrior | None = None,
        pool: int | None = None,
    ) -> dict[str, float]:
        """The ``pool`` best fused groups with the page prior applied: the page that fits the question's
        action, tool or period moves up, an archived page down, and a page that holds several of the best
        passages up (its relevance, see :mod:`knowledge.page_relevance`)."""
        prior = prior or self.prior
        pooled = heapq.nlargest(self.pool if pool is None else pool, fused, key=fused.__getitem__)
        relevance = (
            page_relevance({group: fused[group] for group in pooled}, self.catalog.page_of)
            if prior.page
            else {}
        )
        adjusted = {}
        for group in pooled:
            page = self.catalog.facts(group)
            adjusted[group] = (
                fused[group]
                + prior.fit * fit(question, page)
                - prior.archived * page.archived
                + prior.page * relevance.get(group, 0.0)
            )
        return adjusted

    def with_coverage(
        self, query: QueryTerms, scores: dict[str, float], weight: float | None = None
    ) -> tuple[dict[str, float], dict[str, float]]:
        """``scores`` plus ``weight`` times each group's coverage of the question's words, and the coverage.

        Rank fusion counts places, not how much of the question a passage holds: the best BM25 match in the
        question's language comes first even when it shares one word with the question, ahead of a passage
        in the other language that holds all of them. Coverage (through the glossary and dictionary for the
        other language) puts that back.
        """
        weight = self.coverage_weight if weight is None else weight
        coverage = {group: self.coverage(query, group) for group in scores}
        return {group: score + weight * coverage[group] for group, score in scores.items()}, coverage

    def _lexical(self, query: QueryTerms) -> dict[str, dict[str, float]]:
        analyzer = self.catalog.analyzer
        own = analyzer.terms_of_words(query.words, query.language) + analyzer.terms(
            query.hints, query.language
        )
        other = analyzer.terms(f"{query.translated} {query.hints}", query.language.other)
        lexical = self._bm25(query.language, own)
        # Names ("Mobility Tool+", "Submit for Review") read the same in both languages: the question's own
        # terms also search the other language's passages, and the better score of a passage group counts.
        for group, score in self._bm25(query.language.other, own).items():
            lexical[group] = max(lexical.get(group, 0.0), score)
        found = {"lex": lexical, "lex_x": self._bm25(query.language.other, other)}
        if self.bridge is not None:
            found["lex_b"] = self.bridge.lexical(own, query.language)
        return found

    def _bridge_dense(self, query: QueryTerms, vectors: np.ndarray) -> dict[str, dict[str, float]]:
        """The English form of the question (itself, or its rendering) against the English bridges."""
        english = 0 if query.language is Language.EN else 1
        if self.bridge is None or english >= len(vectors):
            return {}
        return {"dense_b": self.bridge.dense(vectors[english])}

    def _bm25(self, language: Language, terms: list[str]) -> dict[str, float]:
        """The best BM25 score of each passage group in ``language``, for the ``_LEXICAL_K`` best groups."""
        shard = self.catalog.shards[language]
        scores = shard.bm25.score_array(terms)
        matched = np.flatnonzero(scores)
        if not len(matched):
            return {}
        best = np.zeros(len(self.catalog.group_ids), dtype=np.float64)
        np.maximum.at(best, shard.groups[matched], scores[matched])
        group_ids = self.catalog.group_ids
        return {group_ids[index]: float(best[index]) for index in top_indices(best, _LEXICAL_K)}

    def similarities(self, text: str, candidates: list[str]) -> list[float]:
        """Cosine similarity of ``text`` to each candidate (see :class:`knowledge.similarity.Similarity`)."""
        return self._similarity.of(text, candidates)

    def gloss(self, text: str, language: Language, *, doc_id: str = "") -> str:
        """``text`` (on page ``doc_id``) glossed word by word in the other language; a Nynorsk page's text
        with its Bokmål word forms added, as its bridge was (the dictionaries read «mulig», not «mogleg»)."""
        return self._translator.gloss(self.bridge.bokmal(text, doc_id) if self.bridge else text, language)

    def passage_similarity(self, text: str, group_id: str) -> float:
        """Cosine similarity of ``text`` to the closest stored passage of ``group_id``."""
        return self._similarity.to_passage(text, group_id)

    def _dense(self, text: str, query: QueryTerms) -> dict[str, dict[str, float]]:
        texts = [text] + ([query.rendering] if query.translated else [])
        vectors = self._embedder.embed(texts)
        # The answer's sentences are compared with the question (and its rendering) next.
        self._similarity.remember(dict(zip(texts, vectors, strict=True)))
        found = self._nearest(vectors)  # the question and its rendering in one search
        channels = dict(zip(("dense", "dense_x"), found, strict=False))
        return channels | self._bridge_dense(query, vectors)

    def _nearest(self, vectors: np.ndarray) -> list[dict[str, float]]:
        """For each vector, the best similarity of each passage group among its nearest passages."""
        results = []
        for found in self._store.query_many(
            self.catalog.generation, list(vectors), k=_DENSE_K, live=self.catalog.records
        ):
            groups: dict[str, float] = {}
            for chunk_id, similarity in found:
                chunk = self.catalog.by_id.get(chunk_id)
                if chunk is not None:
                    groups[chunk.group_id] = max(groups.get(chunk.group_id, 0.0), similarity)
            results.append(groups)
        return results

    def coverage(self, query: QueryTerms, group_id: str) -> float:
        """Share of the question's content words (IDF-weighted) that the passage group contains."""
        return self._coverage.of_group(query, group_id)

    @property
    def words(self) -> Coverage:
        """Which of a question's words the passages hold (coverage, the missing key word, unknown words)."""
        return self._coverage

    def plain_terms(self, group_id: str) -> frozenset[str]:
        """The index terms of a group's authoritative passage, numbers left out (for telling copies)."""
        chunk = self.catalog.original(group_id) or self.catalog.groups[group_id][0]
        terms = self.catalog.shards[chunk.language].terms_of(chunk.chunk_id)
        return frozenset(term for term in terms if not term.isdigit())
