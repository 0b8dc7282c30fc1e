"""Ingesting into a real embedded Chroma with the real model: skip, replace, prune, fail safely, rebuild."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest
from numpy.typing import NDArray

from knowledge.bootstrap import KnowledgeBase
from knowledge.embeddings import Embedder
from knowledge.loaders import markdown
from knowledge.models import AnswerKind, Question
from knowledge.service import KnowledgeService
from knowledge.vector_store import ChromaStore

BUDGET = """---
id: budsjett
title: Budsjett
url: https://example.org/budsjett
language: nb
updated: 2024-02-01
---

# Budsjett

## Endringer

Det er mulig å flytte midler mellom budsjettposter etter reglene i kontrakten.
"""

REPORT = """---
id: rapport
title: Rapport
url: https://example.org/rapport
language: nb
---

# Rapport

## Frist

Sluttrapporten skal leveres innen 60 dager etter endt prosjekt.
"""


class FailingEmbedder:
    """The real model, except that embed call number ``fail_on`` raises (counting from 1)."""

    def __init__(self, inner: Embedder, *, fail_on: int) -> None:
        self._inner = inner
        self._fail_on = fail_on
        self.calls = 0

    @property
    def name(self) -> str:
        return self._inner.name

    def embed(self, texts: Sequence[str]) -> NDArray[np.float32]:
        self.calls += 1
        if self.calls == self._fail_on:
            raise RuntimeError("embedding server went away")
        return self._inner.embed(texts)


class RenamedEmbedder:
    """The real model under another name, counting the texts it embeds (stands in for a model change)."""

    def __init__(self, inner: Embedder, *, name: str) -> None:
        self._inner = inner
        self._name = name
        self.embedded = 0

    @property
    def name(self) -> str:
        return self._name

    def embed(self, texts: Sequence[str]) -> NDArray[np.float32]:
        self.embedded += len(texts)
        return self._inner.embed(texts)


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "budsjett.md").write_text(BUDGET, encoding="utf-8")
    (folder / "rapport.md").write_text(REPORT, encoding="utf-8")
    return folder


@pytest.fixture
def store(tmp_path: Path) -> ChromaStore:
    return ChromaStore(path=str(tmp_path / "chroma"))


def _texts(kb: KnowledgeBase) -> list[str]:
    active = kb.store.active()
    assert active is not None
    chunks, _ = kb.store.records(active.collection)
    return [chunk.text for chunk in chunks]


def _service(kb: KnowledgeBase) -> KnowledgeService:
    return KnowledgeService(retriever=kb.retriever(), contact="erasmuspluss@hkdir.no")


def test_first_ingest_adds_every_document(store: ChromaStore, embedder: Embedder, docs: Path) -> None:
    kb = KnowledgeBase(store=store, embedder=embedder)

    report = kb.ingest([docs])

    assert sorted(report.added) == ["budsjett", "rapport"]
    assert report.failed == []
    assert store.active() is not None
    assert len(_texts(kb)) == 2


def test_unchanged_reingest_does_nothing(store: ChromaStore, embedder: Embedder, docs: Path) -> None:
    kb = KnowledgeBase(store=store, embedder=embedder)
    kb.ingest([docs])
    before = store.active()

    report = kb.ingest([docs])

    assert sorted(report.unchanged) == ["budsjett", "rapport"]
    assert not report.changed
    assert store.active() == before


def test_a_page_a_newer_loader_reads_differently_is_read_again(
    store: ChromaStore, embedder: Embedder, docs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kb = KnowledgeBase(store=store, embedder=embedder)
    kb.ingest([docs])
    parse = markdown.parse_markdown

    def reads_the_deadline_heading_anew(body: str, **kwargs: str | None) -> markdown.ParsedMarkdown:
        parsed = parse(body, **kwargs)  # type: ignore[arg-type]
        sections = tuple(
            section.model_copy(update={"heading": "Frist for sluttrapporten"})
            if section.heading == "Frist"
            else section
            for section in parsed.sections
        )
        return markdown.ParsedMarkdown(title=parsed.title, sections=sections)

    monkeypatch.setattr(markdown, "parse_markdown", reads_the_deadline_heading_anew)

    report = kb.ingest([docs])

    assert report.updated == ["rapport"]  # the file is the same, what is read from it is not
    assert report.unchanged == ["budsjett"]
    active = store.active()
    assert active is not None
    chunks, _ = store.records(active.collection)
    assert {chunk.section for chunk in chunks if chunk.doc_id == "rapport"} == {"Frist for sluttrapporten"}


def test_changed_document_replaces_its_chunks(store: ChromaStore, embedder: Embedder, docs: Path) -> None:
    kb = KnowledgeBase(store=store, embedder=embedder)
    kb.ingest([docs])
    before = store.active()
    (docs / "rapport.md").write_text(REPORT.replace("60 dager", "90 dager"), encoding="utf-8")

    report = kb.ingest([docs])

    assert report.updated == ["rapport"]
    assert report.unchanged == ["budsjett"]
    assert store.active() != before
    texts = _texts(kb)
    assert any("90 dager" in text for text in texts)
    assert not any("60 dager" in text for text in texts)
    answer = _service(kb).answer(Question(text="Hvor mange dager har vi på å levere sluttrapporten?"))
    assert "90 dager" in answer.text and "60 dager" not in answer.text


def test_prune_drops_documents_whose_files_are_gone(
    store: ChromaStore, embedder: Embedder, docs: Path
) -> None:
    kb = KnowledgeBase(store=store, embedder=embedder)
    kb.ingest([docs])
    (docs / "budsjett.md").unlink()

    kept = kb.ingest([docs])
    assert kept.removed == [] and any("budsjettposter" in text for text in _texts(kb))

    report = kb.ingest([docs], prune=True)

    assert report.removed == ["budsjett"]
    assert not any("budsjettposter" in text for text in _texts(kb))
    answer = _service(kb).answer(Question(text="Kan vi flytte midler mellom budsjettposter?"))
    assert all(citation.url != "https://example.org/budsjett" for citation in answer.citations)
    assert "budsjettposter" not in answer.text


def test_unreadable_file_is_reported_by_name_and_the_rest_goes_on(
    store: ChromaStore, embedder: Embedder, docs: Path
) -> None:
    (docs / "skadet.pdf").write_bytes(b"%PDF-1.4 this is not really a pdf \x00\xff")
    (docs / "tom.md").write_text("", encoding="utf-8")
    kb = KnowledgeBase(store=store, embedder=embedder)

    report = kb.ingest([docs, docs / "finnes-ikke.md"])

    failed = {Path(path).name: reason for path, reason in report.failed}
    assert set(failed) == {"skadet.pdf", "tom.md", "finnes-ikke.md"}
    assert all(reason for reason in failed.values())
    assert sorted(report.added) == ["budsjett", "rapport"]


def _many_sections(count: int) -> str:
    sections = "\n\n".join(
        f"## Tema {number}\n\nTema {number} handler om aktivitet nummer {number}." for number in range(count)
    )
    return f"---\nid: mange\ntitle: Mange\nlanguage: nb\n---\n\n# Mange\n\n{sections}\n"


def test_crash_mid_ingest_leaves_the_previous_generation_answering(
    store: ChromaStore, embedder: Embedder, docs: Path
) -> None:
    KnowledgeBase(store=store, embedder=embedder).ingest([docs])
    before = store.active()
    assert before is not None
    before_records, _ = store.records(before.collection)
    (docs / "rapport.md").write_text(REPORT.replace("60 dager", "90 dager"), encoding="utf-8")
    (docs / "mange.md").write_text(_many_sections(80), encoding="utf-8")  # more than one embedding batch
    failing = FailingEmbedder(embedder, fail_on=2)

    with pytest.raises(RuntimeError, match="went away"):
        KnowledgeBase(store=store, embedder=failing).ingest([docs])

    assert failing.calls == 2  # the first batch had been embedded: the crash really was mid-ingest
    assert store.active() == before
    after_records, _ = store.records(before.collection)
    assert after_records == before_records
    kb = KnowledgeBase(store=store, embedder=embedder)
    answer = _service(kb).answer(Question(text="Hvor mange dager har vi på å levere sluttrapporten?"))
    assert answer.kind is AnswerKind.EXTRACTIVE
    assert "60 dager" in answer.text

    recovered = kb.ingest([docs])
    assert recovered.updated == ["rapport"] and recovered.added == ["mange"]


def test_model_change_rebuilds_everything(store: ChromaStore, embedder: Embedder, docs: Path) -> None:
    KnowledgeBase(store=store, embedder=embedder).ingest([docs])
    renamed = RenamedEmbedder(embedder, name="another-model")
    kb = KnowledgeBase(store=store, embedder=renamed)

    report = kb.ingest([docs])

    assert report.rebuilt
    active = store.active()
    assert active is not None and active.model == "another-model"
    # each Norwegian passage, its English bridge and its one sentence (stored for the new model)
    assert renamed.embedded == 3 * len(_texts(kb)) == 6
    answer = _service(kb).answer(Question(text="Hvor mange dager har vi på å levere sluttrapporten?"))
    assert "60 dager" in answer.text
    assert kb.ensure_ready() is None


def test_ensure_ready_builds_an_empty_store_from_the_shipped_pages(
    tmp_path: Path, embedder: Embedder
) -> None:
    kb = KnowledgeBase(store=ChromaStore(path=str(tmp_path / "chroma")), embedder=embedder)

    report = kb.ensure_ready()

    assert report is not None
    assert "hkdir-skoleutvekslingspartnerskap" in report.added
    assert kb.ensure_ready() is None


def test_index_cut_by_another_chunking_layout_is_rebuilt(
    store: ChromaStore, embedder: Embedder, docs: Path
) -> None:
    kb = KnowledgeBase(store=store, embedder=embedder)
    kb.ingest([docs])
    active = store.active()
    assert active is not None
    store.activate(active.collection, model=active.model, layout="an-older-layout")

    report = kb.ingest([docs])

    assert report.rebuilt
    rebuilt = store.active()
    assert rebuilt is not None and rebuilt.layout == active.layout and rebuilt.collection != active.collection
    assert sorted(_texts(kb)) == sorted(store.records(rebuilt.collection)[0][i].text for i in range(2))
