"""A small default language guesser for documents without a declared language.

It counts Norwegian letters and common function words; the real detector is passed in by the caller.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from core.language import Language

LanguageDetector = Callable[[str], Language]
"""Something that tells which supported language a text is written in."""

_NORWEGIAN_LETTERS = frozenset("æøåÆØÅ")
_NORWEGIAN_WORDS = frozenset({
    "og", "er", "det", "som", "på", "til", "av", "med", "skal", "ikke", "har", "du", "kan", "å", "vi",
    "dere", "eller", "fra", "den", "deg", "seg", "sin", "hvis", "hvordan", "hva", "når", "må", "blir",
    "etter", "også", "mellom", "under", "ved", "deres", "man",
})  # fmt: skip
_ENGLISH_WORDS = frozenset({
    "the", "and", "of", "to", "is", "are", "with", "you", "can", "be", "on", "that", "this", "it", "by",
    "or", "from", "will", "not", "have", "has", "if", "how", "what", "when", "must", "after", "also",
    "between", "your", "which",
})  # fmt: skip
_WORD = re.compile(r"[^\W\d_]+")


def guess_language(text: str) -> Language:
    """Guess whether a text is Norwegian or English.

    Args:
        text: The text to inspect.

    Returns:
        ``Language.EN`` when English function words clearly dominate, otherwise ``Language.NB``
        (the language of the source pages).
    """
    words = [word.lower() for word in _WORD.findall(text)]
    norwegian = sum(word in _NORWEGIAN_WORDS for word in words)
    norwegian += sum(char in _NORWEGIAN_LETTERS for char in text)
    english = sum(word in _ENGLISH_WORDS for word in words)
    return Language.EN if english > norwegian else Language.NB


def language_from_code(code: str) -> Language | None:
    """Map a declared code such as ``nb``, ``nn``, ``no``, ``en``, ``nb-NO`` or ``en_GB`` to a language.

    Args:
        code: The code as written in front matter or an HTML ``lang`` attribute.

    Returns:
        The language, or None when the code is not one the bot supports.
    """
    primary = re.split(r"[-_]", code.strip().lower(), maxsplit=1)[0]
    if primary in ("nb", "no", "nn", "nob", "nno", "nor"):
        return Language.NB
    if primary in ("en", "eng"):
        return Language.EN
    return None
