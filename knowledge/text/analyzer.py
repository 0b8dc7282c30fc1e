"""Turning text into index terms: tokens → stop words out → stems, plus compound parts for Norwegian."""

from __future__ import annotations

from collections.abc import Iterable

from core.language import Language
from knowledge.text.compounds import CompoundSplitter
from knowledge.text.stemming import stem
from knowledge.text.stopwords import is_stopword
from knowledge.text.tokens import tokenize, tokenize_question


class Analyzer:
    """Produces the lexical terms of a text in one language.

    Args:
        splitter: Splits Norwegian compounds; its vocabulary is the indexed text.
    """

    def __init__(self, splitter: CompoundSplitter) -> None:
        self._splitter = splitter

    def content_words(self, text: str, language: Language) -> list[str]:
        """The lower-case words of ``text`` that are not stop words."""
        return [word for word in tokenize(text) if not is_stopword(word, language)]

    def question_words(self, text: str, language: Language) -> list[str]:
        """The content words of a question (a hyphenated word once, joined)."""
        return [word for word in tokenize_question(text) if not is_stopword(word, language)]

    def terms(self, text: str, language: Language) -> list[str]:
        """Index terms of ``text``: stems of content words, and for Norwegian the stems of compound parts."""
        return self.terms_of_words(self.content_words(text, language), language)

    def compound_parts(self, word: str) -> tuple[str, ...]:
        """The known Norwegian parts of ``word`` (empty when it is not a compound)."""
        return self._splitter.parts(word)

    def terms_of_words(self, words: Iterable[str], language: Language) -> list[str]:
        """Index terms of already tokenised content words."""
        terms: list[str] = []
        for word in words:
            terms.append(stem(word, language))
            if language is Language.NB:
                terms.extend(stem(part, language) for part in self._splitter.parts(word))
        return terms
