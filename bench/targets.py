"""The goals of issue 11, checked against one run's metrics (set A out of fold, dev, speed).

A share measured on a few dozen questions is uncertain: each quality target carries its 95 % Wilson interval
(one question more or less right moves a share over 31 questions by 0.03, and the interval is about ±0.17).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

_Z = 1.96  # 95 % two-sided


@dataclass(frozen=True)
class Target:
    """One goal: what is measured, the bar, and whether this run clears it."""

    name: str
    value: str
    goal: str
    met: bool
    interval: str = ""


def wilson(share: float, count: int) -> tuple[float, float]:
    """The 95 % Wilson score interval of a share measured over ``count`` questions."""
    if count <= 0:
        return 0.0, 1.0
    if share in (0.0, 1.0):  # the closed form, exact at the edge (the general one rounds to 0.99999…)
        edge = count / (count + _Z * _Z)
        return (0.0, 1 - edge) if share == 0.0 else (edge, 1.0)
    centre = (share + _Z * _Z / (2 * count)) / (1 + _Z * _Z / count)
    spread = (
        _Z * math.sqrt(share * (1 - share) / count + _Z * _Z / (4 * count * count)) / (1 + _Z * _Z / count)
    )
    return max(0.0, centre - spread), min(1.0, centre + spread)


def _with_interval(target: Target, share: float | None, count: int) -> Target:
    if share is None or count <= 0:
        return target
    low, high = wilson(share, count)
    return Target(target.name, target.value, target.goal, target.met, f"{low:.2f}–{high:.2f} (n={count})")


def _at_least(name: str, value: float | None, bar: float) -> Target:
    if value is None:
        return Target(name, "–", f"≥ {bar}", False)
    return Target(name, f"{value:.3f}", f"≥ {bar}", value >= bar)


def _at_most(name: str, value: float | None, bar: float, unit: str = "") -> Target:
    if value is None:
        return Target(name, "–", f"≤ {bar:g}{unit}", False)
    return Target(name, f"{value:g}{unit}", f"≤ {bar:g}{unit}", value <= bar)


# (name, split, metric, bar, at most) of every quality target on set A, per language.
_QUALITY = (
    ("A hit@3 ({lang})", "{lang}", "hit@3", 0.75, False),
    ("A hit@3 ({lang} same-language)", "{lang} same", "hit@3", 0.85, False),
    ("A hit@3 ({lang} cross-language)", "{lang} cross", "hit@3", 0.65, False),
    ("A keyword accuracy ({lang})", "{lang}", "keyword_accuracy", 0.65, False),
    ("A answerable wrongly declined ({lang})", "{lang}", "false_abstention", 0.10, True),
    ("A unanswerable declined ({lang})", "{lang}", "abstention", 0.80, False),
)


def _quality(name: str, figures: dict[str, Any], metric: str, bar: float, at_most: bool) -> Target:
    """One share with its bar and its interval (over the questions the share counts)."""
    share = figures[metric]
    target = _at_most(name, share, bar) if at_most else _at_least(name, share, bar)
    count = figures.get("unanswerable" if metric == "abstention" else "answerable", 0)
    return _with_interval(target, share, count)


def check(results: dict[str, Any]) -> list[Target]:
    """Every target with its verdict."""
    project = results["project"]
    a = results["quality"]["A"][project]
    found = [
        _quality(name.format(lang=lang), a[split.format(lang=lang)], metric, bar, at_most)
        for lang in ("nb", "en")
        for name, split, metric, bar, at_most in _QUALITY
    ]
    dev = results["quality"]["dev"][project]["all"]
    found.append(_quality("dev hit@3 (all)", dev, "hit@3", 0.90, False))
    speed = results["speed"]
    found.append(_at_most("warm answer p95 / bare embedding p95", speed["ratio_p95"], 3.0, "×"))
    found.append(_at_most("first answer (fresh process)", speed["first_answer"]["wall_seconds"], 8, " s"))
    return found
