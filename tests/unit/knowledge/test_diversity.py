"""Copies of a passage move behind the passages that say something different."""

from __future__ import annotations

from knowledge.diversity import distinct_first, overlap

TERMS = {
    "a": frozenset({"sluttrapport", "frist", "dag", "lever"}),
    "a-copy": frozenset({"sluttrapport", "frist", "dag", "lever", "ka210"}),
    "b": frozenset({"budsjett", "overfør", "post"}),
    "c": frozenset({"resultat", "plattform", "last"}),
}


def test_overlap_is_shared_over_all_terms() -> None:
    assert overlap(TERMS["a"], TERMS["a-copy"]) == 0.8
    assert overlap(TERMS["a"], TERMS["b"]) == 0.0
    assert overlap(frozenset(), frozenset()) == 0.0


def test_a_copy_moves_behind_the_different_passages_and_stays_in_the_list() -> None:
    ranked = ["a", "a-copy", "b", "c"]

    assert distinct_first(ranked, TERMS.__getitem__, k=3) == ["a", "b", "c", "a-copy"]


def test_only_copies_met_before_k_different_passages_are_kept() -> None:
    ranked = ["a", "b", "c", "a-copy"]

    assert distinct_first(ranked, TERMS.__getitem__, k=2) == ["a", "b"]


def test_passages_below_the_overlap_are_all_different() -> None:
    ranked = ["a", "a-copy", "b"]

    assert distinct_first(ranked, TERMS.__getitem__, k=3, alike=0.9) == ranked
