"""Assembling a `Document` from what a loader parsed out of a source file."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from core.language import Language
from knowledge.errors import UnreadableDocumentError
from knowledge.loaders.language_guess import LanguageDetector
from knowledge.loaders.source import SourceFile
from knowledge.models import Document, Section


@dataclass(frozen=True)
class Metadata:
    """What a file says about itself; None means the file did not say.

    Attributes:
        doc_id: Declared document id.
        url: Address of the authoritative page.
        language: Declared language.
        updated: Date the page was last updated.
        translation_of: doc_id of the original when this is a translation.
        official: False for unofficial translations.
    """

    doc_id: str | None = None
    url: str | None = None
    language: Language | None = None
    updated: date | None = None
    translation_of: str | None = None
    official: bool = True


def build_document(
    source: SourceFile,
    *,
    title: str,
    sections: tuple[Section, ...],
    metadata: Metadata,
    detect: LanguageDetector,
) -> Document:
    """Combine parsed content and metadata into a document.

    Args:
        source: The file the content came from.
        title: The document title.
        sections: The parsed sections in reading order.
        metadata: What the file declared about itself.
        detect: Used to find the language when the file declares none.

    Returns:
        The document.

    Raises:
        UnreadableDocumentError: If the file has no text content.
    """
    if not sections:
        raise UnreadableDocumentError(source.path, "no text content found")
    language = metadata.language or detect(_plain_text(title, sections))
    doc_id = metadata.doc_id or source.default_doc_id
    read = _what_was_read(doc_id, title, language, sections, metadata)
    return Document(
        doc_id=doc_id,
        title=title,
        url=metadata.url,
        language=language,
        updated=metadata.updated,
        source_path=source.source_path,
        content_hash=read_hash(source.content_hash, read),
        sections=sections,
        translation_of=metadata.translation_of,
        official=metadata.official,
    )


def _what_was_read(
    doc_id: str, title: str, language: Language, sections: tuple[Section, ...], metadata: Metadata
) -> dict[str, object]:
    """Everything the loader read from a file, as plain values (what :func:`read_hash` hashes)."""
    return {
        "doc_id": doc_id,
        "title": title,
        "url": metadata.url,
        "language": language.value,
        "updated": metadata.updated.isoformat() if metadata.updated else None,
        "sections": [section.model_dump(mode="json") for section in sections],
        "translation_of": metadata.translation_of,
        "official": metadata.official,
    }


def read_hash(file_hash: str, read: Mapping[str, object]) -> str:
    """The hash an ingest compares to tell a changed page: of the file's bytes and of what was read from them,
    so a page that a newer loader reads differently (chrome dropped, a date found) is cut and embedded again
    at the next ingest, and one it reads the same is left alone."""
    text = json.dumps(read, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(f"{file_hash}\n{text}".encode()).hexdigest()


def _plain_text(title: str, sections: tuple[Section, ...]) -> str:
    parts = [title]
    for section in sections:
        parts.append(section.heading)
        parts.extend(section.blocks)
    return "\n".join(parts)
