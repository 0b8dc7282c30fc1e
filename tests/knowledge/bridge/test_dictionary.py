"""Reading dictd dictionaries (the format of Debian's dict-freedict-* packages), on files made here."""

from __future__ import annotations

import gzip
import logging
from pathlib import Path

import pytest

from knowledge.bridge.dictionary import WordPairs, load_pairs, read_dictd, translations

_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

SCHOOL = (
    "school //skuːl// <n>\n1. fakultet, skole\na department/institute at a college or university\n"
    "2. skole 2.\nan institution dedicated to teaching and learning\n 3.\n(collectively) the followers\n"
    "3. stim\na group of fish\n"
)


def _encode(number: int) -> str:
    digits = ""
    while True:
        digits = _B64[number % 64] + digits
        number //= 64
        if not number:
            return digits


def write_dictd(folder: Path, name: str, entries: dict[str, str]) -> None:
    """A dictd dictionary with ``entries`` (headword → entry text) in ``folder``."""
    data, index = b"", []
    for headword, entry in entries.items():
        raw = entry.encode("utf-8")
        index.append(f"{headword}\t{_encode(len(data))}\t{_encode(len(raw))}")
        data += raw
    (folder / f"{name}.index").write_text(
        "00databaseinfo\tA\tB\n" + "\n".join(index) + "\n", encoding="utf-8"
    )
    with gzip.open(folder / f"{name}.dict.dz", "wb") as out:
        out.write(data)


def test_translations_keep_the_first_senses_and_skip_definitions() -> None:
    assert translations(SCHOOL) == ["fakultet", "skole", "skole"]


def test_an_unnumbered_entry_has_one_translation_line() -> None:
    assert translations("teacher //ˈtiːt͡ʃə// <n>\nlærer\nperson who teaches\n") == ["lærer"]


def test_read_dictd_finds_every_headword(tmp_path: Path) -> None:
    write_dictd(
        tmp_path, "t-eng-nor", {"school": SCHOOL, "teacher": "teacher <n>\nlærer\nperson who teaches\n"}
    )

    pairs = read_dictd(tmp_path / "t-eng-nor.index", tmp_path / "t-eng-nor.dict.dz")

    assert pairs.pairs == {"school": ["fakultet", "skole"], "teacher": ["lærer"]}


def test_inversion_puts_first_senses_first() -> None:
    pairs = WordPairs({"buttress": ["støtte"], "support": ["bære", "støtte"], "prop": ["støtte"]})

    assert pairs.inverted().pairs["støtte"] == ["buttress", "prop", "support"]
    assert pairs.inverted().pairs["bære"] == ["support"]


def test_a_missing_dictionary_is_logged_and_none(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        assert load_pairs("freedict-eng-nor", folder=tmp_path) is None
    assert "dict-freedict-eng-nor" in caplog.text
