"""Tests for the default language guesser and declared language codes."""

from __future__ import annotations

import pytest

from core.language import Language
from knowledge.language import detect_language
from knowledge.loaders.language_guess import language_from_code


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Skoleutvekslingspartnerskap skal levere en sluttrapport innen 60 dager etter endt prosjekt.",
            Language.NB,
        ),
        ("Når må vi sende inn rapporten?", Language.NB),
        (
            "Partnerships must submit a final report within 60 days of the end of the project.",
            Language.EN,
        ),
        ("How do I upload the results?", Language.EN),
        ("", Language.NB),
    ],
)
def test_detect_language(text: str, expected: Language) -> None:
    assert detect_language(text) is expected


@pytest.mark.parametrize(
    ("code", "expected"),
    [("nb", Language.NB), ("nb-NO", Language.NB), ("no", Language.NB), ("nn", Language.NB),
     ("en", Language.EN), ("en_GB", Language.EN), ("EN-us", Language.EN), ("de", None), ("", None)],
)  # fmt: skip
def test_language_from_code(code: str, expected: Language | None) -> None:
    assert language_from_code(code) is expected
