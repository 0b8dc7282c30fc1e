"""The only module that talks to Chroma (with its bridge collections, :mod:`knowledge.bridge.collections`):
generations of passages and a pointer to the active one.

The ``active`` pointer (one record in a small meta collection) names the generation's collection, the model
and chunk layout that filled it, and the *manifest*: which version (a tag) of each document is live. Every
passage record carries its document's tag in its id, so an ingest of one page adds that page's new records
beside the live ones, then moves the pointer in a single write, then deletes the page's old records. A reader
keeps only the records the manifest it read names, so it never answers from a mix; a crash part-way leaves
the old manifest in force and, at worst, orphan records that no manifest names. A new model or chunk layout
writes a complete new collection instead and drops the old one after the pointer has moved. The bridges of
a generation's passages live in a sibling collection (``<generation>_b``) under the same tags, and also carry
the fingerprint of the builder that wrote them, which the pointer names too.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from knowledge.bridge.collections import BridgeCollections
from knowledge.chroma_client import chroma_client
from knowledge.chroma_records import passage_metadata, passage_of, read_all, stored_terms
from knowledge.generations import (
    DocumentEntry,
    Generation,
    chunk_id_of,
    read_manifest,
    record_id,
    write_manifest,
)
from knowledge.models import Chunk

__all__ = ["ChromaStore", "DocumentEntry", "Generation", "chunk_id_of", "record_id"]

_ACTIVE = "active"
_BATCH = 256
_SPARE = 20  # extra neighbours asked for, in case records of other versions come first


class ChromaStore(BridgeCollections):
    """Passages and their embeddings in Chroma, embedded on disk or on a Chroma server.

    Args:
        path: Folder of the embedded database (ignored when ``url`` is given).
        url: Chroma server URL, e.g. ``http://127.0.0.1:8000``.
        prefix: Prefix of every collection this store owns.
    """

    def __init__(
        self, *, path: str | None = None, url: str | None = None, prefix: str = "rapportlos"
    ) -> None:
        self._client = chroma_client(path=path, url=url)
        self.folder = None if url else Path(path or "chroma")  # where an embedded index lives (writer lock)
        self._prefix = prefix
        self._meta = self._client.get_or_create_collection(f"{prefix}_meta", embedding_function=None)
        self._collections: dict[str, Any] = {}

    def _collection(self, name: str) -> Any:
        """The collection ``name``, looked up once per store."""
        found = self._collections.get(name)
        if found is None:
            found = self._collections[name] = self._client.get_collection(name, embedding_function=None)
        return found

    def side_collection(self, suffix: str) -> Any:
        """A collection of this store's beside the generations (never dropped with them), made on first use."""
        return self._cosine_collection(f"{self._prefix}_{suffix}")

    def _cosine_collection(self, name: str) -> Any:
        """The cosine-space collection ``name``, made on first use and looked up once per store."""
        found = self._collections.get(name)
        if found is None:
            found = self._collections[name] = self._client.get_or_create_collection(
                name, embedding_function=None, configuration={"hnsw": {"space": "cosine"}}
            )
        return found

    def active(self) -> Generation | None:
        """The generation that answers questions, if any."""
        found = self._meta.get(ids=[_ACTIVE], include=["metadatas", "documents"])
        metas = found.get("metadatas") or []
        if not metas or not metas[0]:
            return None
        meta, documents = metas[0], found.get("documents") or [None]
        return Generation(
            collection=str(meta["collection"]),
            model=str(meta["model"]),
            layout=str(meta.get("layout") or ""),
            documents=read_manifest(documents[0]),
            analyzer=str(meta.get("analyzer") or ""),
            bridges=str(meta.get("bridges") or ""),
        )

    def create_generation(self) -> str:
        """Create an empty collection for a new generation and return its name."""
        name = f"{self._prefix}_g{uuid.uuid4().hex[:12]}"
        self._client.create_collection(
            name, embedding_function=None, configuration={"hnsw": {"space": "cosine"}}
        )
        self._bridges(name)
        return name

    def add(
        self,
        collection: str,
        chunks: Sequence[Chunk],
        embeddings: NDArray[np.float32],
        *,
        tag: str = "",
        terms: Mapping[str, Sequence[str]] | None = None,
    ) -> None:
        """Write passages with their embeddings (and BM25 terms) into ``collection`` under ``tag``."""
        target = self._collection(collection)
        for start in range(0, len(chunks), _BATCH):
            part = chunks[start : start + _BATCH]
            target.add(
                ids=[record_id(chunk.chunk_id, tag) for chunk in part],
                documents=[chunk.text for chunk in part],
                metadatas=[
                    passage_metadata(chunk, tag=tag, terms=(terms or {}).get(chunk.chunk_id))
                    for chunk in part
                ],
                embeddings=embeddings[start : start + _BATCH],
            )

    def rewrite_terms(
        self, generation: Generation, chunks: Sequence[Chunk], terms: Mapping[str, Sequence[str]]
    ) -> None:
        """Store new BM25 terms for live passages of ``generation`` (after the analyser has changed)."""
        target = self._collection(generation.collection)
        live = generation.documents or {}
        for start in range(0, len(chunks), _BATCH):
            part = chunks[start : start + _BATCH]
            tags = [live[chunk.doc_id].tag if chunk.doc_id in live else "" for chunk in part]
            target.update(
                ids=[record_id(chunk.chunk_id, tag) for chunk, tag in zip(part, tags, strict=True)],
                metadatas=[
                    passage_metadata(chunk, tag=tag, terms=terms.get(chunk.chunk_id))
                    for chunk, tag in zip(part, tags, strict=True)
                ],
            )

    def activate(
        self,
        collection: str,
        *,
        model: str,
        layout: str,
        documents: Mapping[str, DocumentEntry] | None = None,
        analyzer: str = "",
        bridges: str = "",
    ) -> None:
        """Point the index at ``collection`` and its live ``documents`` (one atomic write), then drop every
        other generation.

        Args:
            collection: The generation to activate.
            model: The embedding model that filled it.
            layout: Version of the chunking that cut it.
            documents: The live version of each document (None: every record is live).
            analyzer: Fingerprint of the analyser that computed the stored BM25 terms.
            bridges: Fingerprint of the builder whose stored bridges are live.
        """
        self._meta.upsert(
            ids=[_ACTIVE],
            documents=[write_manifest(documents) if documents is not None else collection],
            metadatas=[
                {
                    "collection": collection,
                    "model": model,
                    "layout": layout,
                    "analyzer": analyzer,
                    "bridges": bridges,
                }
            ],
            embeddings=[[0.0]],
        )
        self.drop_inactive()

    def drop_inactive(self) -> None:
        """Delete generation collections that are not active (left-overs of an interrupted ingest)."""
        active = self.active()
        for found in self._client.list_collections():
            name = found if isinstance(found, str) else found.name
            keep = () if active is None else (active.collection, f"{active.collection}_b")
            if name.startswith(f"{self._prefix}_g") and name not in keep:
                self._collections.pop(name, None)
                self._client.delete_collection(name)

    def remove_stale(self, generation: Generation, doc_ids: Collection[str]) -> None:
        """Delete the records of ``doc_ids`` that ``generation``'s manifest does not name (old versions)."""
        target = self._collection(generation.collection)
        live = generation.documents or {}
        for doc_id in doc_ids:
            entry = live.get(doc_id)
            where: dict[str, Any] = {"doc_id": doc_id}
            if entry is not None:
                where = {"$and": [where, {"tag": {"$ne": entry.tag}}]}
            target.delete(where=where)
            self._bridges(generation.collection).delete(where=where)

    def records(self, collection: str) -> tuple[list[Chunk], NDArray[np.float32]]:
        """Every live passage of ``collection`` with its embedding, in document order."""
        found = self._collection(collection).get(include=["documents", "metadatas", "embeddings"])
        keep = self._live(collection, found["ids"], found["metadatas"] or [])
        ids, docs, metas = found["ids"], found["documents"] or [], found["metadatas"] or []
        embeddings = found.get("embeddings")
        chunks = [passage_of(ids[k], docs[k], dict(metas[k])) for k in keep]
        vectors = np.asarray(embeddings if embeddings is not None else [], dtype=np.float32)
        order = sorted(range(len(chunks)), key=lambda k: (chunks[k].doc_id, chunks[k].position))
        return [chunks[k] for k in order], (vectors[[keep[k] for k in order]] if len(order) else vectors)

    def vectors(self, collection: str, records: Sequence[str]) -> list[NDArray[np.float32]]:
        """The stored embeddings of ``records`` of ``collection`` (those that exist), read by id."""
        if not records:
            return []
        found = self._collection(collection).get(ids=list(records), include=["embeddings"])
        embeddings = found.get("embeddings")
        return [
            np.asarray(vector, dtype=np.float32) for vector in (embeddings if embeddings is not None else [])
        ]

    def passages(self, generation: Generation) -> tuple[list[Chunk], dict[str, list[str]], set[str]]:
        """The live passages of ``generation`` without their embeddings: the passages in document order,
        their stored BM25 terms by chunk id (where stored) and their record ids."""
        found = read_all(self._collection(generation.collection), include=["documents", "metadatas"])
        ids, docs, metas = found["ids"], found["documents"] or [], found["metadatas"] or []
        keep = self._live(generation.collection, ids, metas, generation=generation)
        chunks = sorted(
            (passage_of(ids[k], docs[k], metas[k]) for k in keep),
            key=lambda chunk: (chunk.doc_id, chunk.position),
        )
        terms = {
            str(metas[k].get("chunk_id") or chunk_id_of(ids[k])): stored_terms(metas[k])
            for k in keep
            if metas[k].get("terms")
        }
        return chunks, terms, {ids[k] for k in keep}

    def _live(
        self,
        collection: str,
        ids: Sequence[str],
        metas: Sequence[Mapping[str, Any]],
        *,
        generation: Generation | None = None,
    ) -> list[int]:
        """Positions of the records the manifest names (all of them when there is no manifest)."""
        if generation is None:
            active = self.active()
            generation = active if active is not None and active.collection == collection else None
        live = generation.documents if generation is not None else None
        if live is None:
            return list(range(len(ids)))
        return [
            k
            for k, meta in enumerate(metas)
            if (entry := live.get(str(meta.get("doc_id")))) is not None and entry.tag == meta.get("tag", "")
        ]

    def query_many(
        self,
        collection: str,
        embeddings: Sequence[NDArray[np.float32]],
        *,
        k: int,
        live: Collection[str] | None = None,
    ) -> list[list[tuple[str, float]]]:
        """For each vector (a question and its rendering, searched at once), the ``k`` nearest live passages
        as (chunk id, cosine similarity).

        Args:
            collection: The generation to search.
            embeddings: The vectors.
            k: How many passages per vector.
            live: Record ids the caller reads (others, such as another version of a page, are skipped).
        """
        wanted = k if live is None else k + _SPARE
        found = self._collection(collection).query(
            query_embeddings=list(embeddings), n_results=wanted, include=["distances"]
        )
        results = []
        for ids, distances in zip(found["ids"], found.get("distances") or [], strict=True):
            pairs = [
                (chunk_id_of(record), 1.0 - float(distance))
                for record, distance in zip(ids, distances, strict=True)
                if live is None or record in live
            ]
            results.append(pairs[:k])
        return results
