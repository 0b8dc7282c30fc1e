"""Opening the knowledge base: the store, the model, the shipped pages on first start, the in-memory catalog."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from knowledge.bridge.index import BridgeIndex
from knowledge.bridge.resources import LanguageResources
from knowledge.catalog import Catalog
from knowledge.chunking import LAYOUT_VERSION
from knowledge.embeddings import Embedder, SentenceTransformerEmbedder
from knowledge.ingest import Ingester, IngestReport, Progress
from knowledge.language import detect_language
from knowledge.retrieval import Retriever
from knowledge.translation import GlossaryTranslator
from knowledge.vector_store import ChromaStore

SHIPPED_DOCS = Path(__file__).resolve().parent / "docs"


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
        self._translator = GlossaryTranslator(lexicon=self.languages.lexicon)

    @classmethod
    def open(cls, *, chroma_path: Path, chroma_url: str | None, prefix: str, model: str) -> KnowledgeBase:
        """Connect to Chroma and load the embedding model."""
        if not chroma_url:
            chroma_path.mkdir(parents=True, exist_ok=True)
        store = ChromaStore(path=str(chroma_path), url=chroma_url, prefix=prefix)
        return cls(store=store, embedder=SentenceTransformerEmbedder(model))

    def ingest(
        self, paths: Sequence[Path], *, prune: bool = False, progress: Progress | None = None
    ) -> IngestReport:
        """Add or refresh documents (see :class:`knowledge.ingest.Ingester`)."""
        ingester = Ingester(store=self.store, embedder=self.embedder, detect=detect_language)
        return ingester.ingest(paths, prune=prune, progress=progress)

    def ensure_ready(self, extra: Sequence[Path] = ()) -> IngestReport | None:
        """On first start, or after a model or chunking change, (re)build the index from the shipped pages and ``extra``."""
        active = self.store.active()
        if active is not None and (active.model, active.layout) == (self.embedder.name, LAYOUT_VERSION):
            return None
        return self.ingest([SHIPPED_DOCS, *extra])

    def retriever(self) -> Retriever:
        """A retriever over the active generation (read into memory now)."""
        active = self.store.active()
        if active is None:
            self.ensure_ready()
            active = self.store.active()
        assert active is not None
        chunks, _ = self.store.records(active.collection)
        catalog = Catalog(chunks, generation=active.collection)
        bridge = BridgeIndex(
            catalog=catalog,
            translator=self._translator,
            embedder=self.embedder,
            normaliser=self.languages.normaliser,
        )
        return Retriever(
            catalog=catalog,
            store=self.store,
            embedder=self.embedder,
            translator=self._translator,
            bridge=bridge,
        )
