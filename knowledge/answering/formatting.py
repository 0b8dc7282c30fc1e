"""Plain-text answers with their source line (adapters turn these into Block Kit or Adaptive Cards)."""

from __future__ import annotations

from core.dates import DateStyle, format_date
from core.language import Language
from knowledge.answering.extractive import Excerpt
from knowledge.answering.messages import text
from knowledge.models import Citation


def source_line(citation: Citation, language: Language) -> str:
    """ "Kilde: Title › Section – URL (sist oppdatert …)" for one citation."""
    where = (
        citation.title
        if citation.section in ("", citation.title)
        else f"{citation.title} › {citation.section}"
    )
    line = f"{text('source', language)}: {where}"
    if citation.url:
        line += f" – {citation.url}"
    if citation.updated:
        line += f" ({text('updated', language, date=format_date(citation.updated, language, style=DateStyle.LONG))})"
    if not citation.official:
        line += f" {text('unofficial', language)}"
    return line


def compose(excerpts: list[Excerpt], citations: list[Citation], language: Language) -> str:
    """The answer: the chosen sentences, then one source line per passage they came from."""
    return with_sources(compose_body(excerpts, language), citations, language)


def with_sources(body: str, citations: list[Citation], language: Language) -> str:
    """``body`` followed by one source line per distinct citation."""
    sources = [source_line(citation, language) for citation in citations]
    return body + "\n\n" + "\n".join(dict.fromkeys(sources))


def compose_body(excerpts: list[Excerpt], language: Language) -> str:
    """The chosen sentences, without source lines (adapters that show sources themselves use this)."""
    body: list[str] = []
    if excerpts and all(excerpt.chunk.language is not language for excerpt in excerpts):
        body.append(text("other_language_only", language))
    body.extend(
        " ".join(excerpt.sentences) if len(excerpt.sentences) < 3 else "\n".join(excerpt.sentences)
        for excerpt in excerpts
    )
    return "\n\n".join(body)
