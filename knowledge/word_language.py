"""Telling a message's language from the words the guidance knows, when its sentences do not tell (pure).

«frist?» or "deadline?" has no function words for the detectors to read, and a chat otherwise answers in the
person's last language: «frist?» after an English question was searched as an English word and declined. A
word the pages (or the glossary) know in one language only says which language the asker used.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from core.language import Language
from knowledge.text.stopwords import is_stopword
from knowledge.text.tokens import tokenize

Knows = Callable[[str, Language], bool]


def language_of_words(words: Iterable[str], knows: Knows) -> Language | None:
    """The one language that knows some of ``words`` while the other knows none of those it alone knows:
    Bokmål for «frist», English for "deadline", None for «status» (both) or for words neither knows."""
    only = {language: 0 for language in Language}
    for word in words:
        known = [language for language in Language if knows(word, language)]
        if len(known) == 1:
            only[known[0]] += 1
    told = [language for language, count in only.items() if count]
    return told[0] if len(told) == 1 else None


def content_words(text: str) -> list[str]:
    """The words of ``text`` that are stop words in neither language."""
    return [word for word in tokenize(text) if not any(is_stopword(word, lang) for lang in Language)]
