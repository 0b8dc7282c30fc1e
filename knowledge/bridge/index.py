"""Search over bridges: every passage in the language it lacks, built when the index is opened.

A Norwegian passage with no English rendering gets an English gloss (glossary, then dictionary, compounds
split), and an English passage a Norwegian one; a Nynorsk passage also gets its Bokmål normalisation. The
bridges are searched with BM25 in their language, and the English ones with the (English-only) embedding
model, so a question meets a passage written in the other language on its own terms. Bridges are search
aids only: answers always quote the passage itself.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from core.language import Language
from knowledge.bridge.nynorsk import NynorskNormaliser, is_nynorsk
from knowledge.catalog import Catalog
from knowledge.embeddings import Embedder
from knowledge.lexical import BM25Index
from knowledge.models import Chunk
from knowledge.translation import GlossaryTranslator

_DENSE_K = 20


@dataclass(frozen=True)
class Bridge:
    """One passage group's searchable text in a language it is not written in."""

    group_id: str
    language: Language
    text: str


class BridgeIndex:
    """BM25 per language and dense vectors over the bridges of one index generation.

    Args:
        catalog: The active generation.
        translator: Glossary (and dictionary) translator that writes the glosses.
        embedder: Embeds the English bridges.
        normaliser: Turns Nynorsk passages into Bokmål.
    """

    def __init__(
        self,
        *,
        catalog: Catalog,
        translator: GlossaryTranslator,
        embedder: Embedder,
        normaliser: NynorskNormaliser,
    ) -> None:
        self._catalog = catalog
        self._normaliser = normaliser
        self.nynorsk_docs = _nynorsk_docs(catalog)
        self.normalised = _normalise(catalog, normaliser, self.nynorsk_docs)
        self.bridges = _bridges(catalog, translator, self.normalised)
        self._lexical = {language: self._bm25(language) for language in Language}
        english = [b for b in self.bridges if b.language is Language.EN]
        self._dense_groups = [b.group_id for b in english]
        self._vectors: NDArray[np.float32] = (
            embedder.embed([b.text for b in english]) if english else np.zeros((0, 0), dtype=np.float32)
        )

    def question(self, text: str, language: Language) -> str:
        """A Nynorsk question with its Bokmål word forms added (for search only); others unchanged."""
        if language is Language.NB and is_nynorsk(text):
            return f"{text} {self._normaliser.words(text)}"
        return text

    def _bm25(self, language: Language) -> tuple[list[str], BM25Index]:
        own = [b for b in self.bridges if b.language is language]
        terms = [self._catalog.analyzer.terms(b.text, language) for b in own]
        return [b.group_id for b in own], BM25Index(terms)

    def lexical(self, terms: list[str], language: Language) -> dict[str, float]:
        """BM25 score of every passage group whose bridge in ``language`` shares a term with ``terms``."""
        groups, index = self._lexical[language]
        found: dict[str, float] = {}
        for position, score in index.scores(terms).items():
            group = groups[position]
            found[group] = max(found.get(group, 0.0), score)
        return found

    def dense(self, vector: NDArray[np.float32]) -> dict[str, float]:
        """Cosine similarity of the English bridges nearest to ``vector`` (an English text's embedding)."""
        if not self._dense_groups:
            return {}
        similarities = self._vectors @ vector
        best = np.argsort(-similarities)[:_DENSE_K]
        found: dict[str, float] = {}
        for position in best:
            group = self._dense_groups[int(position)]
            found[group] = max(found.get(group, 0.0), float(similarities[position]))
        return found


def _nynorsk_docs(catalog: Catalog) -> frozenset[str]:
    texts: dict[str, list[str]] = {}
    for chunk in catalog.by_id.values():
        if chunk.language is Language.NB:
            texts.setdefault(chunk.doc_id, []).append(chunk.text)
    return frozenset(doc for doc, parts in texts.items() if is_nynorsk(" ".join(parts)))


def _normalise(catalog: Catalog, normaliser: NynorskNormaliser, docs: frozenset[str]) -> dict[str, str]:
    """Bokmål text of every Nynorsk passage, by chunk id (one Apertium call for all)."""
    chunks = [chunk for chunk in catalog.by_id.values() if chunk.doc_id in docs]
    texts = normaliser.pages([f"{chunk.section}\n{chunk.text}" for chunk in chunks])
    return {chunk.chunk_id: text for chunk, text in zip(chunks, texts, strict=True)}


def _bridges(catalog: Catalog, translator: GlossaryTranslator, normalised: dict[str, str]) -> list[Bridge]:
    bridges: list[Bridge] = []
    for group_id in catalog.groups:
        original: Chunk | None = catalog.original(group_id)
        if original is None:
            continue
        source = normalised.get(original.chunk_id) or f"{original.section}\n{original.text}"
        if original.chunk_id in normalised:
            bridges.append(Bridge(group_id, Language.NB, source))
        other = original.language.other
        if catalog.version(group_id, other) is None:
            gloss = translator.gloss(f"{original.title}\n{source}", original.language)
            bridges.append(Bridge(group_id, other, gloss))
    return bridges
