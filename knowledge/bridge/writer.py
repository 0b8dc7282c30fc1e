"""Storing bridges with the passages they belong to, at ingest (see :mod:`knowledge.bridge.builder`)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from knowledge.bridge.builder import BridgeBuilder, PassageBridge
from knowledge.embeddings import Embedder
from knowledge.models import Chunk
from knowledge.vector_store import ChromaStore, Generation

_EMBED_BATCH = 64


class BridgeWriter:
    """Builds, embeds and stores the bridges of the passages an ingest writes.

    Args:
        store: The Chroma store.
        embedder: Embeds the English bridges (the model the passages are embedded with).
        builder: Writes the bridges; its fingerprint is stored with them.
    """

    def __init__(self, *, store: ChromaStore, embedder: Embedder, builder: BridgeBuilder) -> None:
        self._store = store
        self._embedder = embedder
        self.builder = builder

    @property
    def fingerprint(self) -> str:
        """The fingerprint of the builder, for the pointer."""
        return self.builder.fingerprint

    def write(self, collection: str, chunks: Sequence[Chunk], *, tag: str, dimension: int) -> None:
        """Build and store the bridges of ``chunks`` (whole documents, all tagged ``tag``)."""
        bridges = self.builder.build(chunks)
        if bridges:
            vectors = self._vectors(bridges, dimension)
            self._store.add_bridges(collection, bridges, vectors, tag=tag, builder=self.fingerprint)

    def refresh(self, active: Generation) -> bool:
        """Write the bridges of every live passage of ``active`` again when the builder has changed since
        they were stored; the old ones stay live until the caller moves the pointer (then
        :meth:`ChromaStore.drop_bridges` removes them).

        Returns:
            Whether anything was written.
        """
        if active.bridges == self.fingerprint:
            return False
        chunks, _, _ = self._store.passages(active)
        live = active.documents or {}
        by_tag: dict[str, list[Chunk]] = {}
        for chunk in chunks:
            by_tag.setdefault(live[chunk.doc_id].tag if chunk.doc_id in live else "", []).append(chunk)
        dimension = 0
        for tag, tagged in by_tag.items():
            dimension = dimension or int(self._embedder.embed(["dimension"]).shape[1])
            self.write(active.collection, tagged, tag=tag, dimension=dimension)
        return True

    def _vectors(self, bridges: Sequence[PassageBridge], dimension: int) -> NDArray[np.float32]:
        """The English bridges' embeddings; a fixed unit vector (never searched) for the others."""
        english = [k for k, bridge in enumerate(bridges) if bridge.english]
        vectors = np.zeros((len(bridges), dimension), dtype=np.float32)
        vectors[:, 0] = 1.0
        for start in range(0, len(english), _EMBED_BATCH):
            rows = english[start : start + _EMBED_BATCH]
            vectors[rows] = self._embedder.embed([bridges[k].english for k in rows])
        return vectors
