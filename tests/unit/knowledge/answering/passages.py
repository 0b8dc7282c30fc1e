"""Passages of a made-up page for the answering tests."""

from __future__ import annotations

from core.language import Language
from knowledge.models import Chunk


def passage(doc_id: str, position: int, text: str) -> Chunk:
    """A Bokmål passage of section «Frister» on page ``doc_id``, its own group."""
    return Chunk(
        chunk_id=f"{doc_id}#{position}",
        doc_id=doc_id,
        text=text,
        title="Sluttrapport",
        section="Frister",
        url=None,
        language=Language.NB,
        updated=None,
        position=position,
        group_id=f"{doc_id}#{position}",
    )
