"""Norwegian compound splitting and its use in index terms."""

from __future__ import annotations

import pytest

from core.language import Language
from knowledge.text.analyzer import Analyzer
from knowledge.text.compounds import CompoundSplitter


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("sluttrapporten", ("slutt", "rapporten")),
        ("budsjettposter", ("budsjett", "poster")),
        ("prosjektstyringsverktøyet", ("prosjekt", "styring", "verktøyet")),  # linking "s"
        ("barnehage", ("barne", "hage")),
    ],
)
def test_compounds_split_into_known_parts(word: str, parts: tuple[str, ...]) -> None:
    assert CompoundSplitter([]).parts(word) == parts


@pytest.mark.parametrize("word", ["rapport", "abcdefgh", "sluttrapport2", "hus"])
def test_short_unknown_or_non_alphabetic_words_are_not_split(word: str) -> None:
    assert CompoundSplitter([]).parts(word) == ()


def test_indexed_words_extend_the_known_parts() -> None:
    assert CompoundSplitter([]).parts("søknadsportalen") == ()
    assert CompoundSplitter(["portalen"]).parts("søknadsportalen") == ("søknad", "portalen")


def test_compound_terms_include_the_stems_of_their_parts() -> None:
    analyzer = Analyzer(CompoundSplitter([]))

    terms = analyzer.terms("sluttrapporten", Language.NB)

    assert set(analyzer.terms("rapporten", Language.NB)) <= set(terms)


def test_inflected_compounds_meet_through_stems() -> None:
    analyzer = Analyzer(CompoundSplitter([]))

    page = set(analyzer.terms("Det er mulig å flytte midler mellom budsjettposter.", Language.NB))
    question = analyzer.terms("Kan vi flytte penger mellom budsjettpostene?", Language.NB)

    assert {"budsjettpost", "budsjett", "post"} <= page & set(question)


def test_english_words_are_not_split() -> None:
    analyzer = Analyzer(CompoundSplitter([]))

    assert analyzer.terms("sluttrapporten", Language.EN) == ["sluttrapporten"]
