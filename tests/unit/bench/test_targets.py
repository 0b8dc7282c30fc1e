"""The benchmark's target check: verdicts, and the interval each share carries."""

from __future__ import annotations

from typing import Any

import pytest

from bench.targets import check, wilson


def test_wilson_interval_holds_the_share_and_narrows_with_more_questions() -> None:
    low, high = wilson(0.581, 31)
    assert low < 0.581 < high
    assert (low, high) == pytest.approx((0.408, 0.737), abs=0.005)
    wide, narrow = wilson(0.5, 30), wilson(0.5, 300)
    assert narrow[1] - narrow[0] < wide[1] - wide[0]


def test_wilson_interval_stays_inside_zero_and_one() -> None:
    assert wilson(1.0, 10)[1] == 1.0
    assert wilson(0.0, 10)[0] == 0.0
    assert 0.0 < wilson(1.0, 10)[0] < 1.0


def _split(share: float, answerable: int = 32, unanswerable: int = 5) -> dict[str, Any]:
    return {
        "answerable": answerable,
        "unanswerable": unanswerable,
        "hit@3": share,
        "keyword_accuracy": share,
        "false_abstention": 1 - share,
        "abstention": share,
    }


def _results(share: float) -> dict[str, Any]:
    splits = {name: _split(share) for name in ("nb", "nb same", "nb cross", "en", "en same", "en cross")}
    return {
        "project": "P",
        "quality": {"A": {"P": splits}, "dev": {"P": {"all": _split(share)}}},
        "speed": {"ratio_p95": 2.0, "first_answer": {"wall_seconds": 5.0}},
    }


def test_every_target_is_checked_with_its_interval() -> None:
    targets = check(_results(0.9))
    assert len(targets) == 15
    assert all(t.met for t in targets)
    keyword = next(t for t in targets if t.name == "A keyword accuracy (en)")
    assert keyword.interval.endswith("(n=32)")
    declined = next(t for t in targets if t.name == "A unanswerable declined (nb)")
    assert declined.interval.endswith("(n=5)")
    assert next(t for t in targets if t.name.startswith("warm")).interval == ""


def test_a_share_under_its_bar_fails_and_an_excess_of_declines_fails() -> None:
    targets = {t.name: t for t in check(_results(0.6))}
    assert not targets["A keyword accuracy (nb)"].met
    assert not targets["A answerable wrongly declined (en)"].met  # 0.4 declined, goal at most 0.10
    assert not targets["A hit@3 (nb cross-language)"].met  # 0.6 under 0.65
    assert not targets["dev hit@3 (all)"].met
