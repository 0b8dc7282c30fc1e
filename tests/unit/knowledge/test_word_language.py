"""A short message's language from the words only one language knows (pure)."""

from __future__ import annotations

from core.language import Language
from knowledge.word_language import language_of_words

VOCABULARY = {
    Language.NB: {"frist", "status", "sluttrapport"},
    Language.EN: {"deadline", "status", "report"},
}


def knows(word: str, language: Language) -> bool:
    return word in VOCABULARY[language]


def test_a_word_only_one_language_knows_tells_the_language() -> None:
    assert language_of_words(["frist"], knows) is Language.NB
    assert language_of_words(["deadline"], knows) is Language.EN
    assert language_of_words(["frist", "sluttrapport", "xyz"], knows) is Language.NB


def test_shared_unknown_or_mixed_words_tell_nothing() -> None:
    assert language_of_words(["status"], knows) is None
    assert language_of_words(["xyz"], knows) is None
    assert language_of_words([], knows) is None
    assert language_of_words(["frist", "deadline"], knows) is None
