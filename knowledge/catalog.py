"""An in-memory view of the active index generation: passages by id and group, and BM25 per language.

Index terms are normally read from the store (computed once at ingest, see :func:`passage_terms`); a
catalog built without them analyses the passages itself, the same way.
"""

from __future__ import annotations

import hashlib
import inspect
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from core.language import Language
from knowledge.generations import chunk_id_of
from knowledge.lexical import BM25Index
from knowledge.models import Chunk
from knowledge.page_facts import Facts, page_facts
from knowledge.text.analyzer import Analyzer
from knowledge.text.compounds import CompoundSplitter
from knowledge.text.tokens import tokenize


def _indexed_text(chunk: Chunk) -> str:
    return f"{chunk.section} {chunk.text}"


def passage_terms(chunks: Sequence[Chunk]) -> dict[str, list[str]]:
    """The BM25 terms of each passage of one document, by chunk id.

    Compounds are split against the document's own words (and the splitter's common parts), so a passage's
    terms do not depend on what else is indexed: adding a page never changes the terms of another.
    """
    analyzer = Analyzer(
        CompoundSplitter({word for chunk in chunks for word in tokenize(_indexed_text(chunk))})
    )
    return {chunk.chunk_id: analyzer.terms(_indexed_text(chunk), chunk.language) for chunk in chunks}


WORDS_MARK = "|"  # never a term or a word: tokens are letters and digits


def _words(chunk: Chunk) -> list[str]:
    return tokenize(f"{chunk.title} {chunk.section} {chunk.text}")


def stored_terms(chunks: Sequence[Chunk]) -> dict[str, list[str]]:
    """What the store keeps for each passage of one document: its BM25 terms, ``|``, then its distinct words
    (for typo repair and compound splitting), so start-up neither analyses nor tokenises the passages."""
    terms = passage_terms(chunks)
    return {
        chunk.chunk_id: [*terms[chunk.chunk_id], WORDS_MARK, *sorted(set(_words(chunk)))] for chunk in chunks
    }


@cache
def analyzer_fingerprint() -> str:
    """A hash of the code that turns passages into BM25 terms: stored terms are used only while it holds."""
    from knowledge.text import analyzer, compounds, stemming, stopwords, tokens

    digest = hashlib.sha256((inspect.getsource(passage_terms) + inspect.getsource(stored_terms)).encode())
    for module in (analyzer, compounds, stemming, stopwords, tokens):
        digest.update(Path(str(module.__file__)).read_bytes())
    return digest.hexdigest()[:16]


@dataclass(frozen=True)
class LanguageShard:
    """The passages of one language with their BM25 index and vocabulary."""

    chunks: tuple[Chunk, ...]
    bm25: BM25Index
    words: frozenset[str]
    positions: dict[str, int]
    groups: NDArray[np.int64]

    def terms_of(self, chunk_id: str) -> frozenset[str]:
        """The index terms of one passage of this shard."""
        return self.bm25.terms_of(self.positions[chunk_id])


class Catalog:
    """Everything the retriever needs to know about the active generation, built once per generation.

    Args:
        chunks: Every passage of the generation.
        generation: Name of the generation (a Chroma collection).
        terms: Stored BM25 terms by chunk id; passages missing from it are analysed here.
        records: Ids of the store's records of these passages (the chunk ids when not given).
    """

    def __init__(
        self,
        chunks: Sequence[Chunk],
        *,
        generation: str,
        terms: Mapping[str, Sequence[str]] | None = None,
        records: frozenset[str] | None = None,
    ) -> None:
        self.generation = generation
        self.records = records if records is not None else frozenset(chunk.chunk_id for chunk in chunks)
        self._record_of: dict[str, str] | None = None
        self.by_id = {chunk.chunk_id: chunk for chunk in chunks}
        self._by_position = {(chunk.doc_id, chunk.position): chunk for chunk in chunks}
        self._versions = {(chunk.group_id, chunk.language): chunk for chunk in chunks}
        self.groups: dict[str, list[Chunk]] = {}
        for chunk in chunks:
            self.groups.setdefault(chunk.group_id, []).append(chunk)
        self.group_ids = list(self.groups)
        self._group_index = {group: index for index, group in enumerate(self.group_ids)}
        known: dict[str, Sequence[str]] = {}
        tokens: dict[str, Sequence[str]] = {}
        for chunk_id, stored in (terms or {}).items():
            if WORDS_MARK in stored:
                mark = list(stored).index(WORDS_MARK)
                known[chunk_id], tokens[chunk_id] = stored[:mark], stored[mark + 1 :]
            else:
                known[chunk_id] = stored
        missing = [chunk for chunk in chunks if chunk.chunk_id not in known]
        for doc_chunks in _by_document(missing).values():
            known.update(passage_terms(doc_chunks))
        for chunk in chunks:
            if chunk.chunk_id not in tokens:
                tokens[chunk.chunk_id] = _words(chunk)
        vocabulary = {word for found in tokens.values() for word in found}
        self.analyzer = Analyzer(CompoundSplitter(vocabulary))
        self.shards = {language: self._shard(chunks, language, known, tokens) for language in Language}
        self._facts = {
            doc_id: page_facts(
                doc_chunks[0].title, [chunk.text for chunk in doc_chunks], updated=doc_chunks[0].updated
            )
            for doc_id, doc_chunks in _by_document(chunks).items()
        }

    def records_of(self, group_id: str) -> list[str]:
        """The store's record ids of the passages of ``group_id``."""
        if self._record_of is None:  # needed only for a question the dense search did not reach
            self._record_of = {chunk_id_of(record): record for record in self.records}
        return [
            self._record_of.get(chunk.chunk_id, chunk.chunk_id) for chunk in self.groups.get(group_id, [])
        ]

    def _shard(
        self,
        chunks: Sequence[Chunk],
        language: Language,
        terms: Mapping[str, Sequence[str]],
        tokens: Mapping[str, Sequence[str]],
    ) -> LanguageShard:
        own = tuple(chunk for chunk in chunks if chunk.language is language)
        term_lists = [terms[chunk.chunk_id] for chunk in own]
        return LanguageShard(
            chunks=own,
            bm25=BM25Index(term_lists),
            words=frozenset(word for chunk in own for word in tokens[chunk.chunk_id]),
            positions={chunk.chunk_id: index for index, chunk in enumerate(own)},
            groups=np.array([self._group_index[chunk.group_id] for chunk in own], dtype=np.int64),
        )

    def __len__(self) -> int:
        return len(self.by_id)

    def version(self, group_id: str, language: Language) -> Chunk | None:
        """The passage of ``group_id`` written in ``language``, if the index has one."""
        return self._versions.get((group_id, language))

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

    def facts(self, group_id: str) -> Facts:
        """What the page of ``group_id``'s authoritative passage says about itself."""
        return self._facts[self.page_of(group_id)]

    def page_of(self, group_id: str) -> str:
        """The page (document id) of ``group_id``'s authoritative passage."""
        chunk = self.by_id.get(group_id) or self.groups[group_id][0]
        return chunk.doc_id

    def original(self, group_id: str) -> Chunk | None:
        """The authoritative passage of a group."""
        return self.by_id.get(group_id)


def _by_document(chunks: Sequence[Chunk]) -> dict[str, list[Chunk]]:
    found: dict[str, list[Chunk]] = {}
    for chunk in chunks:
        found.setdefault(chunk.doc_id, []).append(chunk)
    return found
