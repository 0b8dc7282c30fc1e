"""A question that names no programme, over pages for different programmes that answer it differently: the
answer shows each programme's quote with its own source; a question that names one gets that page alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.bootstrap import KnowledgeBase
from knowledge.embeddings import Embedder
from knowledge.models import Answer, AnswerKind, Question
from knowledge.service import KnowledgeService
from knowledge.vector_store import ChromaStore

PAGE = """---
id: {doc_id}
title: "{title}"
url: https://example.org/{slug}
language: {language}
updated: {updated}
{extra}---

# {title}

## {heading}

{deadline}

{content}
"""
KA210_URL, KA220_URL = "https://example.org/ka210", "https://example.org/ka220"
KA210_NB, KA220_NB = (
    "Sluttrapport for småskalapartnerskap (KA210)",
    "Sluttrapport for samarbeidspartnerskap (KA220)",
)
KA210_EN, KA220_EN = (
    "Final report for small-scale partnerships (KA210)",
    "Final report for cooperation partnerships (KA220)",
)
PAGES = [
    ("ka210", "nb", KA210_NB, "2024-02-01", "Frist", "Småskalapartnerskap (KA210) skal levere sluttrapporten innen 60 dager etter at prosjektet er avsluttet.", "Rapporten beskriver aktivitetene og resultatene i prosjektet."),
    ("ka220", "nb", KA220_NB, "2024-03-01", "Frist", "Samarbeidspartnerskap (KA220) skal levere sluttrapporten innen 90 dager etter at prosjektet er avsluttet.", "Rapporten beskriver aktivitetene og resultatene i prosjektet."),
    ("ka210-en", "en", KA210_EN, "2024-02-01", "Deadline", "Small-scale partnerships (KA210) must submit the final report within 60 days after the project has ended.", "The report describes the activities and results of the project."),
    ("ka220-en", "en", KA220_EN, "2024-03-01", "Deadline", "Cooperation partnerships (KA220) must submit the final report within 90 days after the project has ended.", "The report describes the activities and results of the project."),
]  # fmt: skip


@pytest.fixture(scope="module")
def two_programmes(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> KnowledgeService:
    """The answer engine over a KA210 and a KA220 page (each with an English rendering) that give different
    deadlines for the final report."""
    root = tmp_path_factory.mktemp("programmes")
    docs = root / "docs"
    docs.mkdir()
    for doc_id, language, title, updated, heading, deadline, content in PAGES:
        original = doc_id.removesuffix("-en")
        extra = f"translation_of: {original}\nofficial: false\n" if original != doc_id else ""
        page = PAGE.format(
            doc_id=doc_id,
            title=title,
            slug=original,
            language=language,
            updated=updated,
            extra=extra,
            heading=heading,
            deadline=deadline,
            content=content,
        )
        (docs / f"{doc_id}.md").write_text(page, encoding="utf-8")
    kb = KnowledgeBase(store=ChromaStore(path=str(Path(root) / "chroma")), embedder=embedder)
    kb.ingest([docs])
    return KnowledgeService(retriever=kb.retriever(), contact="erasmuspluss@hkdir.no")


def _quoted_titles(answer: Answer) -> list[str]:
    return [citation.title for citation in answer.cited]


def test_a_question_naming_no_programme_shows_both_deadlines_each_with_its_source(
    two_programmes: KnowledgeService,
) -> None:
    answer = two_programmes.answer(Question(text="Når er fristen for sluttrapporten?"))

    assert answer.kind is AnswerKind.EXTRACTIVE and answer.split is not None
    by_label = {quote.label: quote for quote in answer.split.quotes}
    assert set(by_label) == {"KA210 (småskalapartnerskap)", "KA220 (samarbeidspartnerskap)"}
    small, cooperation = by_label["KA210 (småskalapartnerskap)"], by_label["KA220 (samarbeidspartnerskap)"]
    assert "60 dager" in small.quote and (small.citation.title, small.citation.url) == (KA210_NB, KA210_URL)
    assert "90 dager" in cooperation.quote
    assert (cooperation.citation.title, cooperation.citation.url) == (KA220_NB, KA220_URL)
    # The plain text puts each quote right above its own source line.
    assert (
        f"{small.label}: {small.quote}\nKilde: {KA210_NB} › Frist – {KA210_URL} (sist oppdatert 1. februar 2024)"
        in answer.text
    )
    assert (
        f"{cooperation.label}: {cooperation.quote}\nKilde: {KA220_NB} › Frist – {KA220_URL} (sist oppdatert 1. mars 2024)"
        in answer.text
    )
    assert answer.text.startswith("Veiledningen svarer ulikt for ulike programmer.")


def test_a_question_naming_the_programme_quotes_only_its_page(two_programmes: KnowledgeService) -> None:
    answer = two_programmes.answer(Question(text="Når er fristen for sluttrapporten for KA210?"))

    assert answer.kind is AnswerKind.EXTRACTIVE and answer.split is None
    assert "60 dager" in answer.body and "90 dager" not in answer.text
    assert _quoted_titles(answer) == [KA210_NB]
    assert "Dette gjelder" not in answer.text


def test_an_english_question_naming_no_programme_shows_both_deadlines(
    two_programmes: KnowledgeService,
) -> None:
    answer = two_programmes.answer(Question(text="When is the final report due?"))

    assert answer.split is not None
    by_label = {quote.label: quote for quote in answer.split.quotes}
    assert set(by_label) == {"KA210 (small-scale partnerships)", "KA220 (cooperation partnerships)"}
    assert "60 days" in by_label["KA210 (small-scale partnerships)"].quote
    assert "90 days" in by_label["KA220 (cooperation partnerships)"].quote
    assert {quote.citation.title for quote in answer.split.quotes} == {KA210_EN, KA220_EN}
    assert answer.text.startswith("The guidance answers differently for different programmes.")


def test_an_english_question_naming_the_programme_quotes_only_its_page(
    two_programmes: KnowledgeService,
) -> None:
    answer = two_programmes.answer(
        Question(text="When is the final report due for small-scale partnerships?")
    )

    assert answer.split is None and "60 days" in answer.body and "90 days" not in answer.text
    assert _quoted_titles(answer) == [KA210_EN]


def test_a_thread_that_named_the_programme_earlier_is_not_split(two_programmes: KnowledgeService) -> None:
    question = Question(
        text="Når er fristen for sluttrapporten?", context=("Vi har et småskalapartnerskap.",)
    )

    assert two_programmes.answer(question).split is None


def test_pages_that_agree_are_quoted_each_with_the_programme_it_applies_to(
    two_programmes: KnowledgeService,
) -> None:
    answer = two_programmes.answer(Question(text="Hva beskriver rapporten?"))

    assert answer.split is None
    assert "Dette gjelder KA210 (småskalapartnerskap)." in answer.body
    assert "Dette gjelder KA220 (samarbeidspartnerskap)." in answer.body


@pytest.mark.parametrize(
    "question",
    [
        "Når er fristen for sluttrapporten?",
        "Hvor mange dager har vi på å levere sluttrapporten?",
        "Kan vi flytte penger mellom budsjettpostene?",
        "Hvem leverer sluttrapporten?",
        "When is the final report due?",
        "Can we move money between budget categories?",
    ],
)
def test_answers_over_the_shipped_pages_of_one_programme_are_unchanged(
    service: KnowledgeService, question: str
) -> None:
    answer = service.answer(Question(text=question))

    assert answer.split is None
    assert "Dette gjelder" not in answer.text and "This applies to" not in answer.text
    assert "ulike programmer" not in answer.text and "different programmes" not in answer.text
