"""Okapi BM25."""

from __future__ import annotations

import math

import pytest

from knowledge.lexical import BM25Index

DOCS = [
    ["sluttrapport", "frist", "dag"],
    ["budsjett", "post", "flytt", "midl"],
    ["sluttrapport", "koordinator", "partner"],
    ["sluttrapport", "sluttrapport", "resultat"],
]


def test_idf_is_higher_for_rarer_terms_and_zero_for_unknown() -> None:
    index = BM25Index(DOCS)

    assert index.idf("frist") == pytest.approx(math.log(1 + (4 - 1 + 0.5) / (1 + 0.5)))
    assert index.idf("frist") > index.idf("sluttrapport") > 0
    assert index.idf("forsikring") == 0.0
    assert index.max_idf == pytest.approx(index.idf("frist"))


def test_only_passages_sharing_a_term_are_scored() -> None:
    assert set(BM25Index(DOCS).scores(["budsjett", "forsikring"])) == {1}


def test_rare_term_match_outranks_common_term_match() -> None:
    scores = BM25Index(DOCS).scores(["sluttrapport", "frist"])

    assert max(scores, key=scores.__getitem__) == 0


def test_repeated_term_scores_higher_but_saturates() -> None:
    index = BM25Index(DOCS)
    scores = index.scores(["sluttrapport"])

    assert scores[3] > scores[2]
    assert scores[3] < 2 * scores[2]


def test_vocabulary_and_empty_index() -> None:
    assert "koordinator" in BM25Index(DOCS).vocabulary
    empty = BM25Index([])
    assert empty.scores(["noe"]) == {}
    assert empty.max_idf == 1.0
