"""Reciprocal-rank fusion."""

from __future__ import annotations

import pytest

from knowledge.fusion import channel_agreement, rank, reciprocal_rank_fusion


def test_rank_orders_by_descending_score_and_breaks_ties_by_key() -> None:
    assert rank({"a": 0.1, "b": 0.9, "c": 0.5, "d": 0.5}) == {"b": 1, "c": 2, "d": 3, "a": 4}


def test_fusion_sums_reciprocal_ranks_across_channels() -> None:
    fused = reciprocal_rank_fusion({"lex": {"a": 9.0, "b": 1.0}, "dense": {"b": 0.9, "c": 0.2}}, k=10)

    assert fused == pytest.approx({"a": 1 / 11, "b": 1 / 12 + 1 / 11, "c": 1 / 12})


def test_only_ranks_matter_not_raw_scores() -> None:
    small = reciprocal_rank_fusion({"x": {"a": 0.02, "b": 0.01}})
    large = reciprocal_rank_fusion({"x": {"a": 2000.0, "b": 1.0}})

    assert small == large


def test_agreement_between_channels_beats_one_strong_channel() -> None:
    fused = reciprocal_rank_fusion({"lex": {"top": 5.0, "both": 4.0}, "dense": {"both": 0.8, "other": 0.7}})

    assert max(fused, key=fused.__getitem__) == "both"


def test_weights_scale_each_channel() -> None:
    channels = {"lex": {"a": 2.0, "b": 1.0}, "dense": {"b": 2.0, "a": 1.0}}

    even = reciprocal_rank_fusion(channels)
    lex_heavy = reciprocal_rank_fusion(channels, weights={"lex": 1.0, "dense": 0.5})

    assert even["a"] == pytest.approx(even["b"])
    assert lex_heavy["a"] > lex_heavy["b"]
    assert lex_heavy["a"] == pytest.approx(1 / 11 + 0.5 / 12)


def test_zero_weight_silences_a_channel() -> None:
    fused = reciprocal_rank_fusion({"lex": {"a": 1.0}, "noise": {"b": 1.0}}, weights={"noise": 0.0})

    assert fused["b"] == 0.0
    assert fused["a"] > 0.0


def test_channels_agree_on_a_page_even_when_each_prefers_another_of_its_passages() -> None:
    page_of = {"a#0": "a", "a#1": "a", "b#0": "b"}.__getitem__
    channels = {
        "lex": {"a#0": 3.0, "b#0": 1.0},
        "dense": {"a#1": 0.7, "a#0": 0.5},
        "dense_x": {"b#0": 0.6, "a#0": 0.4},
        "lex_x": {},  # found nothing: not counted
    }

    assert channel_agreement(channels, "a", page_of) == 2 / 3
    assert channel_agreement(channels, "b", page_of) == 1 / 3
    assert channel_agreement({}, "a", page_of) == 0.0
