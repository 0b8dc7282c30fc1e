"""Reciprocal-rank fusion of several ranked lists of passage groups, and how far the lists agree."""

from __future__ import annotations

from collections.abc import Callable, Mapping

RRF_K = 10.0


def rank(scores: Mapping[str, float]) -> dict[str, int]:
    """Rank (1 = best) of each key by descending score."""
    ordered = sorted(scores, key=lambda key: (-scores[key], key))
    return {key: position for position, key in enumerate(ordered, 1)}


def reciprocal_rank_fusion(
    channels: Mapping[str, Mapping[str, float]],
    *,
    weights: Mapping[str, float] | None = None,
    k: float = RRF_K,
) -> dict[str, float]:
    """Fuse channel scores into one score per key: the weighted sum of ``1 / (k + rank)``.

    Args:
        channels: Channel name → key → raw score (only ranks are used).
        weights: Channel name → weight (default 1).
        k: Dampens the difference between the top ranks.
    """
    fused: dict[str, float] = {}
    for name, scores in channels.items():
        weight = (weights or {}).get(name, 1.0)
        for key, position in rank(scores).items():
            fused[key] = fused.get(key, 0.0) + weight / (k + position)
    return fused


def channel_agreement(
    channels: dict[str, dict[str, float]], page: str, page_of: Callable[[str], str]
) -> float:
    """Share of the channels that found anything whose own best passage group is on ``page``: a page covers
    its topic over several passages, and channels that each prefer another of them still agree on it."""
    tops = [max(scores, key=lambda group: scores[group]) for scores in channels.values() if scores]
    return sum(page_of(top) == page for top in tops) / len(tops) if tops else 0.0
