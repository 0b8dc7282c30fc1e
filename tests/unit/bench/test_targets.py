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


@pytest.mark.parametrize("count", [5, 10, 31, 32, 40, 229])
def test_wilson_interval_stays_inside_zero_and_one_and_reaches_the_edge_exactly(count: int) -> None:
    assert wilson(1.0, count)[1] == 1.0 and wilson(0.0, count)[0] == 0.0
    assert 0.0 < wilson(1.0, count)[0] < 1.0
    assert wilson(1.0, count)[0] == pytest.approx(1 - wilson(0.0, count)[1])
    assert wilson(4 / 5, 5) == pytest.approx((0.376, 0.964), abs=0.001)


def _split(share: float, answerable: int, unanswerable: int) -> dict[str, Any]:
    return {
        "answerable": answerable,
        "unanswerable": unanswerable,
        "hit@3": share,
        "keyword_accuracy": share,
        "false_abstention": round(1 - share, 4),
        "abstention": share,
    }


def _results(share: float) -> dict[str, Any]:
    # Each split its own counts, so a target that read another split's count would show it.
    counts = {"nb": (32, 5), "nb same": (17, 0), "nb cross": (15, 0), "en": (31, 6), "en same": (10, 6)}
    splits = {name: _split(share, *counts.get(name, (21, 0))) for name in ("nb", "nb same", "nb cross", "en",
                                                                             "en same", "en cross")}  # fmt: skip
    return {
        "project": "P",
        "quality": {"A": {"P": splits}, "dev": {"P": {"all": _split(share, 40, 6)}}},
        "speed": {"ratio_p95": 2.0, "first_answer": {"wall_seconds": 5.0}},
    }


def test_every_target_is_checked_with_the_interval_of_the_questions_it_counts() -> None:
    targets = {t.name: t for t in check(_results(0.95))}
    assert len(targets) == 15
    assert all(t.met for t in targets.values())
    shown = {name: t.interval.rpartition("(n=")[2].rstrip(")") for name, t in targets.items() if t.interval}
    assert shown["A keyword accuracy (en)"] == "31"
    assert shown["A answerable wrongly declined (nb)"] == "32"  # over answerable questions
    assert shown["A unanswerable declined (en)"] == "6"  # over unanswerable ones
    assert shown["A hit@3 (nb same-language)"] == "17"
    assert shown["A hit@3 (en cross-language)"] == "21"
    assert shown["dev hit@3 (all)"] == "40"
    assert targets["warm answer p95 / bare embedding p95"].interval == ""


def test_a_share_measured_on_no_question_has_no_interval() -> None:
    results = _results(0.95)
    results["quality"]["A"]["P"]["nb same"]["answerable"] = 0
    assert {t.name: t for t in check(results)}["A hit@3 (nb same-language)"].interval == ""


def test_a_share_under_its_bar_fails_and_an_excess_of_declines_fails() -> None:
    targets = {t.name: t for t in check(_results(0.6))}
    assert not targets["A keyword accuracy (nb)"].met
    assert not targets["A answerable wrongly declined (en)"].met  # 0.4 declined, goal at most 0.10
    assert not targets["A hit@3 (nb cross-language)"].met  # 0.6 under 0.65
    assert not targets["dev hit@3 (all)"].met
