"""A passage's paragraphs and list items, the sentences in them, and what follows a quote in its page."""

from __future__ import annotations

from dataclasses import dataclass

from knowledge.catalog import Catalog
from knowledge.models import Chunk
from knowledge.text.tokens import passage_blocks, split_sentences


@dataclass(frozen=True)
class Unit:
    """One sentence of a passage and the paragraph or list item it stands in."""

    sentence: str
    block: int


def blocks_of(chunk: Chunk) -> list[str]:
    """The paragraphs and list items of a passage."""
    return passage_blocks(chunk.text)


def units_of(blocks: list[str]) -> list[Unit]:
    """The sentences of each paragraph or list item, in reading order (the units that are scored)."""
    return [
        Unit(sentence, number) for number, block in enumerate(blocks) for sentence in split_sentences(block)
    ]


def sentences_after(catalog: Catalog, chunk: Chunk, quoted: str) -> tuple[Chunk, list[str]] | None:
    """The sentences of ``chunk`` after the last of its sentences that ``quoted`` holds, or, when none are
    left, those of the passages after it in the same page; None when the page ends there."""
    units = units_of(blocks_of(chunk))
    end = max((number for number, unit in enumerate(units) if unit.sentence in quoted), default=-1)
    following = [unit.sentence for unit in units[end + 1 :]]
    while not following:
        after = catalog.following(chunk)
        if after is None:
            return None
        chunk, following = after, [unit.sentence for unit in units_of(blocks_of(after))]
    return chunk, following
