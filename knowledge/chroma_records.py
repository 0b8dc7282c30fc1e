"""How passages are kept as Chroma records: their metadata, and reading them back (whole collections a page of
records at a time, stored BM25 terms as shared strings)."""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from core.language import Language
from knowledge.generations import chunk_id_of
from knowledge.models import Chunk

# Records read per call when a whole collection is read: one call for thousands of records makes Chroma hold
# them all at once (about 160 MB more at peak for 7,000 passages, which the process keeps).
PAGE = 500


def passage_metadata(chunk: Chunk, *, tag: str, terms: Sequence[str] | None) -> dict[str, str | int | bool]:
    """The metadata stored with a passage's record (its BM25 terms joined by spaces)."""
    return {
        "chunk_id": chunk.chunk_id,
        "tag": tag,
        "terms": " ".join(terms) if terms is not None else "",
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


def passage_of(record: str, text: str, meta: Mapping[str, object]) -> Chunk:
    """The passage stored by :func:`passage_metadata` under ``record`` with ``text``."""
    updated = str(meta.get("updated") or "")
    return Chunk(
        chunk_id=str(meta.get("chunk_id") or chunk_id_of(record)),
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


def stored_terms(meta: Mapping[str, object]) -> list[str]:
    """A passage's stored BM25 terms; terms recur across thousands of passages, so each is one shared string."""
    return [sys.intern(term) for term in str(meta.get("terms") or "").split()]


def read_all(
    collection: Any, *, include: list[str], where: dict[str, Any] | None = None
) -> dict[str, list[Any]]:
    """Every record of ``collection`` (matching ``where``) as one ``get`` result, read ``PAGE`` at a time."""
    found: dict[str, list[Any]] = {"ids": [], **{key: [] for key in include}}
    offset = 0
    while True:
        page = collection.get(include=include, where=where, limit=PAGE, offset=offset)
        found["ids"] += page["ids"]
        for key in include:
            found[key] += page.get(key) or []
        if len(page["ids"]) < PAGE:
            return found
        offset += PAGE
