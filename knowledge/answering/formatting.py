"""Plain-text answers with their source line (adapters turn these into Block Kit or Adaptive Cards)."""

from __future__ import annotations

from collections.abc import Sequence

from core.dates import DateStyle, format_date
from core.language import Language
from knowledge.answering.extractive import Excerpt
from knowledge.answering.messages import text
from knowledge.models import Answer, AnswerKind, Citation, ProgrammeSplit


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


def compose_body(excerpts: list[Excerpt], language: Language, *, notes: Sequence[str | None] = ()) -> str:
    """The chosen sentences, without source lines (adapters that show sources themselves use this).

    ``notes`` (one per excerpt, or none) follow their excerpt: "Dette gjelder KA210 (…)." after the last of
    a run of excerpts that share it.
    """
    body: list[str] = []
    if other_language_only(excerpts, language):
        body.append(text("other_language_only", language))
    for number, excerpt in enumerate(excerpts):
        body.append(quote_of([excerpt]))
        note = notes[number] if number < len(notes) else None
        following = notes[number + 1] if number + 1 < len(notes) else None
        if note and note != following:
            body.append(note)
    return "\n\n".join(body)


def other_language_only(excerpts: list[Excerpt], language: Language) -> bool:
    """Whether every quoted passage is in the other language (the answer says so first)."""
    return bool(excerpts) and all(excerpt.chunk.language is not language for excerpt in excerpts)


def quote_of(excerpts: list[Excerpt]) -> str:
    """The excerpts' sentences: a paragraph each, a line per sentence when there are three or more."""
    return "\n\n".join(
        " ".join(excerpt.sentences) if len(excerpt.sentences) < 3 else "\n".join(excerpt.sentences)
        for excerpt in excerpts
    )


def split_lead(language: Language, *, other_language: bool = False) -> str:
    """The sentence that opens an answer split by programme (saying first when the quotes are in the other
    language)."""
    parts = [text("other_language_only", language)] if other_language else []
    return " ".join([*parts, text("programmes_differ", language)])


def compose_split(split: ProgrammeSplit, language: Language) -> tuple[str, str]:
    """An answer split by programme as its body (the lead, then each programme's labelled quote) and its
    text (each labelled quote followed by its own source line)."""
    parts = [f"{quote.label}: {quote.quote}" for quote in split.quotes]
    sourced = [
        f"{part}\n{source_line(quote.citation, language)}"
        for part, quote in zip(parts, split.quotes, strict=True)
    ]
    return "\n\n".join([split.lead, *parts]), "\n\n".join([split.lead, *sourced])


def as_generated(answer: Answer, generated: str, language: Language) -> Answer:
    """``answer`` replaced by an LLM's text over the same passages, citing every passage it was given."""
    citations = list(answer.citations)
    body = "\n\n".join([generated, "\n".join(source_line(c, language) for c in citations)])
    return answer.model_copy(
        update={
            "text": body,
            "kind": AnswerKind.GENERATIVE,
            "body": generated,
            "cited": tuple(citations),
            "split": None,
        }
    )
