"""Adding documents to the index: unchanged ones are skipped, changed ones replaced, gone ones pruned."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from core.language import Language
from knowledge.chunking import LAYOUT_VERSION, chunk_document
from knowledge.embeddings import Embedder
from knowledge.errors import UnreadableDocumentError
from knowledge.loaders.registry import SUPPORTED_SUFFIXES, load_document
from knowledge.models import Chunk, Document
from knowledge.vector_store import ChromaStore

Progress = Callable[[str, int, int], None]
_EMBED_BATCH = 64


@dataclass
class IngestReport:
    """What an ingest did, document by document."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    rebuilt: bool = False

    @property
    def changed(self) -> bool:
        """Whether the index was rewritten."""
        return bool(self.added or self.updated or self.removed or self.rebuilt)


def collect_files(paths: Iterable[Path], report: IngestReport) -> list[Path]:
    """Supported files under ``paths`` (folders are walked); missing paths go into ``report.failed``."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(
                sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES)
            )
        elif path.is_file():
            files.append(path)
        else:
            report.failed.append((str(path), "no such file or folder"))
    return files


class Ingester:
    """Loads, chunks, embeds and stores documents, always leaving a complete index behind.

    Args:
        store: The Chroma store.
        embedder: The embedding model; the index records its name.
        detect: Language detector for documents that do not declare their language.
    """

    def __init__(self, *, store: ChromaStore, embedder: Embedder, detect: Callable[[str], Language]) -> None:
        self._store = store
        self._embedder = embedder
        self._detect = detect

    def ingest(
        self, paths: Sequence[Path], *, prune: bool = False, progress: Progress | None = None
    ) -> IngestReport:
        """Bring the index up to date with ``paths``; with ``prune``, drop documents whose files are gone."""
        report = IngestReport()
        loaded = self._load_all(collect_files(paths, report), report, progress)
        active = self._store.active()
        existing, vectors = self._store.records(active.collection) if active else ([], _empty())
        report.rebuilt = active is not None and (active.model, active.layout) != (
            self._embedder.name,
            LAYOUT_VERSION,
        )
        known = {chunk.doc_id: chunk for chunk in existing}
        if report.rebuilt:
            self._reload_known(loaded, known)
        changed = self._classify(loaded, known, report)
        if report.rebuilt:  # every document is cut and embedded afresh, so none is "unchanged"
            report.updated, report.unchanged = sorted(report.updated + report.unchanged), []
            changed = list(loaded)
        if prune:
            report.removed = sorted(
                doc_id
                for doc_id, chunk in known.items()
                if doc_id not in loaded and chunk.source_path and not Path(chunk.source_path).exists()
            )
        if not report.changed:
            return report
        dropped = set(changed) | set(report.removed)
        kept = [
            (chunk, vector)
            for chunk, vector in zip(existing, vectors, strict=True)
            if chunk.doc_id not in dropped
        ]
        fresh = [chunk for doc_id in changed for chunk in self._chunks(loaded[doc_id], loaded, known)]
        self._write(kept, fresh, rebuild=report.rebuilt, progress=progress)
        return report

    def _load_all(
        self, files: list[Path], report: IngestReport, progress: Progress | None
    ) -> dict[str, Document]:
        loaded: dict[str, Document] = {}
        for number, file in enumerate(files, 1):
            try:
                document = load_document(file, detect=self._detect)
                loaded[document.doc_id] = document
            except UnreadableDocumentError as error:
                report.failed.append((str(file), error.reason))
            if progress:
                progress("read", number, len(files))
        return loaded

    def _reload_known(self, loaded: dict[str, Document], known: dict[str, Chunk]) -> None:
        """For a rebuild: read every indexed document whose file is still there, to cut it afresh."""
        for doc_id, chunk in known.items():
            if doc_id not in loaded:
                document = self._reload(chunk)
                if document is not None:
                    loaded[doc_id] = document

    def _classify(
        self, loaded: dict[str, Document], known: dict[str, Chunk], report: IngestReport
    ) -> list[str]:
        changed: list[str] = []
        for doc_id, document in loaded.items():
            before = known.get(doc_id)
            if before is None:
                report.added.append(doc_id)
            elif before.content_hash != document.content_hash:
                report.updated.append(doc_id)
            else:
                report.unchanged.append(doc_id)
                continue
            changed.append(doc_id)
        # A translation is cut along its original, so it is re-cut whenever its original changes.
        for doc_id, document in loaded.items():
            if document.translation_of in changed and doc_id not in changed:
                changed.append(doc_id)
        return changed

    def _chunks(
        self, document: Document, loaded: dict[str, Document], known: dict[str, Chunk]
    ) -> list[Chunk]:
        original = None
        if document.translation_of:
            original = loaded.get(document.translation_of) or self._reload(known.get(document.translation_of))
        return chunk_document(document, original=original)

    def _reload(self, chunk: Chunk | None) -> Document | None:
        if chunk is None or not chunk.source_path:
            return None
        try:
            return load_document(Path(chunk.source_path), detect=self._detect)
        except UnreadableDocumentError:
            return None

    def _write(
        self,
        kept: list[tuple[Chunk, NDArray[np.float32]]],
        fresh: list[Chunk],
        *,
        rebuild: bool,
        progress: Progress | None,
    ) -> None:
        """Write a complete new generation; with ``rebuild`` (new model or layout) every passage is embedded again."""
        reused = [] if rebuild else kept
        to_embed = fresh + ([chunk for chunk, _ in kept] if rebuild else [])
        chunks = to_embed + [chunk for chunk, _ in reused]
        parts = [self._embed(to_embed, progress)] if to_embed else []
        if reused:
            parts.append(np.stack([vector for _, vector in reused]))
        collection = self._store.create_generation()
        if chunks:
            self._store.add(collection, chunks, np.concatenate(parts))
        self._store.activate(collection, model=self._embedder.name, layout=LAYOUT_VERSION)

    def _embed(self, chunks: list[Chunk], progress: Progress | None) -> NDArray[np.float32]:
        batches = []
        for start in range(0, len(chunks), _EMBED_BATCH):
            part = chunks[start : start + _EMBED_BATCH]
            batches.append(self._embedder.embed([chunk.embedding_text() for chunk in part]))
            if progress:
                progress("embed", min(start + _EMBED_BATCH, len(chunks)), len(chunks))
        return np.concatenate(batches) if batches else _empty()


def _empty() -> NDArray[np.float32]:
    return np.zeros((0, 0), dtype=np.float32)
