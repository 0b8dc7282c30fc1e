"""Detecting whether a question is Norwegian or English."""

from __future__ import annotations

from functools import lru_cache

from lingua import Language as LinguaLanguage
from lingua import LanguageDetector, LanguageDetectorBuilder

from core.language import Language
from knowledge.text.stopwords import STOPWORDS
from knowledge.text.tokens import tokenize

_NORWEGIAN_LETTERS = frozenset("æøå")
_TO_OURS = {
    LinguaLanguage.BOKMAL: Language.NB,
    LinguaLanguage.NYNORSK: Language.NB,
    LinguaLanguage.DANISH: Language.NB,
    LinguaLanguage.SWEDISH: Language.NB,
    LinguaLanguage.ENGLISH: Language.EN,
}


# A question's opening word, when it is a question word of one language only, says which language the asker
# writes in, whatever names or interface labels follow («Hva betyr ready for submission?», "who signs
# kontrakten?"). Words written alike in both ("kan"/"can" differ, "for" does not) are left out.
_OPENERS = {
    Language.NB: frozenset(
        "hva hvem hvor hvordan hvorfor når hvilken hvilke hvilket kva kven kvar korleis kvifor kor må".split()
    ),
    Language.EN: frozenset("what who whom where how why when which does do should could would".split()),
}


def _opening_question_word(tokens: list[str]) -> Language | None:
    """The language whose question word opens ``tokens``, if any."""
    first = tokens[0] if tokens else ""
    return next((language for language, words in _OPENERS.items() if first in words), None)


@lru_cache(maxsize=1)
def _detector() -> LanguageDetector:
    return LanguageDetectorBuilder.from_languages(*_TO_OURS).with_low_accuracy_mode().build()


def _stopword_vote(tokens: list[str]) -> int:
    """Positive when Norwegian stop words outnumber English ones."""
    nb = sum(token in STOPWORDS[Language.NB] for token in tokens)
    en = sum(token in STOPWORDS[Language.EN] for token in tokens)
    return nb - en


def detect_language(text: str, *, default: Language = Language.NB) -> Language:
    """The language of ``text``: Norwegian Bokmål or English.

    Short or mixed texts lean on Norwegian letters, an opening question word and stop words before the
    statistical detector; text with no letters at all gets ``default``.
    """
    tokens = tokenize(text)
    if not any(char.isalpha() for char in text):
        return default
    if _NORWEGIAN_LETTERS & set(text.lower()):
        return Language.NB
    opener = _opening_question_word(tokens)
    if opener is not None:
        return opener
    vote = _stopword_vote(tokens)
    if abs(vote) >= 2:
        return Language.NB if vote > 0 else Language.EN
    found = _detector().detect_language_of(text)
    if found is None:
        return default if vote == 0 else (Language.NB if vote > 0 else Language.EN)
    return _TO_OURS[found]


def detect_language_if_clear(text: str) -> Language | None:
    """The language of ``text`` when it says enough to tell (three words, or Norwegian letters), else None.

    Commands such as "status" or "start final-report" do not tell; a chat keeps the person's last language.
    """
    if _NORWEGIAN_LETTERS & set(text.lower()):
        return Language.NB
    if len(tokenize(text)) < 3:
        return None
    return detect_language(text)
