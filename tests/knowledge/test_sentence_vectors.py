"""The passages' sentences are embedded once, at ingest: answering a question embeds only the question."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.language import Language
from knowledge.bootstrap import KnowledgeBase
from knowledge.embeddings import SentenceTransformerEmbedder
from knowledge.ingest import Ingester
from knowledge.language import detect_language
from knowledge.models import Question
from knowledge.sentence_vectors import sentences_of
from knowledge.service import KnowledgeService
from knowledge.vector_store import ChromaStore
from tests.knowledge.bridge.test_stored import NEW_PAGE, CountingEmbedder


def _service(kb: KnowledgeBase) -> KnowledgeService:
    return KnowledgeService(retriever=kb.retriever(), contact="erasmuspluss@hkdir.no")


def test_an_answer_embeds_only_the_question_and_quotes_what_it_did_before(
    store: ChromaStore, embedder: SentenceTransformerEmbedder, folder: Path
) -> None:
    KnowledgeBase(store=store, embedder=embedder).ingest([folder])
    counting = CountingEmbedder(embedder)
    kb = KnowledgeBase(store=store, embedder=counting)
    question = "Is the online training for teachers free of charge?"

    answer = _service(kb).answer(Question(text=question, language=Language.EN))

    rendering = kb.retriever().analyse(question, Language.EN).rendering
    chunks, _, _ = store.passages(store.active())  # type: ignore[arg-type]
    assert counting.texts[:2] == [question, rendering]
    # Beyond them, at most the English gloss of a Norwegian quote (to compare its meaning in English), and no
    # sentence of any passage as written.
    assert len(counting.texts) <= 3
    assert not set(counting.texts) & set(sentences_of(chunks))
    # The same answer as from a retriever that embeds the sentences itself.
    plain = KnowledgeService(
        retriever=type(kb.retriever())(
            catalog=kb.retriever().catalog, store=store, embedder=embedder,
            translator=kb.retriever()._translator,
            bridge=kb.retriever().bridge,
        ),

        contact="erasmuspluss@hkdir.no",
    ).answer(Question(text=question, language=Language.EN))  # fmt: skip
    assert answer.text == plain.text and answer.confidence == pytest.approx(plain.confidence, abs=1e-4)
    assert sentences_of(chunks)


def test_adding_a_page_embeds_only_its_new_sentences(
    store: ChromaStore, embedder: SentenceTransformerEmbedder, folder: Path
) -> None:
    KnowledgeBase(store=store, embedder=embedder).ingest([folder])
    (folder / "reise.md").write_text(NEW_PAGE, encoding="utf-8")
    counting = CountingEmbedder(embedder)

    KnowledgeBase(store=store, embedder=counting).ingest([folder])

    sentence = "Reisestøtte beregnes etter avstanden mellom skolene, målt med EUs avstandskalkulator."
    assert sentence in counting.texts
    old_pages = [text for text in counting.texts if "avstand" not in text and "distance" not in text]
    assert old_pages == []  # nothing of the pages already stored is embedded again


def test_an_index_built_before_sentences_were_stored_gets_them_once_at_start(
    store: ChromaStore, embedder: SentenceTransformerEmbedder, folder: Path
) -> None:
    Ingester(store=store, embedder=embedder, detect=detect_language).ingest([folder])  # no sentences
    kb = KnowledgeBase(store=store, embedder=embedder)
    assert kb.sentences.empty()

    kb.ensure_ready()

    chunks, _, _ = store.passages(store.active())  # type: ignore[arg-type]
    stored = kb.sentences.find(sentences_of(chunks))
    assert set(stored) == set(sentences_of(chunks))
    counting = CountingEmbedder(embedder)
    KnowledgeBase(store=store, embedder=counting).ensure_ready()
    assert counting.texts == []  # the second start embeds nothing
