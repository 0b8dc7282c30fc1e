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
    """The excerpt from its passage's version in ``language`` (a thread may follow up in English on a
    Norwegian answer): the same sentences where the version lines up with the passage sentence for sentence
    and paragraph for paragraph, else the whole version. Without a version the excerpt is kept as it is (the
    answer then says it quotes the guidance in its own language)."""
    version = catalog.version(excerpt.chunk.group_id, language)
    if version is None or version.chunk_id == excerpt.chunk.chunk_id:
        return excerpt
    own, other = units_of(blocks_of(excerpt.chunk)), units_of(blocks_of(version))
    start = _run_start([unit.sentence for unit in own], list(excerpt.sentences))
    lined_up = [unit.block for unit in own] == [unit.block for unit in other]
    chosen = other[start : start + len(excerpt.sentences)] if start is not None and lined_up else other
    return Excerpt(chunk=version, sentences=tuple(unit.sentence for unit in chosen), score=excerpt.score)


def _run_start(sentences: list[str], run: list[str]) -> int | None:
    """Where ``run`` stands in ``sentences`` as consecutive sentences (its last place: a continuation follows
    what was quoted), or None."""
    found = [k for k in range(len(sentences) - len(run) + 1) if sentences[k : k + len(run)] == run]
    return found[-1] if found and run else None
