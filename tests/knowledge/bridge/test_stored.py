"""Bridges written at ingest and read at start: nothing is glossed or embedded again when the index opens."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from core.language import Language
from knowledge.bootstrap import KnowledgeBase
from knowledge.bridge.builder import PassageBridge
from knowledge.embeddings import Embedder, SentenceTransformerEmbedder
from knowledge.vector_store import ChromaStore

NEW_PAGE = (
    "---\nid: reise\ntitle: Reisestøtte\nlanguage: nb\n---\n\n# Reisestøtte\n\n"
    "Reisestøtte beregnes etter avstanden mellom skolene, målt med EUs avstandskalkulator.\n"
)


class CountingEmbedder:
    """The real model, counting the texts it is asked to embed."""

    def __init__(self, inner: Embedder) -> None:
        self._inner = inner
        self.texts: list[str] = []

    @property
    def name(self) -> str:
        return self._inner.name

    def embed(self, texts: Sequence[str]) -> NDArray[np.float32]:
        self.texts.extend(texts)
        return self._inner.embed(texts)


def test_bridges_are_stored_at_ingest(
    store: ChromaStore, embedder: SentenceTransformerEmbedder, folder: Path
) -> None:
    kb = KnowledgeBase(store=store, embedder=embedder)
    kb.ingest([folder])

    active = store.active()
    assert active is not None and active.bridges
    bridges, _ = store.bridges(active)
    by_doc: dict[str, list[PassageBridge]] = {}
    for bridge in bridges:
        by_doc.setdefault(bridge.doc_id, []).append(bridge)
    assert set(by_doc) == {"etwinning", "partnarskap", "mobility"}
    assert any("school" in bridge.english.split() for bridge in by_doc["etwinning"])
    assert all(bridge.gloss_terms for bridge in by_doc["etwinning"])
    assert all(bridge.normalised and bridge.normalised_terms for bridge in by_doc["partnarskap"])
    assert all(bridge.language is Language.EN and not bridge.english for bridge in by_doc["mobility"])


def test_a_second_start_does_not_embed_the_bridges_again(
    store: ChromaStore, embedder: SentenceTransformerEmbedder, folder: Path
) -> None:
    KnowledgeBase(store=store, embedder=embedder).ingest([folder])
    counting = CountingEmbedder(embedder)
    kb = KnowledgeBase(store=store, embedder=counting)

    assert kb.ensure_ready() is None
    retriever = kb.retriever()

    assert counting.texts == []
    question = "Is the online training for teachers free of charge?"
    _, hits = retriever.search(question, Language.EN)
    top = retriever.catalog.original(hits[0].group_id)
    assert top is not None and top.doc_id == "etwinning"
    assert hits[0].channels.get("dense_b", 0) > 0
    assert counting.texts == [question, retriever.analyse(question, Language.EN).rendering]


def test_adding_a_page_writes_only_its_bridges(
    store: ChromaStore, embedder: SentenceTransformerEmbedder, folder: Path
) -> None:
    KnowledgeBase(store=store, embedder=embedder).ingest([folder])
    before = store.active()
    assert before is not None
    old, old_records = store.bridges(before)
    (folder / "reise.md").write_text(NEW_PAGE, encoding="utf-8")
    counting = CountingEmbedder(embedder)

    report = KnowledgeBase(store=store, embedder=counting).ingest([folder])

    after = store.active()
    assert report.added == ["reise"] and after is not None
    new, new_records = store.bridges(after)
    assert old_records < new_records
    assert {bridge.doc_id for bridge in new if bridge not in old} == {"reise"}
    passage = next(text for text in counting.texts if "avstandskalkulator" in text)
    sentence = "Reisestøtte beregnes etter avstanden mellom skolene, målt med EUs avstandskalkulator."
    glosses = [
        text for text in counting.texts if text not in (passage, sentence)
    ]  # its quotable sentence too
    assert len(glosses) == 1 and "distance" in glosses[0].split()  # the new page's English bridge only


def test_a_changed_builder_writes_the_bridges_again_once(
    store: ChromaStore, embedder: SentenceTransformerEmbedder, folder: Path
) -> None:
    KnowledgeBase(store=store, embedder=embedder).ingest([folder])
    active = store.active()
    assert active is not None and active.documents is not None
    store.activate(
        active.collection,
        model=active.model,
        layout=active.layout,
        documents=active.documents,
        analyzer=active.analyzer,
        bridges="an-older-builder",
    )
    counting = CountingEmbedder(embedder)
    kb = KnowledgeBase(store=store, embedder=counting)
    assert kb.retriever().bridge is not None  # built in memory meanwhile
    assert counting.texts

    kb.ensure_ready()
    refreshed = store.active()
    counting.texts.clear()
    kb.retriever()

    assert refreshed is not None and refreshed.bridges == active.bridges
    assert len(store.bridges(refreshed)[0]) == len(store.bridges(active)[0])
    assert counting.texts == []


def test_bridges_that_are_not_searched_are_never_returned_as_neighbours(
    store: ChromaStore, embedder: SentenceTransformerEmbedder, folder: Path
) -> None:
    kb = KnowledgeBase(store=store, embedder=embedder)
    kb.ingest([folder])
    active = store.active()
    assert active is not None
    bridges, _ = store.bridges(active)
    searched = {bridge.chunk_id for bridge in bridges if bridge.english}
    assert searched and any(not bridge.english for bridge in bridges)
    unsearched = np.zeros(embedder.dimension, dtype=np.float32)
    unsearched[0] = 1.0  # the fixed vector the bridges that are not searched are stored with
    english = next(bridge.english for bridge in bridges if bridge.english)
    index = kb.retriever().bridge
    assert index is not None

    near_placeholders = index.dense(unsearched)
    near_a_gloss = index.dense(embedder.embed([english])[0])

    assert set(near_placeholders) <= searched
    assert near_a_gloss and set(near_a_gloss) <= searched
