"""Typo repair: the closest known term within one or two edits (optimal string alignment distance)."""

from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz.distance import OSA


def edit_distance(a: str, b: str, *, limit: int = 2) -> int:
    """Optimal string alignment distance between ``a`` and ``b``; values above ``limit`` come back as limit+1."""
    return int(OSA.distance(a, b, score_cutoff=limit))


def closest_term(term: str, vocabulary: Iterable[str]) -> str | None:
    """The vocabulary term nearest to ``term`` if it is a plausible typo of it, else None.

    Words shorter than five letters are never repaired (too many near neighbours), five-letter words only
    for a dropped letter; one edit is allowed up to eight letters, two beyond.
    """
    if len(term) < 5 or not term.isalpha():
        return None
    limit = 1 if len(term) <= 8 else 2
    best, best_distance = None, limit + 1
    for candidate in vocabulary:
        if candidate[:1] != term[:1] or abs(len(candidate) - len(term)) > limit:
            continue
        if len(term) == 5 and len(candidate) != 6:
            continue  # five letters: only a dropped letter ("buton"), never a swap ("lenge" → "lenke")
        distance = edit_distance(term, candidate, limit=limit)
        if distance < best_distance:
            best, best_distance = candidate, distance
    return best
