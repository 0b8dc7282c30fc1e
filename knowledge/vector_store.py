"""The only module that talks to Chroma: generations of passages and a pointer to the active one.

Every ingest that changes anything writes a complete new *generation* collection and then moves the
``active`` pointer (one record in a small meta collection) to it in a single write. A crash part-way through
leaves the old generation active and untouched, so the index never answers from a mix.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urlparse

import numpy as np
from numpy.typing import NDArray

from core.language import Language
from knowledge.models import Chunk

_ACTIVE = "active"
_BATCH = 256


@dataclass(frozen=True)
class Generation:
    """The active generation: its collection name and the embedding model that filled it."""

    collection: str
    model: str
    layout: str = ""


def _client(*, path: str | None, url: str | None) -> Any:
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    settings = ChromaSettings(anonymized_telemetry=False)
    if url:
        parsed = urlparse(url)
        return chromadb.HttpClient(
            host=parsed.hostname or "localhost",
            port=parsed.port or (443 if parsed.scheme == "https" else 8000),
            ssl=parsed.scheme == "https",
            settings=settings,
        )
    return chromadb.PersistentClient(path=path or "chroma", settings=settings)


def _metadata(chunk: Chunk) -> dict[str, str | int | bool]:
    return {
        "doc_id": chunk.doc_id,
        "title": chunk.title,
        "section": chunk.section,
        "url": chunk.url or "",
        "language": chunk.language.value,
        "updated": chunk.updated.isoformat() if chunk.updated else "",
        "position": chunk.position,
        "group_id": chunk.group_id,
        "official": chunk.official,
        "source_path": chunk.source_path,
        "content_hash": chunk.content_hash,
    }


def _chunk(chunk_id: str, text: str, meta: dict[str, object]) -> Chunk:
    updated = str(meta.get("updated") or "")
    return Chunk(
        chunk_id=chunk_id,
        doc_id=str(meta["doc_id"]),
        text=text,
        title=str(meta["title"]),
        section=str(meta["section"]),
        url=str(meta.get("url") or "") or None,
        language=Language(str(meta["language"])),
        updated=date.fromisoformat(updated) if updated else None,
        position=int(str(meta["position"])),
        group_id=str(meta["group_id"]),
        official=bool(meta.get("official", True)),
        source_path=str(meta.get("source_path") or ""),
        content_hash=str(meta.get("content_hash") or ""),
    )


class ChromaStore:
    """Passages and their embeddings in Chroma, embedded on disk or on a Chroma server.

    Args:
        path: Folder of the embedded database (ignored when ``url`` is given).
        url: Chroma server URL, e.g. ``http://127.0.0.1:8000``.
        prefix: Prefix of every collection this store owns.
    """

    def __init__(
        self, *, path: str | None = None, url: str | None = None, prefix: str = "rapportlos"
    ) -> None:
        self._client = _client(path=path, url=url)
        self._prefix = prefix
        self._meta = self._client.get_or_create_collection(f"{prefix}_meta", embedding_function=None)

    def active(self) -> Generation | None:
        """The generation that answers questions, if any."""
        found = self._meta.get(ids=[_ACTIVE], include=["metadatas"])
        metas = found.get("metadatas") or []
        if not metas or not metas[0]:
            return None
        meta = metas[0]
        return Generation(
            collection=str(meta["collection"]), model=str(meta["model"]), layout=str(meta.get("layout") or "")
        )

    def create_generation(self) -> str:
        """Create an empty collection for a new generation and return its name."""
        name = f"{self._prefix}_g{uuid.uuid4().hex[:12]}"
        self._client.create_collection(
            name, embedding_function=None, configuration={"hnsw": {"space": "cosine"}}
        )
        return name

    def add(self, collection: str, chunks: Sequence[Chunk], embeddings: NDArray[np.float32]) -> None:
        """Write passages with their embeddings into ``collection``."""
        target = self._client.get_collection(collection, embedding_function=None)
        for start in range(0, len(chunks), _BATCH):
            part = chunks[start : start + _BATCH]
            target.add(
                ids=[chunk.chunk_id for chunk in part],
                documents=[chunk.text for chunk in part],
                metadatas=[_metadata(chunk) for chunk in part],
                embeddings=embeddings[start : start + _BATCH],
            )

    def activate(self, collection: str, *, model: str, layout: str) -> None:
        """Point the index at ``collection`` (one atomic write), then drop every other generation.

        Args:
            collection: The generation to activate.
            model: The embedding model that filled it.
            layout: Version of the chunking that cut it.
        """
        self._meta.upsert(
            ids=[_ACTIVE],
            documents=[collection],
            metadatas=[{"collection": collection, "model": model, "layout": layout}],
            embeddings=[[0.0]],
        )
        self.drop_inactive()

    def drop_inactive(self) -> None:
        """Delete generation collections that are not active (left-overs of an interrupted ingest)."""
        active = self.active()
        for found in self._client.list_collections():
            name = found if isinstance(found, str) else found.name
            if name.startswith(f"{self._prefix}_g") and (active is None or name != active.collection):
                self._client.delete_collection(name)

    def records(self, collection: str) -> tuple[list[Chunk], NDArray[np.float32]]:
        """Every passage of ``collection`` with its embedding, in document order."""
        source = self._client.get_collection(collection, embedding_function=None)
        found = source.get(include=["documents", "metadatas", "embeddings"])
        ids, docs, metas = found["ids"], found["documents"] or [], found["metadatas"] or []
        embeddings = found.get("embeddings")
        chunks = [_chunk(i, d, dict(m)) for i, d, m in zip(ids, docs, metas, strict=True)]
        vectors = np.asarray(embeddings if embeddings is not None else [], dtype=np.float32)
        order = sorted(range(len(chunks)), key=lambda k: (chunks[k].doc_id, chunks[k].position))
        return [chunks[k] for k in order], (vectors[order] if len(order) else vectors)

    def query(self, collection: str, embedding: NDArray[np.float32], *, k: int) -> list[tuple[str, float]]:
        """The ``k`` nearest passages to ``embedding`` as (chunk id, cosine similarity)."""
        source = self._client.get_collection(collection, embedding_function=None)
        count = source.count()
        if count == 0:
            return []
        found = source.query(query_embeddings=[embedding], n_results=min(k, count), include=["distances"])
        ids = found["ids"][0]
        distances = (found.get("distances") or [[]])[0]
        return [(chunk_id, 1.0 - float(distance)) for chunk_id, distance in zip(ids, distances, strict=True)]
