"""Turning answers into the command line's output: plain text or one JSON object per question."""

from __future__ import annotations

import io
import json
import sys
from typing import TextIO

from knowledge.models import Answer


def answer_json(answer: Answer) -> str:
    """One line of JSON: question, answer, language, abstained, and the sources best first."""
    sources = []
    for citation in answer.citations:
        source: dict[str, object] = {
            "title": citation.title,
            "url": citation.url,
            "section": citation.section,
            "text": citation.text,
            "score": citation.score,
            "language": citation.language.value,
            "updated": citation.updated.isoformat() if citation.updated else None,
            "official": citation.official,
        }
        if citation.original_text is not None:
            source["original_text"] = citation.original_text
            source["original_url"] = citation.original_url
        sources.append(source)
    payload = {
        "question": answer.question,
        "answer": answer.text,
        "language": answer.language.value,
        "abstained": answer.abstained,
        "confidence": answer.confidence,
        "sources": sources,
    }
    return json.dumps(payload, ensure_ascii=False)


def answer_text(answer: Answer) -> str:
    """The answer as a person reads it in a terminal."""
    return answer.text


def tolerant_stdin() -> TextIO:
    """Standard input that reads invalid UTF-8 as U+FFFD instead of ending the session with an exception."""
    if isinstance(sys.stdin, io.TextIOWrapper):
        sys.stdin.reconfigure(errors="replace")
    return sys.stdin
