"""Search over bridges: every passage in the language it lacks, read from the store when the index is opened.

A Norwegian passage with no English rendering has an English gloss (glossary, then dictionary, compounds
split), and an English passage a Norwegian one; a Nynorsk passage also has its Bokmål normalisation. They
are written at ingest (:mod:`knowledge.bridge.builder`) with their BM25 terms and, for the English ones,
their vectors; opening the index reads the terms and builds BM25 per language from them, and the English
bridges are searched through Chroma, so neither start-up nor memory grows with re-glossing or re-embedding.
Bridges are search aids only: answers always quote the passage itself.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np
from numpy.typing import NDArray

from core.language import Language
from knowledge.bridge.builder import BridgeBuilder, PassageBridge
from knowledge.bridge.nynorsk import NynorskNormaliser, is_nynorsk
from knowledge.catalog import Catalog
from knowledge.embeddings import Embedder
from knowledge.lexical import BM25Index, top_indices
from knowledge.vector_store import ChromaStore, Generation

log = logging.getLogger(__name__)
_DENSE_K = 20
_LEXICAL_K = 100  # as for the passages' own lexical channel (knowledge.retrieval)
_SPARE = 20  # extra neighbours asked for, in case records of other page versions come first


@dataclass(frozen=True)
class Bridge:
    """One passage group's searchable text in a language it is not written in."""

    group_id: str
    language: Language
    text: str


class DenseBridges(Protocol):
    """Nearest English bridges to a vector, as (chunk id, cosine similarity), best first."""

    def nearest(self, vector: NDArray[np.float32], k: int) -> list[tuple[str, float]]:
        """The ``k`` nearest searched bridges."""
        ...


class StoredDense:
    """English bridges searched through Chroma (the vectors are never read into memory).

    Args:
        store: The Chroma store.
        generation: The generation read.
        records: The live bridge records this reader uses.
        skipped: How many stored English bridges are not searched (their group has an English passage).
    """

    def __init__(
        self, *, store: ChromaStore, generation: Generation, records: set[str], skipped: int
    ) -> None:
        self._store = store
        self._generation = generation
        self._records = records
        self._skipped = skipped

    def nearest(self, vector: NDArray[np.float32], k: int) -> list[tuple[str, float]]:
        """The ``k`` nearest live English bridges (those not searched are dropped by the caller)."""
        found = self._store.query_bridges(self._generation, vector, k=k + self._skipped + _SPARE)
        return [(chunk_id, similarity) for record, chunk_id, similarity in found if record in self._records]


class MemoryDense:
    """English bridges embedded when the index is opened (stored bridges written by another builder)."""

    def __init__(self, chunk_ids: list[str], vectors: NDArray[np.float32]) -> None:
        self._chunk_ids = chunk_ids
        self._vectors = vectors

    def nearest(self, vector: NDArray[np.float32], k: int) -> list[tuple[str, float]]:
        """The ``k`` nearest bridges by cosine similarity."""
        if not self._chunk_ids:
            return []
        similarities = (self._vectors @ vector).astype(np.float64)
        best = top_indices(similarities + 2.0, k)  # shifted: top_indices keeps positive scores only
        return [(self._chunk_ids[int(k)], float(similarities[k])) for k in best]


