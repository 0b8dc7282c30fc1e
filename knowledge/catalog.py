"""An in-memory view of the active index generation: passages by id and group, and BM25 per language."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from core.language import Language
from knowledge.lexical import BM25Index
from knowledge.models import Chunk
from knowledge.text.analyzer import Analyzer
from knowledge.text.compounds import CompoundSplitter
from knowledge.text.tokens import tokenize


@dataclass(frozen=True)
class LanguageShard:
    """The passages of one language with their BM25 index and vocabulary."""

    chunks: tuple[Chunk, ...]
    bm25: BM25Index
    words: frozenset[str]
    terms: tuple[frozenset[str], ...]
    positions: dict[str, int]

    def terms_of(self, chunk_id: str) -> frozenset[str]:
        """The index terms of one passage of this shard."""
        return self.terms[self.positions[chunk_id]]


class Catalog:
    """Everything the retriever needs to know about the active generation, built once per generation.

    Args:
        chunks: Every passage of the generation.
        generation: Name of the generation (a Chroma collection).
    """

    def __init__(self, chunks: Sequence[Chunk], *, generation: str) -> None:
        self.generation = generation
        self.by_id = {chunk.chunk_id: chunk for chunk in chunks}
        self._by_position = {(chunk.doc_id, chunk.position): chunk for chunk in chunks}
        self.groups: dict[str, list[Chunk]] = {}
        for chunk in chunks:
            self.groups.setdefault(chunk.group_id, []).append(chunk)
        vocabulary = {word for chunk in chunks for word in tokenize(f"{chunk.section} {chunk.text}")}
        self.analyzer = Analyzer(CompoundSplitter(vocabulary))
        self.shards = {language: self._shard(chunks, language) for language in Language}

    def _shard(self, chunks: Sequence[Chunk], language: Language) -> LanguageShard:
        own = tuple(chunk for chunk in chunks if chunk.language is language)
        term_lists = [self.analyzer.terms(f"{chunk.section} {chunk.text}", language) for chunk in own]
        words = frozenset(
            word for chunk in own for word in tokenize(f"{chunk.title} {chunk.section} {chunk.text}")
        )
        return LanguageShard(
            chunks=own,
            bm25=BM25Index(term_lists),
            words=words,
            terms=tuple(frozenset(terms) for terms in term_lists),
            positions={chunk.chunk_id: index for index, chunk in enumerate(own)},
        )

    def __len__(self) -> int:
        return len(self.by_id)

    def version(self, group_id: str, language: Language) -> Chunk | None:
        """The passage of ``group_id`` written in ``language``, if the index has one."""
        return next((chunk for chunk in self.groups.get(group_id, []) if chunk.language is language), None)

    def following(self, chunk: Chunk) -> Chunk | None:
        """The passage that comes after ``chunk`` in its document, if any."""
        return self._by_position.get((chunk.doc_id, chunk.position + 1))

    def section_start(self, chunk: Chunk) -> Chunk:
        """The first passage of the section ``chunk`` stands in."""
        current = chunk
        while True:
            before = self._by_position.get((current.doc_id, current.position - 1))
            if before is None or before.section != chunk.section:
                return current
            current = before

    def original(self, group_id: str) -> Chunk | None:
        """The authoritative passage of a group."""
        return self.by_id.get(group_id)
