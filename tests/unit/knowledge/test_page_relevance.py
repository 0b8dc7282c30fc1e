"""A page's relevance: the sum of its best passages' scores over the best page's."""

from __future__ import annotations

import pytest

from knowledge.page_relevance import page_relevance


def test_a_page_with_several_good_passages_outweighs_a_page_with_one() -> None:
    scores = {"a#1": 0.30, "a#2": 0.20, "a#3": 0.10, "a#4": 0.05, "b#1": 0.35, "c#1": 0.0}
    found = page_relevance(scores, lambda group: group.split("#")[0])

    assert found["a#1"] == found["a#4"] == 1.0  # only the three best of page a count: 0.6
    assert found["b#1"] == pytest.approx(0.35 / 0.6)
    assert found["c#1"] == 0.0
    assert page_relevance(scores, lambda group: group.split("#")[0], passages=1)["b#1"] == 1.0


def test_no_scores_or_no_positive_score_gives_no_relevance() -> None:
    assert page_relevance({}, str) == {}
    assert page_relevance({"a#1": 0.0, "b#1": 0.0}, lambda group: group[0]) == {"a#1": 0.0, "b#1": 0.0}
