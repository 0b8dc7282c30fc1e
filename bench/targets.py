"""The goals the project is held to, checked against one run's metrics."""

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


def _at_least(name: str, value: float, bar: float) -> Target:
    return Target(name, f"{value:.3f}", f"≥ {bar}", value >= bar)


def _at_most(name: str, value: float, bar: float, unit: str = "") -> Target:
    return Target(name, f"{value:g}{unit}", f"≤ {bar:g}{unit}", value <= bar)


def _ahead(name: str, ours: float, theirs: float) -> Target:
    return Target(name, f"{ours:.3f} vs {theirs:.3f}", "strictly ahead", ours > theirs)


def check(results: dict[str, Any], *, project: str, baselines: list[str]) -> list[Target]:
    """Every target with its verdict."""
    quality = results["quality"]

    def ours(split: str, key: str) -> float:
        return float(quality[project][split][key])

    speed = results["speed"]
    found = [
        *(_at_least(f"hit@3 ({lang})", ours(lang, "hit@3"), 0.95) for lang in ("nb", "en")),
        *(
            _at_least(f"keyword accuracy ({lang})", ours(lang, "keyword_accuracy"), 0.9)
            for lang in ("nb", "en")
        ),
        _at_least("unanswerable declined", ours("all", "abstention"), 0.8),
        _at_most("false abstention", ours("all", "false_abstention"), 0.05),
    ]
    for baseline in baselines:
        for key in ("hit@3", "mrr"):
            found.append(
                _ahead(f"{key} vs {baseline} (all)", ours("all", key), quality[baseline]["all"][key])
            )
    found += [
        _at_most("warm p95 latency", speed["warm"]["p95_ms"], 100, " ms"),
        _at_most("first answer (fresh process)", speed["first_answer"]["wall_seconds"], 8, " s"),
        _at_most("peak RSS (fresh process)", speed["first_answer"]["rss_mb"], 800, " MB"),
    ]
    return found
