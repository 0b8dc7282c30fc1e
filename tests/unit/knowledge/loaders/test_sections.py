"""Tests for the shared section builder and list-item recognition."""

from __future__ import annotations

import pytest

from knowledge.loaders.sections import SectionBuilder, list_item_text, normalise_space
from knowledge.models import Section


@pytest.mark.parametrize(
    ("line", "expected"),
    [(" • registrering", "registrering"), ("- punkt", "punkt"), ("* punkt", "punkt"), ("1. steg", "1. steg"),
     ("12) steg", "12. steg"), ("-> http://x", None), ("2024 var et år", None), ("Vanlig tekst", None)],
)  # fmt: skip
def test_list_item_text(line: str, expected: str | None) -> None:
    assert list_item_text(line) == expected


def test_normalise_space() -> None:
    assert normalise_space("  a \n\t b\u00a0 c ") == "a b c"


def test_builder_drops_empty_sections_and_blank_blocks() -> None:
    builder = SectionBuilder("Tittel")
    builder.start("Tom")
    builder.start("  Frister ")
    builder.add("  Lever   rapporten. ")
    builder.add("   ")

    assert builder.build() == (Section(heading="Frister", blocks=("Lever rapporten.",)),)
