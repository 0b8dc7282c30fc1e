"""Index generations: which version of each document is live, and how passage records are named."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class DocumentEntry:
    """One live document of a generation: its records' tag, the hash of its file, where it was read from."""

    tag: str
    content_hash: str
    source_path: str = ""


@dataclass(frozen=True)
class Generation:
    """The active generation: its collection, the model and layout that filled it, its live documents, and
    the fingerprints of the analyser and of the bridge builder that wrote its BM25 terms and bridges.

    ``documents`` is None for an index written before manifests existed: every record is live.
    """

    collection: str
    model: str
    layout: str = ""
    documents: Mapping[str, DocumentEntry] | None = None
    analyzer: str = ""
    bridges: str = ""


def record_id(chunk_id: str, tag: str) -> str:
    """The Chroma id of a passage of a document version tagged ``tag`` (the chunk id when untagged)."""
    return f"{chunk_id}@{tag}" if tag else chunk_id


def chunk_id_of(record: str) -> str:
    """The chunk id inside a record id."""
    return record.rsplit("@", 1)[0] if "@" in record else record


def write_manifest(documents: Mapping[str, DocumentEntry]) -> str:
    """The manifest as the pointer record stores it (JSON: document id → tag, file hash, file)."""
    return json.dumps(
        {doc: [entry.tag, entry.content_hash, entry.source_path] for doc, entry in sorted(documents.items())},
        ensure_ascii=False,
    )


def read_manifest(text: str | None) -> dict[str, DocumentEntry] | None:
    """The manifest stored by :func:`write_manifest` (None for a pointer written before manifests)."""
    if not text or not text.startswith("{"):
        return None
    return {doc: DocumentEntry(*values) for doc, values in json.loads(text).items()}
