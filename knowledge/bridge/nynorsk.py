"""Nynorsk: telling it from Bokmål, and normalising it to Bokmål for search (the original is quoted).

Whole pages are normalised with Apertium's ``nno-nob`` translator (Debian ``apertium-nno-nob``) in one
call when the index is opened; questions, too short and too frequent for a process per question, with the
word pairs of Debian's ``dict-freedict-nno-nob``. Without either the text passes unchanged.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
from collections.abc import Callable, Sequence
from functools import lru_cache

from lingua import Language as LinguaLanguage
from lingua import LanguageDetector, LanguageDetectorBuilder

from knowledge.bridge.dictionary import WordPairs, load_pairs
from knowledge.text.tokens import tokenize

log = logging.getLogger(__name__)

# Forms that Nynorsk uses and Bokmål does not: enough of them in a short text settles it.
NYNORSK_MARKERS = frozenset(
    "ikkje kva kven korleis kvifor eg ein eit dykk dykkar dei frå berre vere vore mykje noko nokon "
    "sjølv då høyrer skule skular tilskot søkje søknader ho korleis kor".split()
)
_APERTIUM_TIMEOUT = 120
_MARKER_SHARE = 0.02


@lru_cache(maxsize=1)
def _detector() -> LanguageDetector:
    return LanguageDetectorBuilder.from_languages(LinguaLanguage.BOKMAL, LinguaLanguage.NYNORSK).build()


def is_nynorsk(text: str) -> bool:
    """Whether a Norwegian ``text`` is Nynorsk: two marker words in a short text; in a long one, markers
    in at least 2 % of the words, or the statistical detector when there are some but fewer."""
    tokens = tokenize(text)
    markers = sum(token in NYNORSK_MARKERS for token in tokens)
    if markers < 2:
        return False
    if len(tokens) < 40 or markers >= _MARKER_SHARE * len(tokens):
        return True
    return bool(_detector().detect_language_of(text) == LinguaLanguage.NYNORSK)


class NynorskNormaliser:
    """Turns Nynorsk into Bokmål for search.

    Args:
        pairs: Reads the Nynorsk → Bokmål word pairs (the fallback, and the question path) when first
            needed; it returns None without them.
        apertium: Path of the ``apertium`` program, or None to use the word pairs for pages too.
    """

    def __init__(self, *, pairs: Callable[[], WordPairs | None], apertium: str | None) -> None:
        self._read_pairs = lru_cache(maxsize=1)(pairs)
        self._apertium = apertium

    @classmethod
    def from_system(cls) -> NynorskNormaliser:
        """Apertium and the word pairs where Debian installed them (logged once when missing)."""
        apertium = shutil.which("apertium")
        if apertium is None:
            log.warning(
                "apertium not found: Nynorsk pages are normalised word by word (apt apertium-nno-nob)"
            )
        return cls(pairs=lambda: load_pairs("freedict-nno-nob"), apertium=apertium)

    @property
    def uses_apertium(self) -> bool:
        """Whether pages are normalised with Apertium (rather than word by word)."""
        return self._apertium is not None

    def pages(self, texts: Sequence[str]) -> list[str]:
        """Bokmål renderings of ``texts`` (one Apertium call for all; word pairs when it fails)."""
        if not texts:
            return []
        if self._apertium is not None:
            flat = [" ".join(text.split()) for text in texts]
            try:
                done = subprocess.run(
                    [self._apertium, "-u", "-f", "txt", "nno-nob"],
                    input="\n\n".join(flat) + "\n",
                    capture_output=True,
                    text=True,
                    timeout=_APERTIUM_TIMEOUT,
                    check=True,
                )
                out = [part.strip() for part in done.stdout.split("\n\n")]
                if len(out) >= len(flat):
                    return out[: len(flat)]
                log.warning("apertium returned %d texts for %d: using word pairs", len(out), len(flat))
            except (OSError, subprocess.SubprocessError) as error:
                log.warning("apertium failed (%s): using word pairs", error)
        return [self.words(text) for text in texts]

    def words(self, text: str) -> str:
        """``text`` with each Nynorsk word replaced by its first Bokmål pair (others unchanged)."""
        pairs = self._read_pairs()
        if pairs is None:
            return text
        out = []
        for token in tokenize(text):
            targets = pairs.pairs.get(token)
            out.append(targets[0] if targets and token not in targets else token)
        return " ".join(out)
