"""Incremental ingest: one page's passages written beside the live ones, readers never see a mix."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.bootstrap import KnowledgeBase
from knowledge.embeddings import Embedder
from knowledge.models import Question
from knowledge.service import KnowledgeService
from knowledge.vector_store import ChromaStore, DocumentEntry

PAGE = """---
id: {doc_id}
title: {title}
url: https://example.org/{doc_id}
language: nb
updated: 2024-02-01
---

# {title}

## Frist

{text}
"""


class PointerFailingStore(ChromaStore):
    """The real store, except that moving the pointer fails (a crash between writing and activating)."""

    def activate(self, collection: str, **kwargs: object) -> None:  # type: ignore[override]
        raise RuntimeError("power cut")


def _write(folder: Path, doc_id: str, title: str, text: str) -> Path:
    path = folder / f"{doc_id}.md"
    path.write_text(PAGE.format(doc_id=doc_id, title=title, text=text), encoding="utf-8")
    return path


def _records(store: ChromaStore) -> set[str]:
    active = store.active()
    assert active is not None
    return store.passages(active)[2]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    _write(docs, "rapport", "Rapport", "Sluttrapporten skal leveres innen 60 dager etter endt prosjekt.")
    _write(docs, "budsjett", "Budsjett", "Det er mulig å flytte midler mellom budsjettposter.")
    return docs


def test_adding_a_page_keeps_the_other_pages_records(
    tmp_path: Path, embedder: Embedder, folder: Path
) -> None:
    store = ChromaStore(path=str(tmp_path / "chroma"))
    kb = KnowledgeBase(store=store, embedder=embedder)
    kb.ingest([folder])
    before, generation = _records(store), store.active()
    new = _write(
        folder, "kontroll", "Kontroll", "Prosjekter kan bli plukket ut til kontroll av dokumentasjon."
    )

    report = kb.ingest([new])

    active = store.active()
    assert report.added == ["kontroll"] and not report.rebuilt
    assert active is not None and generation is not None
    assert active.collection == generation.collection  # no new generation was written
    after = _records(store)
    assert before < after and all(record.startswith("kontroll#") for record in after - before)
    assert active.documents is not None and set(active.documents) == {"rapport", "budsjett", "kontroll"}


def test_a_reader_opened_before_a_change_answers_from_its_own_version(
    tmp_path: Path, embedder: Embedder, folder: Path
) -> None:
    store = ChromaStore(path=str(tmp_path / "chroma"))
    kb = KnowledgeBase(store=store, embedder=embedder)
    kb.ingest([folder])
    old_reader = KnowledgeService(retriever=kb.retriever(), contact="x@example.org")
    _write(folder, "rapport", "Rapport", "Sluttrapporten skal leveres innen 90 dager etter endt prosjekt.")

    assert kb.ingest([folder]).updated == ["rapport"]

    question = Question(text="Hvor mange dager har vi på å levere sluttrapporten?")
    new_reader = KnowledgeService(retriever=kb.retriever(), contact="x@example.org")
    assert "90 dager" in new_reader.answer(question).text
    old = old_reader.answer(question).text
    assert "60 dager" in old and "90 dager" not in old
    assert not any("60 dager" in chunk.text for chunk in new_reader.catalog.by_id.values())


def test_crash_before_the_pointer_moves_leaves_orphans_no_reader_sees(
    tmp_path: Path, embedder: Embedder, folder: Path
) -> None:
    KnowledgeBase(store=ChromaStore(path=str(tmp_path / "chroma")), embedder=embedder).ingest([folder])
    failing = PointerFailingStore(path=str(tmp_path / "chroma"))
    before = failing.active()
    _write(folder, "rapport", "Rapport", "Sluttrapporten skal leveres innen 90 dager etter endt prosjekt.")

    with pytest.raises(RuntimeError, match="power cut"):
        KnowledgeBase(store=failing, embedder=embedder).ingest([folder])

    store = ChromaStore(path=str(tmp_path / "chroma"))
    assert store.active() == before
    kb = KnowledgeBase(store=store, embedder=embedder)
    texts = [chunk.text for chunk in kb.retriever().catalog.by_id.values()]
    assert any("60 dager" in text for text in texts) and not any("90 dager" in text for text in texts)

    assert kb.ingest([folder]).updated == ["rapport"]
    active = store.active()
    assert active is not None
    everything = store.records(active.collection)[0]
    stored = store._collection(active.collection).get(include=[])["ids"]
    assert len(stored) == len(everything) == 2  # the orphan of the crashed run is gone too


def test_stored_terms_give_the_same_index_as_analysing_afresh(shipped_kb: KnowledgeBase) -> None:
    from knowledge.catalog import Catalog

    stored = shipped_kb.retriever().catalog
    fresh = Catalog(list(stored.by_id.values()), generation=stored.generation)

    for language, shard in stored.shards.items():
        assert [shard.terms_of(chunk.chunk_id) for chunk in shard.chunks] == [
            fresh.shards[language].terms_of(chunk.chunk_id) for chunk in shard.chunks
        ]
        terms = ["sluttrapport", "frist", "mobility", "partner"]
        assert shard.bm25.scores(terms) == pytest.approx(fresh.shards[language].bm25.scores(terms))


def test_manifest_round_trips_through_the_pointer(tmp_path: Path) -> None:
    store = ChromaStore(path=str(tmp_path / "chroma"))
    collection = store.create_generation()
    documents = {"a": DocumentEntry("t1", "h1", "/docs/a.md"), "b": DocumentEntry("t2", "h2", "")}

    store.activate(collection, model="m", layout="l", documents=documents, analyzer="x")

    reopened = ChromaStore(path=str(tmp_path / "chroma")).active()
    assert reopened is not None and reopened.documents == documents and reopened.analyzer == "x"


def test_a_changed_analyser_is_applied_to_the_stored_terms_once(
    tmp_path: Path, embedder: Embedder, folder: Path
) -> None:
    from knowledge.catalog import analyzer_fingerprint

    store = ChromaStore(path=str(tmp_path / "chroma"))
    kb = KnowledgeBase(store=store, embedder=embedder)
    kb.ingest([folder])
    active = store.active()
    assert active is not None and active.documents is not None
    chunks, terms, _ = store.passages(active)
    store.rewrite_terms(active, chunks, {chunk.chunk_id: ["stale"] for chunk in chunks})
    store.activate(
        active.collection,
        model=active.model,
        layout=active.layout,
        documents=active.documents,
        analyzer="an-older-analyser",
    )
    stale = store.active()
    assert stale is not None
    assert kb.retriever().catalog.shards[chunks[0].language].terms_of(chunks[0].chunk_id) != {"stale"}

    assert kb.ensure_ready() is None

    refreshed = store.active()
    assert refreshed is not None and refreshed.analyzer == analyzer_fingerprint()
    assert store.passages(refreshed)[1] == terms
