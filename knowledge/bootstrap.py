"""Opening the knowledge base: the store, the model, the shipped pages on first start, the in-memory catalog."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from knowledge.bridge.builder import BridgeBuilder
from knowledge.bridge.index import BridgeIndex
from knowledge.bridge.resources import LanguageResources
from knowledge.bridge.writer import BridgeWriter
from knowledge.catalog import Catalog, analyzer_fingerprint
from knowledge.embeddings import Embedder, SentenceTransformerEmbedder
from knowledge.ingest import INDEX_LAYOUT, Ingester, IngestReport, Progress
from knowledge.language import detect_language
from knowledge.retrieval import Retriever
from knowledge.sentence_vectors import SentenceVectors
from knowledge.translation import GlossaryTranslator
from knowledge.vector_store import ChromaStore
from knowledge.writer_lock import writer_lock

SHIPPED_DOCS = Path(__file__).resolve().parent / "docs"


class LoadingEmbedder:
    """The configured model, loaded in a background thread while the index is read; ``embed`` waits for it.

    The language detector is warmed in the same thread, so the first question does not pay for it either.

    Args:
        name: The sentence-transformers model (see :class:`SentenceTransformerEmbedder`).
    """

    def __init__(self, name: str) -> None:
        self._name = name
        self._model: SentenceTransformerEmbedder | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._load, name="embedding-model", daemon=True)
        self._thread.start()

    def _load(self) -> None:
        try:
            self._model = SentenceTransformerEmbedder(self._name)
            detect_language("Hvor lang tid har vi på rapporten?")
        except BaseException as error:  # re-raised in the caller's thread by embed()
            self._error = error

    @property
    def name(self) -> str:
        """The configured model name (known before the model has loaded)."""
        return self._name

    def embed(self, texts: Sequence[str]) -> NDArray[np.float32]:
        """Normalised embeddings of ``texts`` (waits for the model on first use)."""
        self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._model is not None
        return self._model.embed(texts)


class KnowledgeBase:
    """The index and the model that fills it, opened once per process.

    Args:
        store: Chroma, embedded or remote.
        embedder: The configured embedding model.
        languages: Dictionary and Nynorsk normaliser for the bridges (default: what the system has).
    """

    def __init__(
        self, *, store: ChromaStore, embedder: Embedder, languages: LanguageResources | None = None
    ) -> None:
        self.store = store
        self.embedder = embedder
        self.languages = languages or LanguageResources.from_system()
        self._translator = GlossaryTranslator(
            lexicon=self.languages.lexicon, forms_of=self.languages.question_forms
        )
        self._builder = BridgeBuilder(
            translator=self._translator,
            normaliser=self.languages.normaliser,
            resources=self.languages.describe(),
            english_forms=self.languages.english_forms,
        )
        self.sentences = SentenceVectors(store=store, embedder=embedder)

    def _ingester(self) -> Ingester:
        writer = BridgeWriter(store=self.store, embedder=self.embedder, builder=self._builder)
        return Ingester(
            store=self.store,
            embedder=self.embedder,
            detect=detect_language,
            bridges=writer,
            sentences=self.sentences,
        )

    @classmethod
    def open(cls, *, chroma_path: Path, chroma_url: str | None, prefix: str, model: str) -> KnowledgeBase:
        """Start loading the embedding model and connect to Chroma meanwhile."""
        embedder = LoadingEmbedder(model)
        if not chroma_url:
            chroma_path.mkdir(parents=True, exist_ok=True)
        store = ChromaStore(path=str(chroma_path), url=chroma_url, prefix=prefix)
        return cls(store=store, embedder=embedder)

    def ingest(
        self, paths: Sequence[Path], *, prune: bool = False, progress: Progress | None = None
    ) -> IngestReport:
        """Add or refresh documents (see :class:`knowledge.ingest.Ingester`), one writer at a time."""
        with writer_lock(self.store.folder):
            return self._ingester().ingest(paths, prune=prune, progress=progress)

    def ensure_ready(self, extra: Sequence[Path] = ()) -> IngestReport | None:
        """On first start, or after a model or chunking change, (re)build the index from the shipped pages and
        ``extra``; after an analyser or bridge builder change, re-analyse the stored passages and write
        their bridges again, once (one writer at a time: a second process waits, then finds it done)."""
        with writer_lock(self.store.folder):
            return self._make_ready(extra)

    def _make_ready(self, extra: Sequence[Path]) -> IngestReport | None:
        active = self.store.active()
        if active is not None and (active.model, active.layout) == (self.embedder.name, INDEX_LAYOUT):
            ingester = self._ingester()
            terms = ingester.refresh_terms(
                active
            )  # the analyser changed: re-analyse once, not at every start
            bridges = ingester.refresh_bridges(active)
            if self.sentences.empty():  # an index built before the sentences were stored: embed them once
                self.sentences.write(self.store.passages(active)[0])
            if terms or bridges:
                self.store.activate(
                    active.collection,
                    model=active.model,
                    layout=active.layout,
                    documents=active.documents,
                    analyzer=analyzer_fingerprint(),
                    bridges=self._builder.fingerprint,
                )
                self.store.drop_bridges(active.collection, keep=self._builder.fingerprint)
            return None
        return self._ingester().ingest([SHIPPED_DOCS, *extra])

    def retriever(self) -> Retriever:
        """A retriever over the active generation: its passages, their bridges and their stored BM25 terms
        are read into memory now (terms are analysed and bridges built afresh only when the analyser or the
        bridge builder has changed since they were stored); the vectors stay in Chroma."""
        active = self.store.active()
        if active is None:
            self.ensure_ready()
            active = self.store.active()
        assert active is not None
        chunks, terms, records = self.store.passages(active)
        stored = terms if active.analyzer == analyzer_fingerprint() else None
        catalog = Catalog(chunks, generation=active.collection, terms=stored, records=frozenset(records))
        normaliser = self.languages.normaliser
        if active.bridges == self._builder.fingerprint:
            bridge = BridgeIndex.stored(
                catalog=catalog, store=self.store, generation=active, normaliser=normaliser
            )
        else:
            bridge = BridgeIndex.built(
                catalog=catalog, builder=self._builder, embedder=self.embedder, normaliser=normaliser
            )
        return Retriever(
            catalog=catalog,
            store=self.store,
            embedder=self.embedder,
            translator=self._translator,
            bridge=bridge,
            sentences=self.sentences,
        )
