"""Meaning-match between a text and sentences or stored passages, with the embeddings of repeated texts kept.

The same question is compared with the sentences of its best passages, and again when a thread follows up;
the passages' sentences were embedded at ingest. Only what is neither remembered nor stored is embedded here.
"""

from __future__ import annotations

import threading

import numpy as np

from knowledge.caching import bounded_put
from knowledge.catalog import Catalog
from knowledge.embeddings import Embedder
from knowledge.sentence_vectors import SentenceVectors
from knowledge.vector_store import ChromaStore


class Similarity:
    """Cosine similarities by the generation's model.

    Args: the retriever's generation (``catalog``), store, model and sentence vectors (see
    :class:`knowledge.retrieval.Retriever`).
    """

    def __init__(
        self,
        *,
        catalog: Catalog,
        store: ChromaStore,
        embedder: Embedder,
        sentences: SentenceVectors | None = None,
    ) -> None:
        self._catalog = catalog
        self._store = store
        self._embedder = embedder
        self._sentences = sentences
        self._vectors: dict[str, np.ndarray] = {}
        self._lock = threading.Lock()  # the cache is shared by the threads answering at once

    def of(self, text: str, candidates: list[str]) -> list[float]:
        """Cosine similarity of ``text`` to each candidate (embeddings of repeated texts are cached)."""
        wanted = list(dict.fromkeys([text, *candidates]))
        with self._lock:
            found = {c: self._vectors[c] for c in wanted if c in self._vectors}
        missing = [c for c in wanted if c not in found]
        if missing and self._sentences is not None:  # the passages' sentences were embedded at ingest
            found.update(self._sentences.find(missing))
            missing = [c for c in missing if c not in found]
        if missing:
            found.update(zip(missing, self._embedder.embed(missing), strict=True))
        self.remember({c: found[c] for c in wanted})
        anchor = found[text]
        return [float(np.dot(anchor, found[c])) for c in candidates]

    def to_passage(self, text: str, group_id: str) -> float:
        """Cosine similarity of ``text`` to the closest stored passage of ``group_id`` (for a passage the
        dense search did not reach: its stored vectors are read by id, nothing is embedded but ``text``)."""
        stored = self._store.vectors(self._catalog.generation, self._catalog.records_of(group_id))
        if not stored:
            return 0.0
        anchor = self._anchor(text)
        return max(float(np.dot(anchor, vector)) for vector in stored)

    def remember(self, vectors: dict[str, np.ndarray]) -> None:
        """Keep ``vectors`` in the bounded in-process cache (the oldest go first)."""
        with self._lock:
            for text, vector in vectors.items():
                bounded_put(self._vectors, text, vector)

    def _anchor(self, text: str) -> np.ndarray:
        """The embedding of ``text`` (cached)."""
        with self._lock:
            found = self._vectors.get(text)
        if found is None:
            found = self._embedder.embed([text])[0]
            self.remember({text: found})
        return found
