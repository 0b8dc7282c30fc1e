"""English for Bokmål word forms, from their lemmas (Apertium's ``apertium-dan-nor``).

The general dictionary lists base forms ("tildele", "høy", "part") and few of the administrative words;
a page says "tildelt", "høyest", "parter", "prosjekttittelen", "endringene". Apertium's Bokmål analyser
gives each written form its lemmas and splits compounds into parts; its Bokmål–Danish bilingual dictionary
gives each lemma's Danish lemma, and Debian's Danish–English dictionary (``dict-freedict-dan-eng``) fills in
what the English–Norwegian one lacks ("endring" → "ændring" → "change").

Pages are analysed at ingest, all in one run and disambiguated in context by Apertium's tagger. A question
is analysed by the analyser alone, kept running (:mod:`knowledge.bridge.apertium_pipe`): under a millisecond,
where the tagger would add ten; of a word's analyses, the first whose lemmas the dictionaries know is used.

Without the packages this gives nothing (logged once) and words are translated as written, as before.
"""

from __future__ import annotations

import logging
import re
import subprocess
from collections.abc import Callable, Sequence
from pathlib import Path

from knowledge.bridge.apertium_pipe import ApertiumPipe
from knowledge.bridge.dictionary import WordPairs, load_pairs

log = logging.getLogger(__name__)

APERTIUM_FOLDER = Path("/usr/share/apertium/apertium-dan-nor")
_TIMEOUT = 300
_PER_PART = 2  # English words kept per lemma: the first senses are the common ones
_UNIT = re.compile(r"\^((?:[^$\\]|\\.)*)\$")
_TAGS = re.compile(r"<[^>]*>")
_ESCAPED = re.compile(r"\\(.)")
_ANALYSER = "nob-dan.automorf.bin"
_BILINGUAL = "nor-dan.autobil.bin"

Lookup = Callable[[str], tuple[str, ...]]
Analysis = list[str]  # the tagged lemmas of a word's parts ("prosjekt<n>…<cmp>", "tittel<n>…")


def _plain(text: str) -> str:
    return _ESCAPED.sub(r"\1", text)


def _split_unit(unit: str) -> tuple[str, list[Analysis]]:
    """``surface/lemma<tags>+lemma<tags>/…`` → the surface and each analysis's parts (unknown: none)."""
    fields = re.split(r"(?<!\\)/", unit)
    analyses = [
        [part for part in re.split(r"(?<!\\)\+", field) if part]
        for field in fields[1:]
        if field and not field.startswith("*")
    ]
    return _plain(fields[0]), analyses


def _lemma(tagged: str) -> str:
    return _plain(_TAGS.sub("", tagged)).lower()


def _units(stream: str) -> dict[str, list[Analysis]]:
    """Each written word (lower-cased) and its analyses (the last occurrence's, for a repeated one)."""
    found: dict[str, list[Analysis]] = {}
    for unit in _UNIT.findall(stream):
        surface, analyses = _split_unit(unit)
        if analyses and surface.isalpha():
            found[surface.lower()] = analyses
    return found


