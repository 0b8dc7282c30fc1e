"""The goals of issue 11, checked against one run's metrics (set A out of fold, dev, speed)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Target:
    """One goal: what is measured, the bar, and whether this run clears it."""

    name: str
    value: str
    goal: str
    met: bool


def _at_least(name: str, value: float | None, bar: float) -> Target:
    if value is None:
        return Target(name, "–", f"≥ {bar}", False)
    return Target(name, f"{value:.3f}", f"≥ {bar}", value >= bar)


def _at_most(name: str, value: float | None, bar: float, unit: str = "") -> Target:
    if value is None:
        return Target(name, "–", f"≤ {bar:g}{unit}", False)
    return Target(name, f"{value:g}{unit}", f"≤ {bar:g}{unit}", value <= bar)


def check(results: dict[str, Any]) -> list[Target]:
    """Every target with its verdict."""
    project = results["project"]
    a = results["quality"]["A"][project]
    found: list[Target] = []
    for lang in ("nb", "en"):
        found += [
            _at_least(f"A hit@3 ({lang})", a[lang]["hit@3"], 0.75),
            _at_least(f"A hit@3 ({lang} same-language)", a[f"{lang} same"]["hit@3"], 0.85),
            _at_least(f"A hit@3 ({lang} cross-language)", a[f"{lang} cross"]["hit@3"], 0.65),
            _at_least(f"A keyword accuracy ({lang})", a[lang]["keyword_accuracy"], 0.65),
            _at_most(f"A answerable wrongly declined ({lang})", a[lang]["false_abstention"], 0.10),
            _at_least(f"A unanswerable declined ({lang})", a[lang]["abstention"], 0.80),
        ]
    found.append(_at_least("dev hit@3 (all)", results["quality"]["dev"][project]["all"]["hit@3"], 0.90))
    speed = results["speed"]
    found.append(_at_most("warm answer p95 / bare embedding p95", speed["ratio_p95"], 3.0, "×"))
    found.append(_at_most("first answer (fresh process)", speed["first_answer"]["wall_seconds"], 8, " s"))
    return found
