"""Connecting to Chroma, embedded on disk or on a server (telemetry off: these machines are offline)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlparse


def chroma_client(*, path: str | None, url: str | None) -> Any:
    """A Chroma client: on a server when ``url`` is given, else embedded in the folder ``path``."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    settings = ChromaSettings(anonymized_telemetry=False)
    if url:
        parsed = urlparse(url)
        return chromadb.HttpClient(
            host=parsed.hostname or "localhost",
            port=parsed.port or (443 if parsed.scheme == "https" else 8000),
            ssl=parsed.scheme == "https",
            settings=settings,
        )
    return chromadb.PersistentClient(path=path or "chroma", settings=settings)
