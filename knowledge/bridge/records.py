"""How a passage's bridges are stored: one record per authoritative passage in the generation's sibling
collection, with the English bridge's vector (a placeholder, never searched, for an English passage)."""

from __future__ import annotations

import sys
from collections.abc import Mapping

from core.language import Language
from knowledge.bridge.builder import PassageBridge


def bridge_record_id(chunk_id: str, tag: str, builder: str) -> str:
    """The record id of a passage's bridges: its document version and the builder that wrote them."""
    return f"{chunk_id}@{tag}#{builder}"


def parse_bridge_record_id(record: str) -> tuple[str, str]:
    """The chunk id and the builder inside a bridge's record id (see :func:`bridge_record_id`)."""
    head, _, builder = record.rpartition("#")
    return head.rpartition("@")[0], builder


def bridge_metadata(bridge: PassageBridge, *, tag: str, builder: str) -> dict[str, str | bool]:
    """The metadata stored for ``bridge`` (texts and BM25 terms; ``dense`` marks a searchable vector)."""
    return {
        "chunk_id": bridge.chunk_id,
        "doc_id": bridge.doc_id,
        "tag": tag,
        "builder": builder,
        "language": bridge.language.value,
        "gloss": bridge.gloss,
        "gloss_terms": " ".join(bridge.gloss_terms),
        "normalised": bridge.normalised,
        "normalised_terms": " ".join(bridge.normalised_terms),
        "dense": bool(bridge.english),
    }


def bridge_from_metadata(meta: Mapping[str, object]) -> PassageBridge:
    """The bridge stored by :func:`bridge_metadata`."""
    return PassageBridge(
        chunk_id=str(meta["chunk_id"]),
        doc_id=str(meta["doc_id"]),
        language=Language(str(meta["language"])),
        gloss=str(meta.get("gloss") or ""),
        gloss_terms=_terms(meta.get("gloss_terms")),
        normalised=str(meta.get("normalised") or ""),
        normalised_terms=_terms(meta.get("normalised_terms")),
    )


def _terms(stored: object) -> tuple[str, ...]:
    """Stored BM25 terms, each one shared string object (they recur across thousands of bridges)."""
    return tuple(sys.intern(term) for term in str(stored or "").split())
