"""Norwegian compound splitting: "sluttrapporten" → "slutt" + "rapport".

Norwegian writes compounds as one word, so a question about "rapporten" must still meet a page that says
"sluttrapporten". A word is split into parts that are known words (from the indexed text and a small
built-in list of common stems), allowing the linking letters "s" and "e" between parts.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from core.language import Language
from knowledge.text.stemming import stem

_MIN_PART = 3
_MIN_WORD = 7
_MAX_WORD = 60  # longer "words" are not compounds; splitting them would cost far more than it could find
_LINKS = ("", "s", "e")

# Common Norwegian compound parts in school, project and grant language.
COMMON_PARTS = frozenset(
    """
    slutt rapport budsjett post prosjekt styring verktøy skole utveksling partner skap barne barn hage
    midler middel resultat plattform frist dato reise elev lærer ansatt kurs søknad kontrakt endring dokument
    faktura opphold støtte dag sats mobilitet samarbeid organisasjon tiltak utdanning etter bilag original
    leder deltaker registrering drift kontroll aktivitet nett side plan periode tid frist mål tema bruk
    konto mottaker avtale krav ramme tilskudd beløp penger kostnad utgift reiseutgift forsikring innsending
    ungdom voksen opplæring fag kompetanse hospitering undervisning materiell presentasjon spørre
    undersøkelse innhold vedlegg skjema bekreftelse koordinator stat strategi innovasjon myndighet
    kommune fylke region land europa språk
    """.split()
)


class CompoundSplitter:
    """Splits Norwegian compounds into known parts.

    Args:
        vocabulary: Known lower-case words (typically every word of the indexed text).
    """

    def __init__(self, vocabulary: Iterable[str]) -> None:
        words = {word for word in vocabulary if len(word) >= _MIN_PART} | COMMON_PARTS
        self._words = frozenset(words)
        self._stems = frozenset(stem(word, Language.NB) for word in words)

    def parts(self, word: str) -> tuple[str, ...]:
        """The parts of ``word`` (empty when it is not a compound of known parts)."""
        if not _MIN_WORD <= len(word) <= _MAX_WORD or not word.isalpha():
            return ()
        return self._split(word)

    @lru_cache(maxsize=50_000)  # noqa: B019 - one splitter per index, bounded cache
    def _split(self, word: str) -> tuple[str, ...]:
        best = self._best_split(word, 0)
        return best if best is not None and len(best) >= 2 else ()

    def _best_split(self, word: str, start: int) -> tuple[str, ...] | None:
        tail = word[start:]
        if start > 0 and self._is_final_part(tail):
            return (tail,)
        best: tuple[str, ...] | None = None
        for end in range(len(word) - _MIN_PART, start + _MIN_PART - 1, -1):
            head = word[start:end]
            if head not in self._words:
                continue
            for link in _LINKS:
                if not word.startswith(link, end):
                    continue
                rest = self._best_split(word, end + len(link)) if end + len(link) < len(word) else None
                if rest is not None and (best is None or len(rest) + 1 < len(best)):
                    best = (head, *rest)
        return best

    def _is_final_part(self, part: str) -> bool:
        return len(part) >= _MIN_PART and (part in self._words or stem(part, Language.NB) in self._stems)
