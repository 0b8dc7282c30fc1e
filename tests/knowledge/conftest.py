"""Knowledge fixtures: the real embedding model and a knowledge base of the shipped pages, built once per run."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.bootstrap import SHIPPED_DOCS, KnowledgeBase
from knowledge.embeddings import SentenceTransformerEmbedder
from knowledge.service import KnowledgeService
from knowledge.vector_store import ChromaStore
from tests.knowledge.bridge.test_index import PAGES


@pytest.fixture(scope="session")
def embedder() -> SentenceTransformerEmbedder:
    """The bundled sentence-transformers model, loaded once per test run."""
    return SentenceTransformerEmbedder()


@pytest.fixture(scope="session")
def shipped_kb(
    tmp_path_factory: pytest.TempPathFactory, embedder: SentenceTransformerEmbedder
) -> KnowledgeBase:
    """A knowledge base in a temporary embedded Chroma with the shipped pages ingested. Do not ingest into it."""
    store = ChromaStore(path=str(tmp_path_factory.mktemp("shipped-chroma")))
    kb = KnowledgeBase(store=store, embedder=embedder)
    kb.ingest([SHIPPED_DOCS])
    return kb


@pytest.fixture(scope="session")
def service(shipped_kb: KnowledgeBase) -> KnowledgeService:
    """The answer engine over the shipped pages, configured as in production."""
    return KnowledgeService(retriever=shipped_kb.retriever(), contact="erasmuspluss@hkdir.no")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Three small pages (Bokmål, Nynorsk, English) in a folder, for the bridge and sentence tests; test files
    with pages of their own define their own ``folder``."""
    pages = tmp_path / "pages"
    pages.mkdir()
    for name, text in PAGES.items():
        (pages / name).write_text(text, encoding="utf-8")
    return pages


@pytest.fixture
def store(tmp_path: Path) -> ChromaStore:
    """An empty embedded Chroma store in the test's folder."""
    return ChromaStore(path=str(tmp_path / "chroma"))
