"""Quoting each sentence once when two excerpts of an answer overlap.

Two excerpts can hold the same sentences: the best sentence is a list's second step, and the runner-up is the
list's lead-in, which brings every step with it (see ``extractive._with_list``). The answer then read step 2,
then the whole list again. An excerpt whose sentences another excerpt already holds is left out (the fuller
one keeps its place, at the first of the two), and a later excerpt loses the sentences an earlier one quotes
from the same page. The same sentence on two pages (one programme's page and another's) is quoted from both.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from knowledge.answering.extractive import Excerpt


def _keys(excerpt: Excerpt) -> set[tuple[str, str]]:
    """The excerpt's sentences, each with its page: two pages that say the same (one programme's page and
    another's) are both quoted, each with its own source."""
    return {_key(excerpt, sentence) for sentence in excerpt.sentences}


def _key(excerpt: Excerpt, sentence: str) -> tuple[str, str]:
    return excerpt.chunk.doc_id, " ".join(sentence.split()).casefold()


def without_repeats(excerpts: Sequence[Excerpt]) -> list[Excerpt]:
    """``excerpts`` with every sentence quoted once, in their order (an excerpt contained in a later one is
    replaced by it)."""
    kept: list[Excerpt] = []
    for number, excerpt in enumerate(excerpts):
        own = _keys(excerpt)
        fuller = next((other for other in excerpts[number + 1 :] if own < _keys(other)), None)
        kept.append(fuller or excerpt)
    found: list[Excerpt] = []
    quoted: set[tuple[str, str]] = set()
    for excerpt in kept:
        fresh = tuple(s for s in excerpt.sentences if _key(excerpt, s) not in quoted)
        if fresh:
            found.append(replace(excerpt, sentences=fresh))
            quoted |= {_key(excerpt, s) for s in fresh}
    return found
