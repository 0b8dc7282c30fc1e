"""Among pages that read alike, the one that fits the question's action, and the current one, come first."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.language import Language
from knowledge.bootstrap import KnowledgeBase
from knowledge.embeddings import Embedder
from knowledge.page_facts import facts_of
from knowledge.retrieval import PagePrior
from knowledge.vector_store import ChromaStore

PAGE = """---
id: {doc_id}
title: "{title}"
url: https://example.org/{doc_id}
language: nb
updated: {updated}
---

# {title}

{notice}

## Sluttrapport

Prosjektet skal levere en sluttrapport innen {days} dager etter endt prosjekt.
"""


def _kb(tmp_path: Path, embedder: Embedder) -> KnowledgeBase:
    docs = tmp_path / "docs"
    docs.mkdir()
    pages = [
        (
            "arkiv",
            "Skoleutvekslingspartnerskap (KA229): rapportering 2019",
            "2019-05-01",
            30,
            "Denne siden er arkivert og gjelder prosjekter fra programperioden 2014–2020.",
        ),
        ("gjeldende", "Skoleutvekslingspartnerskap (KA229): rapportering", "2024-01-03", 60, ""),
        ("smaskala", "Småskalapartnerskap (KA210): rapportering", "2024-01-03", 90, ""),
    ]
    for doc_id, title, updated, days, notice in pages:
        text = PAGE.format(doc_id=doc_id, title=title, updated=updated, days=days, notice=notice)
        (docs / f"{doc_id}.md").write_text(text, encoding="utf-8")
    kb = KnowledgeBase(store=ChromaStore(path=str(tmp_path / "chroma")), embedder=embedder)
    kb.ingest([docs])
    return kb


def _pages(kb: KnowledgeBase, question: str, prior: PagePrior | None = None) -> list[str]:
    retriever = kb.retriever()
    if prior is not None:
        retriever.prior = prior
    _, hits = retriever.search(question, Language.NB, k=3)
    return [
        retriever.catalog.by_id[hit.group_id].doc_id
        for hit in hits
        if hit.group_id in retriever.catalog.by_id
    ]


def test_named_action_and_current_page_come_first(tmp_path: Path, embedder: Embedder) -> None:
    kb = _kb(tmp_path, embedder)

    assert _pages(kb, "Når må vi levere sluttrapport for småskalapartnerskap?")[0] == "smaskala"
    ranked = _pages(kb, "Når må vi levere sluttrapporten for KA229-prosjektet?")
    assert ranked.index("gjeldende") < ranked.index("arkiv")
    assert ranked[-1] == "smaskala"


def test_a_question_naming_no_action_is_read_as_about_its_projects_action(
    tmp_path: Path, embedder: Embedder
) -> None:
    retriever = _kb(tmp_path, embedder).retriever()
    question = "Når må vi levere sluttrapporten?"

    def first(project: str | None) -> str:
        _, hits = retriever.search(question, Language.NB, k=3, project=project)
        return retriever.catalog.by_id[hits[0].group_id].doc_id

    assert first("2023-1-NO01-KA210-SCH-000123456") == "smaskala"
    assert first("2020-1-NO01-KA229-012345") == "gjeldende"
    # What the question names wins over the project's number.
    _, hits = retriever.search(
        "Når må vi levere sluttrapport for småskalapartnerskap?",
        Language.NB,
        project="2020-1-NO01-KA229-012345",
    )
    assert retriever.catalog.by_id[hits[0].group_id].doc_id == "smaskala"


def test_prior_moves_scores_by_its_weights(tmp_path: Path, embedder: Embedder) -> None:
    retriever = _kb(tmp_path, embedder).retriever()
    question = "Når må vi levere sluttrapporten for KA229-prosjektet?"
    fused = retriever.fused(question, Language.NB)[2]

    adjusted = retriever.with_prior(fused, facts_of(question), PagePrior(fit=0.01, archived=0.05))

    by_doc = {
        retriever.catalog.by_id[group].doc_id: group for group in adjusted if group in retriever.catalog.by_id
    }
    assert adjusted[by_doc["arkiv"]] == pytest.approx(fused[by_doc["arkiv"]] + 0.01 - 0.05)
    assert adjusted[by_doc["gjeldende"]] == pytest.approx(fused[by_doc["gjeldende"]] + 0.01)
    assert adjusted[by_doc["smaskala"]] == pytest.approx(fused[by_doc["smaskala"]] - 0.01)
    assert retriever.with_prior(fused, facts_of(question), PagePrior()) == {g: fused[g] for g in adjusted}


def test_page_relevance_lifts_every_passage_of_a_page_by_its_pages_share(
    tmp_path: Path, embedder: Embedder
) -> None:
    retriever = _kb(tmp_path, embedder).retriever()
    question = "Når må vi levere sluttrapporten?"
    fused = retriever.fused(question, Language.NB)[2]

    adjusted = retriever.with_prior(fused, facts_of(question), PagePrior(page=0.1))

    lift = {group: adjusted[group] - fused[group] for group in adjusted}
    by_page: dict[str, set[float]] = {}
    for group, value in lift.items():
        by_page.setdefault(retriever.catalog.page_of(group), set()).add(round(value, 9))
    assert all(len(values) == 1 for values in by_page.values())  # one share per page
    assert max(lift.values()) == pytest.approx(0.1)  # the most relevant page gets the whole weight
    assert all(0.0 <= value <= 0.1 + 1e-9 for value in lift.values())
    assert len({value for values in by_page.values() for value in values}) > 1


def test_only_the_pool_of_best_fused_groups_is_re_scored(tmp_path: Path, embedder: Embedder) -> None:
    retriever = _kb(tmp_path, embedder).retriever()
    question = "Når må vi levere sluttrapporten for KA229-prosjektet?"
    query, _, fused = retriever.fused(question, Language.NB)
    best_two = sorted(fused, key=fused.__getitem__, reverse=True)[:2]

    assert set(retriever.with_prior(fused, facts_of(question), pool=2)) == set(best_two)
    ranked, scored, _ = retriever.ranked(query, fused, facts_of(question), k=5, pool=2)
    assert set(ranked) == set(scored) == set(best_two)
    assert len(retriever.with_prior(fused, facts_of(question))) == min(len(fused), retriever.pool)