class BokmalLemmas:
    """Bokmål word forms → English words by lemma.

    Args:
        folder: The installed ``apertium-dan-nor`` data.
        danish: Reads the Danish → English word pairs (``dict-freedict-dan-eng``), or gives None; called on
            first use, so starting the bot never waits for it.
    """

    def __init__(self, folder: Path, danish: Callable[[], WordPairs | None]) -> None:
        self._folder = folder
        self._read_danish = danish
        self._pairs: WordPairs | None = None
        self._read = False
        self._analyser = ApertiumPipe(["lt-proc", "-e", "-w", str(folder / _ANALYSER)])
        self._bilingual = ApertiumPipe(["lt-proc", "-b", str(folder / _BILINGUAL)], stream=True)

    @classmethod
    def from_system(cls) -> BokmalLemmas | None:
        """The analyser, or None (logged once) when Apertium's Bokmål data is missing."""
        if not (APERTIUM_FOLDER / _ANALYSER).is_file():
            log.warning(
                "apertium-dan-nor not found in %s: Norwegian words are translated without their lemmas",
                APERTIUM_FOLDER,
            )
            return None
        return cls(APERTIUM_FOLDER, lambda: load_pairs("freedict-dan-eng"))

    @property
    def _danish(self) -> WordPairs | None:
        if not self._read:
            self._pairs, self._read = self._read_danish(), True
        return self._pairs

    def english(self, texts: Sequence[str], lookup: Lookup) -> dict[str, tuple[str, ...]]:
        """English for every written form in the pages ``texts`` (lower-cased) whose lemmas give any: each
        part's renderings by ``lookup`` (the English–Norwegian dictionary) or, failing that, by its Danish
        lemma; a compound's parts joined ("prosjekttittelen" → "project title")."""
        stream = self._run(
            [
                ["apertium-destxt"],
                ["lt-proc", "-e", "-w", _ANALYSER],
                ["cg-proc", "nob-dan.seg.rlx.bin"],
                ["cg-proc", "-w", "nob-dan.rlx.bin"],
                ["apertium-tagger", "-p", "-g", "nob-dan.prob"],
            ],
            "\n\n".join(" ".join(text.split()) for text in texts),
        )
        forms = _units(stream)
        parts = {part for analyses in forms.values() for analysis in analyses for part in analysis}
        danish = self._danish_lemmas(parts, lambda text: self._run([["lt-proc", "-b", _BILINGUAL]], text))
        return self._rendered(forms, lookup, danish)

    def question(self, text: str, lookup: Lookup) -> dict[str, tuple[str, ...]]:
        """Like :meth:`english`, for a question (the analyser kept running, no tagger)."""
        forms = _units(self._analyser.run(text) or "")
        unknown = {
            part
            for analyses in forms.values()
            for analysis in analyses
            for part in analysis
            if not lookup(_lemma(part))
        }
        danish = self._danish_lemmas(unknown, lambda units: self._bilingual.run(units) or "")
        return self._rendered(forms, lookup, danish)

    def _rendered(
        self, forms: dict[str, list[Analysis]], lookup: Lookup, danish: dict[str, list[str]]
    ) -> dict[str, tuple[str, ...]]:
        found: dict[str, tuple[str, ...]] = {}
        for surface, analyses in forms.items():
            for analysis in analyses:
                renderings = [self._part(part, lookup, danish) for part in analysis]
                if len(analysis) == 1 and renderings[0]:
                    found[surface] = renderings[0]
                elif len(analysis) > 1 and all(renderings):
                    # A part neither dictionary knows is mostly a loanword ("mobilitet"): it stays.
                    words = [
                        r[0] if r else _lemma(part) for part, r in zip(analysis, renderings, strict=True)
                    ]
                    found[surface] = (" ".join(words),)
                else:
                    continue
                break
        return found

    def _part(self, tagged: str, lookup: Lookup, danish: dict[str, list[str]]) -> tuple[str, ...]:
        own = lookup(_lemma(tagged))
        if own:
            return own[:_PER_PART]
        if self._danish is None:
            return ()
        english = [word for lemma in danish.get(tagged, []) for word in self._danish.pairs.get(lemma, [])]
        return tuple(dict.fromkeys(english))[:_PER_PART]

    def _danish_lemmas(self, tagged: set[str], run: Callable[[str], str]) -> dict[str, list[str]]:
        """Each tagged Bokmål lemma's Danish lemmas (Apertium's bilingual dictionary)."""
        if self._danish is None or not tagged:
            return {}
        stream = run(" ".join(f"^{unit}$" for unit in sorted(tagged)))
        found: dict[str, list[str]] = {}
        for unit in _UNIT.findall(stream):
            fields = re.split(r"(?<!\\)/", unit)
            targets = [_lemma(field) for field in fields[1:] if field and not field.startswith(("@", "#"))]
            if targets:
                found[fields[0]] = list(dict.fromkeys(targets))
        return found

    def _run(self, commands: list[list[str]], text: str) -> str:
        """``text`` through the pipe of ``commands`` (file names relative to the data folder); "" on failure."""
        data = text
        try:
            for command in commands:
                argv = [command[0], *(self._path(arg) for arg in command[1:])]
                data = subprocess.run(
                    argv, input=data, capture_output=True, text=True, timeout=_TIMEOUT, check=True
                ).stdout
        except (OSError, subprocess.SubprocessError) as error:
            log.warning("apertium's Bokmål analysis failed (%s): glossing without lemmas", error)
            return ""
        return data

    def _path(self, arg: str) -> str:
        return str(self._folder / arg) if arg.endswith((".bin", ".prob")) else arg
