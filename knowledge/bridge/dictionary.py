"""Reading a bilingual dictionary in dictd format (Debian's ``dict-freedict-*`` packages).

A dictd dictionary is an index (``headword<TAB>offset<TAB>length``, numbers in dictd's base-64) and a
gzip-compatible ``.dict.dz`` holding the entries. FreeDict entries open with ``headword /ipa/ <pos>``; the
lines after it alternate translations ("1. skole, fakultet") and English definitions. Only translations
are kept. The WikDict-based English–Norwegian dictionary has no Norwegian → English side: it is inverted.
"""

from __future__ import annotations

import gzip
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger(__name__)

DICTD_FOLDER = Path("/usr/share/dictd")
_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_HEADER = re.compile(r"^(?P<word>.+?)(?:\s+/.*)?(?:\s+<(?P<pos>[^>]+)>)?$")
_NUMBERED = re.compile(r"^(?P<number>\d+)\.\s+(?P<text>.+?)(?:\s+\d+\.)?$")
_SENSE_ONLY = re.compile(r"^\s*\d+\.\s*$")
_TRAILING_NUMBER = re.compile(r"\s+\d+\.$")
_MAX_SENSES = 2  # later senses are rarer meanings ("pupil" of the eye comes first, though)


def _decode(text: str) -> int:
    number = 0
    for char in text:
        number = number * 64 + _B64.index(char)
    return number


@dataclass
class WordPairs:
    """Translations of single words and short phrases, best first, keyed by the source form."""

    pairs: dict[str, list[str]] = field(default_factory=dict)

    def add(self, source: str, target: str) -> None:
        """Record that ``source`` translates as ``target`` (duplicates ignored)."""
        targets = self.pairs.setdefault(source, [])
        if target not in targets:
            targets.append(target)

    def inverted(self) -> WordPairs:
        """The dictionary read the other way (target → source); a source that gives the target as its
        first translation comes before one that gives it as a later, rarer sense."""
        ranked: dict[str, list[tuple[int, str]]] = {}
        for source, targets in self.pairs.items():
            for position, target in enumerate(targets):
                ranked.setdefault(target, []).append((position, source))
        other = WordPairs()
        for target, sources in ranked.items():
            other.pairs[target] = [source for _, source in sorted(sources)]
        return other

    def __len__(self) -> int:
        return len(self.pairs)


def _entries(index: Path, data: Path) -> Iterator[tuple[str, str]]:
    """``(headword, entry text)`` for every entry of a dictd dictionary."""
    with gzip.open(data) as compressed:
        raw = compressed.read()
    for line in index.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) != 3 or parts[0].startswith("00database"):
            continue
        offset, length = _decode(parts[1]), _decode(parts[2])
        yield parts[0], raw[offset : offset + length].decode("utf-8", errors="replace")


def translations(entry: str) -> list[str]:
    """The translations an entry gives, first senses first (definitions and sense markers skipped)."""
    lines = entry.strip("\n").split("\n")[1:]
    found: list[str] = []
    senses = 0
    expect_translation = True
    for line in lines:
        if _SENSE_ONLY.match(line):
            expect_translation = False
            continue
        numbered = _NUMBERED.match(line)
        if numbered or expect_translation:
            senses += 1
            if senses <= _MAX_SENSES:
                text = numbered.group("text") if numbered else _TRAILING_NUMBER.sub("", line)
                found.extend(word.strip() for word in text.split(",") if word.strip())
            expect_translation = False
        # anything else is a definition in the source language
    return found


def read_dictd(index: Path, data: Path) -> WordPairs:
    """Every headword of a dictd dictionary with its translations (lower case)."""
    pairs = WordPairs()
    for headword, entry in _entries(index, data):
        for target in translations(entry):
            pairs.add(headword.lower(), target.lower())
    return pairs


def load_pairs(name: str, *, folder: Path = DICTD_FOLDER) -> WordPairs | None:
    """The dictionary ``name`` (such as ``freedict-eng-nor``) from ``folder``, or None when not installed."""
    index, data = folder / f"{name}.index", folder / f"{name}.dict.dz"
    if not (index.is_file() and data.is_file()):
        log.warning(
            "dictionary %s not found in %s: cross-language search uses the glossary only "
            "(install the Debian package dict-%s)",
            name,
            folder,
            name,
        )
        return None
    return read_dictd(index, data)
