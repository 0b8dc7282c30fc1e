"""The sources an answer cites: the best passages and the ones it quotes, each page once."""

from __future__ import annotations

from core.language import Language
from knowledge.answering.extractive import Excerpt
from knowledge.catalog import Catalog
from knowledge.models import Citation
from knowledge.retrieval import Hit

SOURCES = 3  # the best passages cited beside the ones quoted


def citations_for(
    catalog: Catalog, hits: list[Hit], language: Language, excerpts: list[Excerpt]
) -> list[Citation]:
    """Citations of the ``SOURCES`` best hits and of every quoted passage, in the asker's language where a
    version exists (a rendering names its original)."""
    chosen = [excerpt.chunk.group_id for excerpt in excerpts]
    ordered = [hit.group_id for hit in hits[:SOURCES]]
    ordered += [group for group in chosen if group not in ordered]
    scores = {hit.group_id: hit.score for hit in hits}
    citations = []
    for group in ordered:
        chunk = catalog.version(group, language) or catalog.original(group)
        original = catalog.original(group)
        if chunk is None:
            continue
        rendering = original if original is not None and original.chunk_id != chunk.chunk_id else None
        citations.append(
            Citation(
                title=chunk.title,
                url=chunk.url,
                section=chunk.section,
                text=chunk.text,
                score=round(scores.get(group, 0.0), 4),
                language=chunk.language,
                updated=chunk.updated,
                official=chunk.official,
                original_text=rendering.text if rendering else None,
                original_title=rendering.title if rendering else None,
                original_url=rendering.url if rendering else None,
            )
        )
    return citations


def one_per_source(citations: list[Citation]) -> list[Citation]:
    """The citations with each page once: quotes from several sections of one page cite it once, naming
    those sections together ("Sluttrapportering · Dokumentasjon"); a quote from the page's opening adds no
    section."""
    pages: dict[tuple[str, str | None], list[Citation]] = {}
    for citation in citations:
        pages.setdefault((citation.title, citation.url), []).append(citation)
    merged = []
    for same_page in pages.values():
        sections = [c.section for c in same_page if c.section and c.section != c.title]
        first = same_page[0]
        merged.append(
            first.model_copy(update={"section": " · ".join(dict.fromkeys(sections)) or first.section})
        )
    return merged
