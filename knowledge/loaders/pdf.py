"""Loader for PDF files: the text of each page, laid out as on the page, is parsed like plain text."""

from __future__ import annotations

import io
from dataclasses import dataclass

from pypdf import PdfReader

from knowledge.errors import UnreadableDocumentError
from knowledge.loaders.document import Metadata, build_document
from knowledge.loaders.language_guess import LanguageDetector
from knowledge.loaders.source import SourceFile
from knowledge.loaders.text import parse_text
from knowledge.models import Document


@dataclass(frozen=True)
class _PdfText:
    title: str | None
    pages: tuple[str, ...]


def load_pdf(source: SourceFile, *, detect: LanguageDetector) -> Document:
    """Load a PDF with a text layer.

    The title comes from the PDF metadata, else from the first line of text.

    Args:
        source: The file to load.
        detect: Finds the language of the text.

    Returns:
        The parsed document.

    Raises:
        UnreadableDocumentError: If the PDF is broken, encrypted or has no extractable text.
    """
    pdf = _extract(source)
    parsed = parse_text("\n\n".join(pdf.pages), fallback_title=source.path.stem, title=pdf.title)
    return build_document(
        source,
        title=parsed.title,
        sections=parsed.sections,
        metadata=Metadata(updated=parsed.updated),
        detect=detect,
    )


def _extract(source: SourceFile) -> _PdfText:
    try:
        reader = PdfReader(io.BytesIO(source.raw))
        # Layout mode keeps vertical gaps as blank lines, which the plain-text heading rules rely on.
        pages = tuple(page.extract_text(extraction_mode="layout") or "" for page in reader.pages)
        title = reader.metadata.title if reader.metadata else None
    except Exception as exc:  # pypdf reports malformed files through many unrelated exception types.
        raise UnreadableDocumentError(source.path, f"not a readable PDF ({exc})") from exc
    return _PdfText(title=title.strip() if title and title.strip() else None, pages=pages)
