"""Okapi BM25 over analysed passages, on a sparse term × passage matrix of precomputed weights.

The weight of a term in a passage does not depend on the question, so it is computed once when the index is
built; answering a question sums a few matrix rows (one per question term) instead of walking postings in
Python, and costs the same whether the index holds forty passages or forty thousand beyond those rows.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray
from scipy import sparse


class BM25Index:
    """An in-memory BM25 index over term lists.

    Args:
        documents: One list of index terms per passage.
        k1: Term-frequency saturation.
        b: Length normalisation.
    """

    def __init__(self, documents: Sequence[Sequence[str]], *, k1: float = 1.2, b: float = 0.75) -> None:
        self._size = len(documents)
        ids: dict[str, int] = {}
        rows: list[int] = []
        cols: list[int] = []
        for column, doc in enumerate(documents):
            for term in doc:
                rows.append(ids.setdefault(term, len(ids)))
                cols.append(column)
        lengths = np.array([len(doc) for doc in documents], dtype=np.float64)
        # Duplicate (term, passage) entries are summed into the term frequency.
        tf = sparse.csr_matrix(
            (np.ones(len(rows)), (np.array(rows, dtype=np.int64), np.array(cols, dtype=np.int64))),
            shape=(len(ids), self._size),
        )
        tf.sum_duplicates()
        df = np.diff(tf.indptr).astype(np.float64)
        idf = np.log(1 + (self._size - df + 0.5) / (df + 0.5))
        avg = float(lengths.mean()) if self._size else 0.0
        norm = k1 * (1 - b + b * lengths / (avg or 1))
        data = tf.data * (k1 + 1) / (tf.data + norm[tf.indices])
        data *= np.repeat(idf, np.diff(tf.indptr))
        self._weights = sparse.csr_matrix((data, tf.indices, tf.indptr), shape=tf.shape)
        self._by_passage = self._weights.tocsc()  # a passage's terms, without a set of strings per passage
        self._ids = ids
        self._terms = list(ids)
        self._idf = {term: float(idf[index]) for term, index in ids.items()}
        self._max_idf = max(self._idf.values(), default=1.0)

    def __len__(self) -> int:
        return self._size

    @property
    def vocabulary(self) -> frozenset[str]:
        """Every term in the index."""
        return frozenset(self._idf)

    def knows(self, term: str) -> bool:
        """Whether ``term`` occurs in any passage."""
        return term in self._ids

    @property
    def max_idf(self) -> float:
        """The largest IDF in the index: the weight of a word the index has never seen."""
        return self._max_idf

    def idf(self, term: str) -> float:
        """Inverse document frequency of ``term`` (0 when unknown)."""
        return self._idf.get(term, 0.0)

    def terms_of(self, position: int) -> frozenset[str]:
        """The distinct terms of the passage at ``position``."""
        start, end = self._by_passage.indptr[position], self._by_passage.indptr[position + 1]
        return frozenset(self._terms[row] for row in self._by_passage.indices[start:end])

    def score_array(self, terms: Sequence[str]) -> NDArray[np.float64]:
        """BM25 score of every passage (0 where no term is shared), a repeated term counting again."""
        scores = np.zeros(self._size, dtype=np.float64)
        counts: dict[int, int] = {}
        for term in terms:
            index = self._ids.get(term)
            if index is not None:
                counts[index] = counts.get(index, 0) + 1
        indptr, indices, data = self._weights.indptr, self._weights.indices, self._weights.data
        for index, count in counts.items():
            start, end = indptr[index], indptr[index + 1]
            scores[indices[start:end]] += count * data[start:end]
        return scores

    def scores(self, terms: Sequence[str]) -> dict[int, float]:
        """BM25 score of every passage that shares a term with ``terms``."""
        found = self.score_array(terms)
        matched = self._matched(terms)
        return {int(index): float(found[index]) for index in matched}

    def _matched(self, terms: Sequence[str]) -> NDArray[np.int64]:
        rows = [self._ids[term] for term in set(terms) if term in self._ids]
        if not rows:
            return np.zeros(0, dtype=np.int64)
        return np.unique(self._weights[rows].indices).astype(np.int64)


def top_indices(scores: NDArray[np.float64], k: int) -> NDArray[np.int64]:
    """Indices of the ``k`` largest positive scores, best first (ties by index), without sorting them all."""
    positive = np.flatnonzero(scores > 0)
    if len(positive) > k:
        positive = positive[np.argpartition(-scores[positive], k - 1)[:k]]
    order = np.lexsort((positive, -scores[positive]))
    return positive[order].astype(np.int64)
