"""Choosing a value by cross-validation with folds by document."""

from __future__ import annotations

from bench.folds import choose_by_document


def test_each_document_gets_the_value_that_does_best_on_the_others() -> None:
    grid = [(0.0, 30), (0.5, 30), (0.5, 100)]
    documents = ["a", "a", "b", "c"]
    right = {
        (0.0, 30): [True, True, False, False],
        (0.5, 30): [False, True, True, False],
        (0.5, 100): [False, False, True, True],
    }
    outcomes = {(value, k): found[k] for value, found in right.items() for k in range(len(documents))}

    choice = choose_by_document(outcomes, documents, grid)

    # Without "a", (0.5, 100) is right on both others; without "b" or "c", (0.0, 30) does best (first in a tie).
    assert choice.folds["a"]["chosen"] == (0.5, 100)
    assert choice.folds["b"]["chosen"] == (0.0, 30)
    assert choice.out_of_fold == {0: False, 1: False, 2: False, 3: False}
    assert choice.score() == 0.0
    assert choice.chosen_on_all == (0.0, 30)
