"""A source file as read from disk: its bytes and the identifiers derived from them."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from knowledge.errors import UnreadableDocumentError


@dataclass(frozen=True)
class SourceFile:
    """The raw bytes of a file together with its resolved path.

    Attributes:
        path: The absolute, resolved path of the file.
        raw: The file's bytes exactly as stored.
    """

    path: Path
    raw: bytes

    @property
    def source_path(self) -> str:
        """The resolved absolute path as a string."""
        return str(self.path)

    @property
    def content_hash(self) -> str:
        """SHA-256 of the raw bytes, in hex."""
        return hashlib.sha256(self.raw).hexdigest()

    @property
    def default_doc_id(self) -> str:
        """A stable id derived from the resolved path, for files that declare none."""
        return "file-" + hashlib.sha1(str(self.path).encode("utf-8")).hexdigest()[:16]

    def text(self) -> str:
        """Decode the bytes as UTF-8 text (a byte-order mark is dropped).

        Raises:
            UnreadableDocumentError: If the bytes are binary or not valid UTF-8.
        """
        if b"\x00" in self.raw:
            raise UnreadableDocumentError(self.path, "binary content (NUL bytes)")
        try:
            return self.raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise UnreadableDocumentError(self.path, f"not valid UTF-8 text ({exc.reason})") from exc


def read_source(path: Path) -> SourceFile:
    """Read a file's bytes.

    Args:
        path: The file to read.

    Returns:
        The file with its resolved path.

    Raises:
        UnreadableDocumentError: If the file cannot be read or is empty.
    """
    resolved = path.resolve()
    try:
        raw = resolved.read_bytes()
    except OSError as exc:
        raise UnreadableDocumentError(path, exc.strerror or str(exc)) from exc
    if not raw.strip():
        raise UnreadableDocumentError(path, "the file is empty")
    return SourceFile(path=resolved, raw=raw)
