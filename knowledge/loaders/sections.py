"""Building sections from headings and blocks, shared by every loader."""

from __future__ import annotations

import re

from knowledge.models import Section

_SPACE = re.compile(r"\s+")
_BULLET_ITEM = re.compile(r"^\s*[•\-*+–]\s+(?P<text>.*)$")
_ORDERED_ITEM = re.compile(r"^\s*(?P<number>\d{1,3})[.)]\s+(?P<text>.*)$")


def normalise_space(text: str) -> str:
    """Collapse runs of whitespace to one space and trim the ends."""
    return _SPACE.sub(" ", text).strip()


def list_item_text(line: str) -> str | None:
    """Return a list item's text without its marker, or None if the line is not a list item.

    Bullets (``•``, ``-``, ``*``, ``+``, ``–``) are dropped; an ordered item keeps its number as ``"1. "``.

    Args:
        line: One line of text.
    """
    bullet = _BULLET_ITEM.match(line)
    if bullet:
        return bullet.group("text").strip()
    ordered = _ORDERED_ITEM.match(line)
    if ordered:
        return f"{ordered.group('number')}. {ordered.group('text').strip()}"
    return None


class SectionBuilder:
    """Collects blocks under headings in reading order; sections without blocks are dropped."""

    def __init__(self, first_heading: str) -> None:
        """Start with an opening section.

        Args:
            first_heading: Heading of the text before the first real heading (the document title).
        """
        self._heading = first_heading
        self._blocks: list[str] = []
        self._sections: list[Section] = []

    @property
    def current_is_empty(self) -> bool:
        """True while the current section has no blocks."""
        return not self._blocks

    def start(self, heading: str) -> None:
        """Close the current section and open a new one."""
        self._close()
        self._heading = normalise_space(heading)

    def add(self, block: str) -> None:
        """Append a block to the current section; blank blocks are ignored."""
        cleaned = normalise_space(block)
        if cleaned:
            self._blocks.append(cleaned)

    def build(self) -> tuple[Section, ...]:
        """Return all non-empty sections collected so far."""
        self._close()
        return tuple(self._sections)

    def _close(self) -> None:
        if self._blocks:
            self._sections.append(Section(heading=self._heading, blocks=tuple(self._blocks)))
        self._blocks = []
