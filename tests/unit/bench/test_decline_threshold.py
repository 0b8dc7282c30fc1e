"""Choosing the probability under which the engine declines."""

from __future__ import annotations

import pytest

from bench.decline import choose_threshold, decision_cost


def test_the_cost_is_the_worse_share_over_its_goal() -> None:
    # Answerable at 0.35 and 0.6, unanswerable at 0.2 and 0.4.
    outcomes = [(True, 0.35), (True, 0.6), (False, 0.2), (False, 0.4)]

    # At 0.5: one of two answerable declined (0.5 / 0.1) and no unanswerable answered.
    assert decision_cost(outcomes, 0.5) == pytest.approx(5.0)
    # At 0.3: no answerable declined, one of two unanswerable answered (0.5 / 0.2).
    assert decision_cost(outcomes, 0.3) == pytest.approx(2.5)
    # At 0.38 both miss: 0.5 / 0.1 and 0.5 / 0.2; the worse counts, so neither goal can be given up.
    assert decision_cost(outcomes, 0.38) == pytest.approx(5.0)


def test_the_threshold_that_best_meets_the_goals_is_chosen() -> None:
    separable = [(True, 0.9), (True, 0.45), (False, 0.3), (False, 0.1)]
    overlapping = [(True, 0.9), (True, 0.2), (False, 0.6), (False, 0.1)]

    assert choose_threshold(separable) == 0.45  # the first that declines no answerable and every unanswerable
    # Above 0.2 half the answerable are declined (5.0); at 0.2 and 0.15 half the unanswerable are answered
    # (2.5); at 0.1 all of them (5.0).
    assert choose_threshold(overlapping) == 0.2
