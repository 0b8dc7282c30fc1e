"""Section-aware chunking: passages never cross a section and keep their title, section, URL and date.

A passage groups consecutive paragraphs or list items of one section up to about ``max_chars``; a lead-in
that ends with a colon stays with what it introduces; an over-long paragraph is cut between sentences.
English renderings are cut exactly where their Norwegian original is cut, so passage *i* of a translation
renders passage *i* of its original and can carry the original's wording.
"""

from __future__ import annotations

from knowledge.models import Chunk, Document, Section
from knowledge.text.tokens import split_sentences

# Bump when the cut changes: an index cut differently is rebuilt, so translations stay aligned.
LAYOUT_VERSION = "3"
MAX_CHARS = 350
_SHORT = 80  # list items this short stay together

# (section index, first unit, end unit) of one passage
Span = tuple[int, int, int]


def section_units(section: Section, *, max_chars: int = MAX_CHARS) -> list[str]:
    """The section's blocks, with over-long blocks cut into runs of whole sentences."""
    units: list[str] = []
    for block in section.blocks:
        if len(block) <= max_chars * 2:
            units.append(block)
            continue
        run = ""
        for sentence in split_sentences(block):
            if run and len(run) + len(sentence) + 1 > max_chars:
                units.append(run)
                run = ""
            run = f"{run} {sentence}".strip()
        if run:
            units.append(run)
    return units


def plan_spans(document: Document, *, max_chars: int = MAX_CHARS) -> list[Span]:
    """Where to cut ``document`` into passages."""
    spans: list[Span] = []
    for index, section in enumerate(document.sections):
        units = section_units(section, max_chars=max_chars)
        start, size = 0, 0
        for position, unit in enumerate(units):
            previous = units[position - 1] if position > start else ""
            lead_in = previous.rstrip().endswith(":")
            in_list = len(unit) < _SHORT and 0 < len(previous) < _SHORT
            if previous and size + len(unit) > max_chars and not lead_in and not in_list:
                spans.append((index, start, position))
                start, size = position, 0
            size += len(unit) + 1
        if start < len(units):
            spans.append((index, start, len(units)))
    return spans


def _chunk_id(doc_id: str, span: Span) -> str:
    return f"{doc_id}#{span[0]}.{span[1]}"


def chunk_document(document: Document, *, original: Document | None = None) -> list[Chunk]:
    """Cut ``document`` into passages; a translation is cut along the spans of its ``original``."""
    spans = plan_spans(original if original is not None else document)
    chunks: list[Chunk] = []
    for position, span in enumerate(spans):
        text = _span_text(document, span, original=original)
        if not text:
            continue
        section = document.sections[span[0]] if span[0] < len(document.sections) else None
        own_id = _chunk_id(document.doc_id, span)
        group = _chunk_id(original.doc_id, span) if original is not None else own_id
        chunks.append(
            Chunk(
                chunk_id=own_id,
                doc_id=document.doc_id,
                text=text,
                title=document.title,
                section=section.heading if section else document.title,
                url=document.url,
                language=document.language,
                updated=document.updated,
                position=position,
                group_id=group,
                official=document.official,
                source_path=document.source_path,
                content_hash=document.content_hash,
            )
        )
    return chunks


def _span_text(document: Document, span: Span, *, original: Document | None = None) -> str:
    """The text of ``span``; in a translation that splits a section into a different number of pieces than
    its original, the span is stretched in proportion so that no translated text is dropped."""
    index, start, end = span
    if index >= len(document.sections):
        return ""
    units = section_units(document.sections[index])
    if original is not None and index < len(original.sections):
        expected = len(section_units(original.sections[index]))
        if expected and expected != len(units):
            start, end = round(start * len(units) / expected), round(end * len(units) / expected)
    return "\n".join(units[start:end]).strip()
