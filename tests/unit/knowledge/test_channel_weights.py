"""Fusing the channels by whether a passage group has a version in the question's language."""

from __future__ import annotations

from core.language import Language
from knowledge.channel_weights import CROSS_LINGUAL_WEIGHTS, fuse_by_language

# "nb-page" exists in Norwegian, "en-page" only in English; both are found by the same two channels.
_CHANNELS = {"lex": {"nb-page": 9.0, "en-page": 8.0}, "lex_b": {"en-page": 5.0, "nb-page": 1.0}}


def _version(group: str, language: Language) -> object | None:
    return group if group.startswith(language.value) else None


def test_a_group_found_only_across_languages_is_fused_by_the_cross_weights() -> None:
    fused = fuse_by_language(_CHANNELS, Language.NB, _version)
    lex_b = CROSS_LINGUAL_WEIGHTS[Language.NB]["lex_b"]
    lex = CROSS_LINGUAL_WEIGHTS[Language.NB]["lex"]

    assert fused["en-page"] == lex / (10 + 2) + lex_b / (10 + 1)


def test_given_cross_weights_replace_the_shipped_ones_for_that_group_only() -> None:
    shipped = fuse_by_language(_CHANNELS, Language.NB, _version)
    heavier = fuse_by_language(_CHANNELS, Language.NB, _version, {"lex": 0.2, "lex_b": 3.0})

    assert heavier["en-page"] > shipped["en-page"]
    assert heavier["nb-page"] == shipped["nb-page"]
