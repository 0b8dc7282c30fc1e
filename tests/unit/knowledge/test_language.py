"""Language detection of short, informal questions."""

from __future__ import annotations

import pytest

from core.language import Language
from knowledge.language import detect_language


@pytest.mark.parametrize(
    "question",
    [
        "Når er fristen?",
        "hvor mange dagr har vi",
        "kan vi flytte pengar",
        "hva med partnere?",
        "fristen for rapport",
        "budsjett",
        "Må vi levere sluttrapport?",
    ],
)
def test_norwegian_questions_are_norwegian(question: str) -> None:
    assert detect_language(question, default=Language.EN) is Language.NB


@pytest.mark.parametrize(
    "question",
    [
        "wen is teh deadline",
        "how many days do we hav",
        "what about partners?",
        "can we move money",
        "deadline final report",
        "Mobility Tool+",
    ],
)
def test_english_questions_are_english(question: str) -> None:
    assert detect_language(question, default=Language.NB) is Language.EN


@pytest.mark.parametrize("question", ["ærlig talt", "Får vi støtte?", "SØKNAD"])
def test_norwegian_letters_decide(question: str) -> None:
    assert detect_language(question, default=Language.EN) is Language.NB


@pytest.mark.parametrize("text", ["🙂🎉", "?!", "123 456", ""])
@pytest.mark.parametrize("default", list(Language))
def test_text_without_letters_gets_the_default(text: str, default: Language) -> None:
    assert detect_language(text, default=default) is default


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Hva betyr ready for submission?", Language.NB),  # an interface label in a Norwegian question
        ("Hvor klikker jeg Submit for Review?", Language.NB),
        ("who signs kontrakten?", Language.EN),  # a Norwegian word in an English question
        ("What is sluttrapport?", Language.EN),
    ],
)
def test_an_opening_question_word_tells_the_language_of_a_mixed_question(
    question: str, language: Language
) -> None:
    assert detect_language(question) is language
