"""What a page says right after an earlier answer's quote, for a thread's "and after that?"."""

from __future__ import annotations

from core.language import Language
from knowledge.answering.extractive import Excerpt
from knowledge.answering.units import blocks_of, sentences_after, units_of
from knowledge.catalog import Catalog


def continuation(catalog: Catalog, excerpts: list[Excerpt], *, sentences: int = 2) -> Excerpt | None:
    """What the page says right after an answer's quote: the next ``sentences`` sentences of its passage, or
    of the passage after it in the same page. None when the page ends there.

    Args:
        catalog: The active index.
        excerpts: The earlier answer's quotes, the first from the page it answered from.
        sentences: How many sentences to quote.
    """
    if not excerpts:
        return None
    page = excerpts[0].chunk.doc_id
    last = [excerpt for excerpt in excerpts if excerpt.chunk.doc_id == page][-1]
    found = sentences_after(catalog, last.chunk, " ".join(last.sentences))
    if found is None:
        return None
    chunk, following = found
    return Excerpt(chunk=chunk, sentences=tuple(following[:sentences]), score=last.score)


def in_language(catalog: Catalog, excerpt: Excerpt, language: Language) -> Excerpt:
    """The same sentences from the passage's version in ``language`` (a thread may follow up in English on a
    Norwegian answer). A version is used only when it has as many sentences as the passage, so the n-th
    sentence of one is the n-th of the other; otherwise, or with no version, the excerpt is kept as it is
    (the answer then says it quotes the guidance in its own language)."""
    version = catalog.version(excerpt.chunk.group_id, language)
    if version is None or version.chunk_id == excerpt.chunk.chunk_id:
        return excerpt
    own, other = units_of(blocks_of(excerpt.chunk)), units_of(blocks_of(version))
    if len(own) != len(other):
        return excerpt
    chosen = [n for n, unit in enumerate(own) if unit.sentence in excerpt.sentences]
    return Excerpt(chunk=version, sentences=tuple(other[n].sentence for n in chosen), score=excerpt.score)
