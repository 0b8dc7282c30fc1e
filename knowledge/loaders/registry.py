"""Choosing a loader by file suffix, and the single entry point `load_document`."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Protocol

from knowledge.errors import UnreadableDocumentError
from knowledge.language import detect_language
from knowledge.loaders.html import load_html
from knowledge.loaders.language_guess import LanguageDetector
from knowledge.loaders.markdown import load_markdown
from knowledge.loaders.pdf import load_pdf
from knowledge.loaders.source import SourceFile, read_source
from knowledge.loaders.text import load_text
from knowledge.models import Document


class Loader(Protocol):
    """Turns one source file into a document."""

    def __call__(self, source: SourceFile, *, detect: LanguageDetector) -> Document:
        """Parse the file; raise `UnreadableDocumentError` when it cannot be parsed."""
        ...


LOADERS: Mapping[str, Loader] = {
    ".md": load_markdown,
    ".markdown": load_markdown,
    ".txt": load_text,
    ".html": load_html,
    ".htm": load_html,
    ".pdf": load_pdf,
}
SUPPORTED_SUFFIXES: frozenset[str] = frozenset(LOADERS)


def loader_for(path: Path) -> Loader:
    """Pick the loader for a file by its suffix (case-insensitive).

    Raises:
        UnreadableDocumentError: If no loader handles the suffix.
    """
    loader = LOADERS.get(path.suffix.lower())
    if loader is None:
        supported = ", ".join(sorted(SUPPORTED_SUFFIXES))
        raise UnreadableDocumentError(path, f"unsupported file type {path.suffix!r} (supported: {supported})")
    return loader


def load_document(path: Path, *, detect: LanguageDetector = detect_language) -> Document:
    """Read and parse one file into a document.

    Args:
        path: A Markdown, text, HTML or PDF file.
        detect: Finds the language when the file does not declare it.

    Returns:
        The parsed document.

    Raises:
        UnreadableDocumentError: If the type is unsupported, the file cannot be read or decoded, is
            broken or has no text content.
    """
    resolved = path.resolve()
    loader = loader_for(resolved)
    return loader(read_source(resolved), detect=detect)
