"""The language resources a deployment has: the general dictionary and the Nynorsk normaliser."""

from __future__ import annotations

from dataclasses import dataclass

from knowledge.bridge.lexicon import WordLexicon
from knowledge.bridge.nynorsk import NynorskNormaliser


@dataclass(frozen=True)
class LanguageResources:
    """What the cross-language bridges are built from.

    Attributes:
        lexicon: English ↔ Norwegian word pairs, or None (glossary only).
        normaliser: Nynorsk → Bokmål for search.
    """

    lexicon: WordLexicon | None
    normaliser: NynorskNormaliser

    def describe(self) -> str:
        """Which resources are present (bridges written with others are written again)."""
        return f"dictionary={self.lexicon is not None};apertium={self.normaliser.uses_apertium}"

    @classmethod
    def from_system(cls) -> LanguageResources:
        """Whatever Debian installed (each missing piece is logged once and skipped)."""
        return cls(lexicon=WordLexicon.from_system(), normaliser=NynorskNormaliser.from_system())

    @classmethod
    def glossary_only(cls) -> LanguageResources:
        """No dictionary and no Apertium: what a machine without the Debian packages has."""
        return cls(lexicon=None, normaliser=NynorskNormaliser(pairs=lambda: None, apertium=None))
