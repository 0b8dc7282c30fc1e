"""Typo repair limits."""

from __future__ import annotations

import pytest

from knowledge.text.fuzzy import closest_term, edit_distance

VOCABULARY = ["sluttrapport", "rapport", "lenke", "button", "deadline", "budsjett", "prosjekt", "prosjektet"]


@pytest.mark.parametrize(
    ("a", "b", "distance"),
    [("abc", "abc", 0), ("ab", "ba", 1), ("kitten", "sitting", 3), ("rapport", "raport", 1)],
)
def test_edit_distance_counts_transpositions_as_one_edit(a: str, b: str, distance: int) -> None:
    assert edit_distance(a, b, limit=3) == distance


def test_edit_distance_stops_above_the_limit() -> None:
    assert edit_distance("a", "abcdef") == 3
    assert edit_distance("abcdef", "ghijkl") == 3


@pytest.mark.parametrize(
    ("typo", "meant"),
    [
        ("raport", "rapport"),  # dropped letter
        ("rapprot", "rapport"),  # swapped letters
        ("budsjet", "budsjett"),
        ("dedline", "deadline"),
        ("buton", "button"),  # five letters: a dropped letter is repaired
        ("sluttrpaprot", "sluttrapport"),  # long words allow two edits
        ("rapport", "rapport"),
    ],
)
def test_plausible_typos_are_repaired(typo: str, meant: str) -> None:
    assert closest_term(typo, VOCABULARY) == meant


@pytest.mark.parametrize(
    "term",
    [
        "lenge",  # five letters, a substitution: too risky ("lenge" is a word of its own)
        "rap",  # shorter than five letters
        "rapp0rt",  # not alphabetic
        "xprosjekt",  # first letter differs
        "rappxrx",  # two edits in a seven-letter word
    ],
)
def test_implausible_repairs_are_refused(term: str) -> None:
    assert closest_term(term, VOCABULARY) is None
