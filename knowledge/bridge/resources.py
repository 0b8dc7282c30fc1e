"""The language resources a deployment has: the general dictionary and the Nynorsk normaliser."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from knowledge.bridge.lemmas import BokmalLemmas
from knowledge.bridge.lexicon import WordLexicon
from knowledge.bridge.nynorsk import NynorskNormaliser


@dataclass(frozen=True)
class LanguageResources:
    """What the cross-language bridges are built from.

    Attributes:
        lexicon: English ↔ Norwegian word pairs, or None (glossary only).
        normaliser: Nynorsk → Bokmål for search.
        lemmas: Bokmål lemmas and their Danish pivot for the glosses of Norwegian pages, or None.
    """

    lexicon: WordLexicon | None
    normaliser: NynorskNormaliser
    lemmas: BokmalLemmas | None = None

    def describe(self) -> str:
        """Which resources are present (bridges written with others are written again)."""
        return (
            f"dictionary={self.lexicon is not None};apertium={self.normaliser.uses_apertium};"
            f"lemmas={self.lemmas is not None}"
        )

    def english_forms(self, texts: Sequence[str]) -> dict[str, tuple[str, ...]]:
        """English for the Bokmål word forms of the pages ``texts`` by their lemmas ({} without the
        analyser)."""
        return self.lemmas.english(texts, self._known) if self.lemmas is not None else {}

    def question_forms(self, text: str) -> dict[str, tuple[str, ...]]:
        """Like :meth:`english_forms`, for the words of a question (no tagger, under a millisecond)."""
        return self.lemmas.question(text, self._known) if self.lemmas is not None else {}

    def _known(self, word: str) -> tuple[str, ...]:
        return self.lexicon.known(word) if self.lexicon is not None else ()

    @classmethod
    def from_system(cls) -> LanguageResources:
        """Whatever Debian installed (each missing piece is logged once and skipped)."""
        return cls(
            lexicon=WordLexicon.from_system(),
            normaliser=NynorskNormaliser.from_system(),
            lemmas=BokmalLemmas.from_system(),
        )

    @classmethod
    def glossary_only(cls) -> LanguageResources:
        """No dictionary and no Apertium: what a machine without the Debian packages has."""
        return cls(lexicon=None, normaliser=NynorskNormaliser(pairs=lambda: None, apertium=None))
