"""Adding documents to the index: unchanged ones are skipped, changed ones replaced, gone ones pruned.

Adding or changing a page writes only that page's passages (with their BM25 terms) beside the live ones and
then moves the pointer (see :mod:`knowledge.vector_store`); only a new model or chunk layout re-embeds every
passage into a new generation.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from core.language import Language
from knowledge.bridge.writer import BridgeWriter
from knowledge.catalog import analyzer_fingerprint, stored_terms
from knowledge.chunking import LAYOUT_VERSION, chunk_document
from knowledge.embeddings import Embedder
from knowledge.errors import UnreadableDocumentError
from knowledge.loaders.registry import SUPPORTED_SUFFIXES, load_document
from knowledge.models import Chunk, Document
from knowledge.sentence_vectors import SentenceVectors
from knowledge.vector_store import ChromaStore, DocumentEntry, Generation

Progress = Callable[[str, int, int], None]
_EMBED_BATCH = 64
# The chunk layout and the way passages are stored (tagged records, BM25 terms, a manifest): a change of
# either rewrites the index.
INDEX_LAYOUT = f"{LAYOUT_VERSION}.m1"


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
        bridges: Writes the passages' bridges beside them (None: no bridges are stored).
        sentences: Embeds and stores the passages' sentences (None: they are embedded when answering).
    """

    def __init__(
        self,
        *,
        store: ChromaStore,
        embedder: Embedder,
        detect: Callable[[str], Language],
        bridges: BridgeWriter | None = None,
        sentences: SentenceVectors | None = None,
    ) -> None:
        self._store = store
        self._embedder = embedder
        self._detect = detect
        self._bridges = bridges
        self._sentences = sentences

    def ingest(
        self, paths: Sequence[Path], *, prune: bool = False, progress: Progress | None = None
    ) -> IngestReport:
        """Bring the index up to date with ``paths``; with ``prune``, drop documents whose files are gone."""
        report = IngestReport()
        loaded = self._load_all(collect_files(paths, report), report, progress)
        active = self._store.active()
        report.rebuilt = active is not None and (
            (active.model, active.layout) != (self._embedder.name, INDEX_LAYOUT) or active.documents is None
        )
        if report.rebuilt:
            assert active is not None
            self._rebuild(active, loaded, report, prune=prune, progress=progress)
            return report
        known = dict(active.documents or {}) if active is not None else {}
        changed = self._classify(loaded, known, report)
        if prune:
            report.removed = sorted(
                doc_id
                for doc_id, entry in known.items()
                if doc_id not in loaded and entry.source_path and not Path(entry.source_path).exists()
            )
        if not report.changed:
            return report
        fresh = [chunk for doc_id in changed for chunk in self._chunks(loaded[doc_id], loaded, known)]
        tag = uuid.uuid4().hex[:10]
        collection = active.collection if active is not None else self._store.create_generation()
        self._add(collection, fresh, tag=tag, progress=progress)
        documents = {doc_id: entry for doc_id, entry in known.items() if doc_id not in report.removed}
        documents |= {doc_id: _entry(loaded[doc_id], tag) for doc_id in changed}
        if active is not None:
            self.refresh_terms(active)
            self.refresh_bridges(active)
        self._activate(collection, documents)
        self._store.remove_stale(
            Generation(collection=collection, model="", documents=documents), [*changed, *report.removed]
        )
        return report

    def refresh_terms(self, active: Generation) -> bool:
        """Re-analyse the stored passages when the analyser has changed since their terms were stored.

        The records are updated in place; the pointer keeps the old fingerprint until the caller moves it,
        and until then readers analyse the passages themselves rather than trust the stored terms.

        Returns:
            Whether anything was rewritten.
        """
        if active.analyzer == analyzer_fingerprint():
            return False
        chunks, _, _ = self._store.passages(active)
        terms: dict[str, list[str]] = {}
        for doc_chunks in _by_document(chunks).values():
            terms |= stored_terms(doc_chunks)
        self._store.rewrite_terms(active, chunks, terms)
        return True

    def refresh_bridges(self, active: Generation) -> bool:
        """Write the stored passages' bridges again when the bridge builder has changed since they were
        written (they become live when the pointer moves; see :meth:`BridgeWriter.refresh`)."""
        return self._bridges is not None and self._bridges.refresh(active)

    def _activate(self, collection: str, documents: Mapping[str, DocumentEntry]) -> None:
        """Move the pointer to ``documents`` of ``collection``, then drop bridges of an older builder."""
        fingerprint = self._bridges.fingerprint if self._bridges is not None else ""
        self._store.activate(
            collection,
            model=self._embedder.name,
            layout=INDEX_LAYOUT,
            documents=documents,
            analyzer=analyzer_fingerprint(),
            bridges=fingerprint,
        )
        self._store.drop_bridges(collection, keep=fingerprint)

    def _rebuild(
        self,
        active: Generation,
        loaded: dict[str, Document],
        report: IngestReport,
        *,
        prune: bool,
        progress: Progress | None,
    ) -> None:
        """A new model or chunk layout: every document cut and embedded afresh into a new generation.

        Documents not given this time are read again from their files; one whose file is gone keeps its
        stored passages (embedded again) unless ``prune`` drops it.
        """
        existing, _, _ = self._store.passages(active)
        known = {chunk.doc_id: chunk for chunk in existing}
        self._reload_known(loaded, known)
        self._classify(
            loaded,
            {doc: DocumentEntry("", c.content_hash, c.source_path) for doc, c in known.items()},
            report,
        )
        report.updated, report.unchanged = sorted(report.updated + report.unchanged), []
        gone = {doc_id for doc_id in known if doc_id not in loaded}
        if prune:
            report.removed = sorted(doc_id for doc_id in gone if not Path(known[doc_id].source_path).exists())
        sources = {doc_id: known[doc_id].source_path for doc_id in known}
        fresh = [chunk for document in loaded.values() for chunk in self._chunks(document, loaded, sources)]
        kept = [chunk for chunk in existing if chunk.doc_id in gone and chunk.doc_id not in report.removed]
        tag = uuid.uuid4().hex[:10]
        collection = self._store.create_generation()
        self._add(collection, fresh + kept, tag=tag, progress=progress)
        documents = {doc_id: _entry(document, tag) for doc_id, document in loaded.items()}
        documents |= {c.doc_id: DocumentEntry(tag, c.content_hash, c.source_path) for c in kept}
        self._activate(collection, documents)

    def _add(self, collection: str, chunks: list[Chunk], *, tag: str, progress: Progress | None) -> None:
        """Embed ``chunks`` and write them with their BM25 terms and bridges (nothing is written if
        embedding fails)."""
        if not chunks:
            return
        vectors = self._embed(chunks, progress)
        terms: dict[str, list[str]] = {}
        for doc_chunks in _by_document(chunks).values():
            terms |= stored_terms(doc_chunks)
        self._store.add(collection, chunks, vectors, tag=tag, terms=terms)
        if self._bridges is not None:
            self._bridges.write(collection, chunks, tag=tag, dimension=int(vectors.shape[1]))
        if self._sentences is not None:  # stored by content: a reader of any generation may use them
            self._sentences.write(chunks)

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
                document = self._reload(chunk.source_path)
                if document is not None:
                    loaded[doc_id] = document

    def _classify(
        self, loaded: dict[str, Document], known: Mapping[str, DocumentEntry], report: IngestReport
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
        self, document: Document, loaded: dict[str, Document], known: Mapping[str, DocumentEntry | str]
    ) -> list[Chunk]:
        original = None
        if document.translation_of:
            source = known.get(document.translation_of)
            path = source.source_path if isinstance(source, DocumentEntry) else source
            original = loaded.get(document.translation_of) or self._reload(path)
        return chunk_document(document, original=original)

    def _reload(self, source_path: str | None) -> Document | None:
        if not source_path:
            return None
        try:
            return load_document(Path(source_path), detect=self._detect)
        except UnreadableDocumentError:
            return None

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


def _entry(document: Document, tag: str) -> DocumentEntry:
    return DocumentEntry(tag=tag, content_hash=document.content_hash, source_path=document.source_path)


def _by_document(chunks: Sequence[Chunk]) -> dict[str, list[Chunk]]:
    found: dict[str, list[Chunk]] = {}
    for chunk in chunks:
        found.setdefault(chunk.doc_id, []).append(chunk)
    return found
