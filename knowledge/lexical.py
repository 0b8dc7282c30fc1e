"""Okapi BM25 over analysed passages."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence


class BM25Index:
    """An in-memory BM25 index over term lists.

    Args:
        documents: One list of index terms per passage.
        k1: Term-frequency saturation.
        b: Length normalisation.
    """

    def __init__(self, documents: Sequence[Sequence[str]], *, k1: float = 1.2, b: float = 0.75) -> None:
        self._k1, self._b = k1, b
        self._tfs = [Counter(doc) for doc in documents]
        self._lengths = [len(doc) for doc in documents]
        self._avg = (sum(self._lengths) / len(self._lengths)) if self._lengths else 0.0
        df: Counter[str] = Counter()
        for tf in self._tfs:
            df.update(tf.keys())
        n = len(documents)
        self._idf = {term: math.log(1 + (n - count + 0.5) / (count + 0.5)) for term, count in df.items()}
        self._max_idf = max(self._idf.values(), default=1.0)
        self._postings: dict[str, list[int]] = {}
        for index, tf in enumerate(self._tfs):
            for term in tf:
                self._postings.setdefault(term, []).append(index)

    @property
    def vocabulary(self) -> frozenset[str]:
        """Every term in the index."""
        return frozenset(self._idf)

    @property
    def max_idf(self) -> float:
        """The largest IDF in the index: the weight of a word the index has never seen."""
        return self._max_idf

    def idf(self, term: str) -> float:
        """Inverse document frequency of ``term`` (0 when unknown)."""
        return self._idf.get(term, 0.0)

    def scores(self, terms: Sequence[str]) -> dict[int, float]:
        """BM25 score of every passage that shares a term with ``terms``."""
        result: dict[int, float] = {}
        for term in set(terms):
            idf = self._idf.get(term)
            if idf is None:
                continue
            weight = terms.count(term)
            for index in self._postings[term]:
                tf = self._tfs[index][term]
                norm = tf + self._k1 * (1 - self._b + self._b * self._lengths[index] / (self._avg or 1))
                result[index] = result.get(index, 0.0) + weight * idf * tf * (self._k1 + 1) / norm
        return result
