"""The bridges of a generation's passages in Chroma: a sibling collection (``<generation>_b``) under the same
tags as the passages, each record also carrying the fingerprint of the builder that wrote it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray

from knowledge.bridge.builder import PassageBridge
from knowledge.bridge.records import (
    bridge_from_metadata,
    bridge_metadata,
    bridge_record_id,
    parse_bridge_record_id,
)
from knowledge.chroma_records import read_all
from knowledge.generations import Generation

_BATCH = 256
_SPARE = 20  # extra neighbours asked for, in case records of other versions come first


class BridgeCollections:
    """The bridge side of :class:`knowledge.vector_store.ChromaStore`, which provides these two: a cosine
    collection by name, and the positions of the records its generation's manifest names."""

    _cosine_collection: Callable[[str], Any]
    _live: Callable[..., list[int]]

    def _bridges(self, collection: str) -> Any:
        """The sibling collection that holds the bridges of generation ``collection``."""
        return self._cosine_collection(f"{collection}_b")

    def add_bridges(
        self,
        collection: str,
        bridges: Sequence[PassageBridge],
        vectors: NDArray[np.float32],
        *,
        tag: str,
        builder: str,
    ) -> None:
        """Write the bridges of passages tagged ``tag`` with their English vectors (one row per bridge)."""
        target = self._bridges(collection)
        for start in range(0, len(bridges), _BATCH):
            part = bridges[start : start + _BATCH]
            target.upsert(
                ids=[bridge_record_id(bridge.chunk_id, tag, builder) for bridge in part],
                documents=[bridge.english or bridge.gloss for bridge in part],
                metadatas=[bridge_metadata(bridge, tag=tag, builder=builder) for bridge in part],
                embeddings=vectors[start : start + _BATCH],
            )

    def drop_bridges(self, collection: str, *, keep: str) -> None:
        """Delete the bridges that a builder other than ``keep`` wrote."""
        self._bridges(collection).delete(where={"builder": {"$ne": keep}})

    def bridges(self, generation: Generation) -> tuple[list[PassageBridge], set[str]]:
        """The live bridges of ``generation`` (written by the builder its pointer names) and their record
        ids, without their vectors."""
        found = read_all(
            self._bridges(generation.collection), include=["metadatas"], where={"builder": generation.bridges}
        )
        ids, metas = found["ids"], found["metadatas"] or []
        keep = self._live(generation.collection, ids, metas, generation=generation)
        return [bridge_from_metadata(metas[k]) for k in keep], {ids[k] for k in keep}

    def query_bridges(
        self, generation: Generation, embedding: NDArray[np.float32], *, k: int
    ) -> list[tuple[str, str, float]]:
        """The ``k`` English bridges nearest to ``embedding`` as (record id, chunk id, cosine similarity)."""
        target = self._bridges(generation.collection)
        # A metadata filter makes Chroma compare against every record (10 ms at 250 pages, growing with the
        # index), and reading the metadata of the neighbours costs three times the search itself: the chunk
        # id and the builder are read from the record ids. The bridges that are not searched (English
        # passages' placeholders) are dropped by the caller, which knows the groups it searches.
        found = target.query(query_embeddings=[embedding], n_results=k + _SPARE, include=["distances"])
        ids = found["ids"][0]
        distances = (found.get("distances") or [[]])[0]
        parsed = [
            (record, *parse_bridge_record_id(record), distance)
            for record, distance in zip(ids, distances, strict=True)
        ]
        return [
            (record, chunk_id, 1.0 - float(distance))
            for record, chunk_id, builder, distance in parsed
            if builder == generation.bridges
        ][:k]
