"""Telling Nynorsk from Bokmål and normalising it for search."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from knowledge.bridge.dictionary import WordPairs
from knowledge.bridge.nynorsk import NynorskNormaliser, is_nynorsk

CORPUS_A = Path(__file__).resolve().parents[3] / "../shared/eval/corpus_a"


@pytest.mark.skipif(not CORPUS_A.is_dir(), reason="shared/eval/corpus_a is not beside the repo")
def test_whole_pages_are_told_apart() -> None:
    assert is_nynorsk((CORPUS_A / "01_samarbeidspartnarskap_utlysing.md").read_text(encoding="utf-8"))
    assert is_nynorsk((CORPUS_A / "02_smaaskalapartnarskap_tildelt_2024.md").read_text(encoding="utf-8"))
    assert not is_nynorsk((CORPUS_A / "03_soknad_midler_akkrediterte.md").read_text(encoding="utf-8"))


def test_questions_are_told_apart_by_their_words() -> None:
    assert is_nynorsk("Kven kan søke, og kva må vi gjere?")
    assert not is_nynorsk("Hvem kan søke, og hva må vi gjøre?")


def test_word_pairs_normalise_a_question() -> None:
    normaliser = NynorskNormaliser(
        pairs=lambda: WordPairs({"kven": ["hvem"], "skule": ["skole", "skule"]}), apertium=None
    )

    assert normaliser.words("Kven på skulen") == "hvem på skulen"
    assert normaliser.pages(["kven"]) == ["hvem"]


def test_without_any_resource_the_text_passes_unchanged() -> None:
    assert NynorskNormaliser(pairs=lambda: None, apertium=None).pages(["Kven kan søke"]) == ["Kven kan søke"]


@pytest.mark.skipif(shutil.which("apertium") is None, reason="apertium-nno-nob is not installed")
def test_apertium_normalises_pages_in_one_call() -> None:
    normaliser = NynorskNormaliser.from_system()

    first, second = normaliser.pages(["Kven kan søke?\nAlle typar organisasjonar.", "Kva er tilskotet?"])

    assert first.startswith("Hvem kan søke?") and "organisasjoner" in first
    assert second.startswith("Hva er tilskuddet")