class BridgeIndex:
    """BM25 per language and dense search over the bridges of one index generation.

    Args:
        catalog: The active generation.
        bridges: The stored bridges of its authoritative passages.
        dense: Search over their English vectors.
        normaliser: Turns Nynorsk questions into Bokmål.
    """

    def __init__(
        self,
        *,
        catalog: Catalog,
        bridges: Sequence[PassageBridge],
        dense: DenseBridges,
        normaliser: NynorskNormaliser,
    ) -> None:
        self._catalog = catalog
        self._normaliser = normaliser
        self._dense = dense
        stored = [bridge for bridge in bridges if catalog.original(bridge.chunk_id) is not None]
        self.nynorsk_docs = frozenset(bridge.doc_id for bridge in stored if bridge.normalised)
        self.bridges, terms = _searched(catalog, stored)
        self._dense_groups = frozenset(b.group_id for b in self.bridges if b.language is Language.EN)
        self._lexical = {language: self._bm25(language, terms) for language in Language}
        self._positions = {
            language: {group: position for position, group in enumerate(groups)}
            for language, (groups, _) in self._lexical.items()
        }

    @classmethod
    def stored(
        cls, *, catalog: Catalog, store: ChromaStore, generation: Generation, normaliser: NynorskNormaliser
    ) -> BridgeIndex:
        """The bridges stored with ``generation``: terms read now, vectors searched in Chroma."""
        bridges, records = store.bridges(generation)
        skipped = sum(
            bridge.language is Language.NB and catalog.version(bridge.chunk_id, Language.EN) is not None
            for bridge in bridges
        )
        dense = StoredDense(store=store, generation=generation, records=records, skipped=skipped)
        return cls(catalog=catalog, bridges=bridges, dense=dense, normaliser=normaliser)

    @classmethod
    def built(
        cls, *, catalog: Catalog, builder: BridgeBuilder, embedder: Embedder, normaliser: NynorskNormaliser
    ) -> BridgeIndex:
        """Bridges written now, in memory (when the stored ones come from another builder)."""
        log.warning("stored bridges were written by another builder: building them in memory (run ingest)")
        bridges = builder.build(list(catalog.by_id.values()))
        searched = [
            bridge
            for bridge in bridges
            if bridge.english and catalog.version(bridge.chunk_id, Language.EN) is None
        ]
        vectors = embedder.embed([bridge.english for bridge in searched]) if searched else np.zeros((0, 0))
        dense = MemoryDense([bridge.chunk_id for bridge in searched], np.asarray(vectors, dtype=np.float32))
        return cls(catalog=catalog, bridges=bridges, dense=dense, normaliser=normaliser)

    def question(self, text: str, language: Language) -> str:
        """A Nynorsk question with its Bokmål word forms added (for search only); others unchanged."""
        if language is Language.NB and is_nynorsk(text):
            return f"{text} {self._normaliser.words(text)}"
        return text

    def bokmal(self, text: str, doc_id: str) -> str:
        """A text of the Nynorsk page ``doc_id`` with its Bokmål word forms added (word pairs: quick enough
        for one sentence); the text of any other page unchanged."""
        return f"{text} {self._normaliser.words(text)}" if doc_id in self.nynorsk_docs else text

    def _bm25(self, language: Language, terms: list[tuple[str, ...]]) -> tuple[list[str], BM25Index]:
        own = [k for k, bridge in enumerate(self.bridges) if bridge.language is language]
        return [self.bridges[k].group_id for k in own], BM25Index([terms[k] for k in own])

    def terms(self, group_id: str, language: Language) -> frozenset[str]:
        """The index terms of ``group_id``'s bridge in ``language`` (none when it has no bridge there)."""
        position = self._positions[language].get(group_id)
        return frozenset() if position is None else self._lexical[language][1].terms_of(position)

    def knows(self, term: str, language: Language) -> bool:
        """Whether any bridge in ``language`` has the index term ``term``."""
        return self._lexical[language][1].idf(term) > 0

    def lexical(self, terms: list[str], language: Language) -> dict[str, float]:
        """BM25 score of the passage groups whose bridge in ``language`` best matches ``terms``."""
        groups, index = self._lexical[language]
        scores = index.score_array(terms)
        found: dict[str, float] = {}
        for position in top_indices(scores, _LEXICAL_K):
            group = groups[int(position)]
            found[group] = max(found.get(group, 0.0), float(scores[position]))
        return found

    def dense(self, vector: NDArray[np.float32]) -> dict[str, float]:
        """Cosine similarity of the English bridges nearest to ``vector`` (an English text's embedding)."""
        if not self._dense_groups:
            return {}
        found: dict[str, float] = {}
        for chunk_id, similarity in self._dense.nearest(vector, _DENSE_K):
            if chunk_id in self._dense_groups and len(found) < _DENSE_K:
                found[chunk_id] = max(found.get(chunk_id, 0.0), similarity)
        return found


def _searched(
    catalog: Catalog, stored: Sequence[PassageBridge]
) -> tuple[list[Bridge], list[tuple[str, ...]]]:
    """The bridges searched (a gloss only where the group has no passage in its language), with terms."""
    bridges: list[Bridge] = []
    terms: list[tuple[str, ...]] = []
    for bridge in stored:
        if bridge.normalised:
            bridges.append(Bridge(bridge.chunk_id, Language.NB, bridge.normalised))
            terms.append(bridge.normalised_terms)
        other = bridge.language.other
        if catalog.version(bridge.chunk_id, other) is None:
            bridges.append(Bridge(bridge.chunk_id, other, bridge.gloss))
            terms.append(bridge.gloss_terms)
    return bridges, terms
