"""Embeddings of the passages' sentences, embedded once at ingest and stored by what they say.

An answer quotes the sentences of its passages that best match the question, by meaning among other
things; with their vectors stored, answering a question embeds only the question. The store is keyed by the
model and the sentence's text, so it holds across index generations and a sentence shared by many pages
is stored once; a vector missing from it (an index built before it existed) is embedded when asked for.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray

from knowledge.embeddings import Embedder
from knowledge.models import Chunk
from knowledge.text.tokens import passage_sentences
from knowledge.vector_store import ChromaStore

_BATCH = 512


def sentence_key(text: str) -> str:
    """The id a sentence is stored under."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:24]


def sentences_of(chunks: Iterable[Chunk]) -> list[str]:
    """The distinct sentences of ``chunks`` an answer may quote, in order."""
    return list(dict.fromkeys(sentence for chunk in chunks for sentence in passage_sentences(chunk.text)))


class SentenceVectors:
    """Stored sentence embeddings of one model.

    Args:
        store: The Chroma store the passages live in.
        embedder: The model (its name keys the collection; it embeds what is written).
    """

    def __init__(self, *, store: ChromaStore, embedder: Embedder) -> None:
        self._store = store
        self._embedder = embedder
        self._collection: Any = None

    def _sentences(self) -> Any:
        if self._collection is None:  # the model's name is known before the model has loaded
            model = hashlib.sha1(self._embedder.name.encode("utf-8")).hexdigest()[:10]
            self._collection = self._store.side_collection(f"sentences_{model}")
        return self._collection

    def find(self, texts: Sequence[str]) -> dict[str, NDArray[np.float32]]:
        """The stored vectors of those ``texts`` that have one."""
        if not texts:
            return {}
        keys = {sentence_key(text): text for text in texts}
        found = self._sentences().get(ids=list(keys), include=["embeddings"])
        vectors = found.get("embeddings")
        if vectors is None:
            return {}
        return {
            keys[key]: np.asarray(vector, dtype=np.float32)
            for key, vector in zip(found["ids"], vectors, strict=True)
        }

    def write(self, chunks: Iterable[Chunk]) -> int:
        """Embed and store the sentences of ``chunks`` not stored yet; returns how many were embedded."""
        sentences = sentences_of(chunks)
        missing: list[str] = []
        for start in range(0, len(sentences), _BATCH):
            part = {sentence_key(s): s for s in sentences[start : start + _BATCH]}
            stored = set(self._sentences().get(ids=list(part), include=[])["ids"])
            missing += [text for key, text in part.items() if key not in stored]
        for start in range(0, len(missing), _BATCH):
            part_texts = missing[start : start + _BATCH]
            vectors = np.asarray(self._embedder.embed(part_texts), dtype=np.float32)
            self._sentences().upsert(ids=[sentence_key(s) for s in part_texts], embeddings=vectors)
        return len(missing)

    def empty(self) -> bool:
        """True when no sentence of this model is stored (an index built before sentences were stored)."""
        return int(self._sentences().count()) == 0
