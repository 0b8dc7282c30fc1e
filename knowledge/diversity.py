"""Passages that say the same thing: among many pages that read alike (the same guidance for another action,
another year, an archived copy), the best passages shown first should each say something different.

Two passages are alike when their index terms, numbers left out, overlap by at least ``ALIKE`` (Jaccard).
The figure is set a priori from where the pairwise overlaps of the top passages fall apart at 1,000 pages
(``bench/scale.py`` corpora): copies with swapped names and numbers overlap 0.5–1.0, different passages
0.0–0.4, and almost none in between; it is not fitted on any hit rate.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

ALIKE = 0.5


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Jaccard overlap of two term sets (0 when both are empty)."""
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def distinct_first(
    ranked: Sequence[str], terms: Callable[[str], frozenset[str]], *, k: int, alike: float = ALIKE
) -> list[str]:
    """The ``k`` best items of ``ranked`` that are not alike an item before them, then (up to ``k``) the
    alike items met on the way, in their order: a copy moves behind the different passages, not out.

    Args:
        ranked: Items, best first.
        terms: The terms of an item.
        k: How many different items to find.
        alike: Overlap from which an item counts as a copy of an earlier one.
    """
    chosen: list[tuple[str, frozenset[str]]] = []
    copies: list[str] = []
    for item in ranked:
        if len(chosen) == k:
            break
        found = terms(item)
        if any(overlap(found, earlier) >= alike for _, earlier in chosen):
            copies.append(item)
        else:
            chosen.append((item, found))
    return [item for item, _ in chosen] + copies[:k]
