"""What a page says right after an earlier answer's quote, for a thread's "and after that?"."""

from __future__ import annotations

from knowledge.answering.extractive import Excerpt
from knowledge.answering.units import sentences_after
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
