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


def test_scores_are_okapi_bm25_with_lucenes_idf() -> None:
    documents = [["frist", "frist", "rapport"], ["rapport", "koordinator"], ["budsjett"]]
    index = BM25Index(documents, k1=1.2, b=0.75)
    average = 2.0
    idf = math.log(1 + (3 - 1 + 0.5) / (1 + 0.5))  # "frist" is in one passage of three
    tf_part = 2 * (1.2 + 1) / (2 + 1.2 * (1 - 0.75 + 0.75 * 3 / average))

    assert index.idf("frist") == pytest.approx(idf)
    assert index.score_array(["frist"])[0] == pytest.approx(idf * tf_part)
    assert list(index.score_array(["frist"])[1:]) == [0.0, 0.0]
