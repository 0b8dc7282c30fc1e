"""Domain errors raised by the knowledge package."""

from __future__ import annotations

from pathlib import Path


class KnowledgeError(Exception):
    """Base class for errors raised by the knowledge package."""


class UnreadableDocumentError(KnowledgeError):
    """A source file could not be turned into a document.

    Attributes:
        path: The file that could not be read.
        reason: A short, human-readable explanation.
    """

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"Cannot read document {path}: {reason}")
