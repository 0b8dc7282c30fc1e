"""Okapi BM25 over analysed passages: weights by ``bm25s``, kept as a sparse term × passage matrix.

The weight of a term in a passage does not depend on the question, so it is computed once when the index is
built (``bm25s``, Lucene's variant); answering a question sums a few matrix rows (one per question term)
instead of walking postings in Python, and costs the same whether the index holds forty passages or forty
thousand beyond those rows. Passages arrive already analysed (stemmed, compounds split), so ``bm25s`` is given
term ids, not text.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import bm25s
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
        corpus = [[ids.setdefault(term, len(ids)) for term in doc] for doc in documents]
        self._weights = _weights(corpus, len(ids), k1=k1, b=b)
        self._by_passage = self._weights.tocsc()  # a passage's terms, without a set of strings per passage
        self._ids = ids
        self._terms = list(ids)
        df = np.diff(self._weights.indptr)
        self._idf = {term: _idf(int(df[index]), self._size) for term, index in ids.items()}
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


def _weights(corpus: list[list[int]], terms: int, *, k1: float, b: float) -> sparse.csr_matrix:
    """Each term's BM25 weight in each passage (``corpus``: the passages' term ids), term × passage."""
    if not terms:
        return sparse.csr_matrix((0, len(corpus)), dtype=np.float64)
    model = bm25s.BM25(k1=k1, b=b, method="lucene", dtype="float64", int_dtype="int64")
    built = model.build_index_from_ids(list(range(terms)), corpus, show_progress=False)
    # bm25s's passage × term matrix by column is this term × passage matrix by row. Lucene's variant leaves
    # out the classic formula's constant factor (k1 + 1); it is put back so scores keep their scale.
    data = np.asarray(built["data"], dtype=np.float64) * (k1 + 1)
    return sparse.csr_matrix((data, built["indices"], built["indptr"]), shape=(terms, len(corpus)))


def _idf(df: int, passages: int) -> float:
    """The IDF bm25s weighs a term with (Lucene's: never negative)."""
    return math.log(1 + (passages - df + 0.5) / (df + 0.5))
