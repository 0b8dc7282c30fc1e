"""Asking the project every question once with declining switched off, keeping what the decision needs.

The answer text, the ranked passages and the decline signals of each question are recorded; whether the
project would have declined is decided afterwards, out of fold (:mod:`bench.decline`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bench.metrics import best_rank, evidence_variants
from knowledge.catalog import Catalog
from knowledge.decision.signals import Signals
from knowledge.evaluation import EvalQuestion, EvalRow, normalise
from knowledge.models import Language, Question
from knowledge.service import KnowledgeService

TOP_K = 5


@dataclass(frozen=True)
class Probe:
    """One question put to the project, before the decision to answer.

    Attributes:
        question: The evaluation question.
        group: Its cross-validation group: the page it is about, or its own id when unanswerable.
        page_language: Language of the page that holds the evidence (None when unanswerable).
        text: The quoted answer without its source lines ("" when nothing could be quoted); keywords are
            looked for here, so a page title or a "last updated" line in a source line is no answer.
        signals: The decline signals (None when the question was invalid or matched nothing).
        rank: Rank of the evidence among the retrieved passages (None when absent or unanswerable).
    """

    question: EvalQuestion
    group: str
    page_language: Language | None
    text: str
    signals: Signals | None
    rank: int | None

    @property
    def cross(self) -> bool:
        """Whether the question is asked in another language than its page is written in."""
        return self.page_language is not None and self.page_language is not self.question.lang


def group_of(question: EvalQuestion, doc: str | None) -> str:
    """The page a question is about (its cross-validation group), or the question itself."""
    return doc or f"none:{question.id}"


def page_language(evidence: str | None, catalog: Catalog) -> Language | None:
    """The language of the original passage that holds ``evidence``."""
    if not evidence:
        return None
    wanted = normalise(evidence)
    for chunk in catalog.by_id.values():
        if chunk.chunk_id == chunk.group_id and wanted in normalise(chunk.text):
            return chunk.language
    return None


def probe(
    service: KnowledgeService, questions: Sequence[EvalQuestion], docs: dict[str, str | None]
) -> list[Probe]:
    """Ask every question with declining off; ``docs`` maps question ids to their page (group)."""
    catalog = service.catalog
    found = []
    for question in questions:
        assessment = service.assess(Question(text=question.question))
        grounded = assessment.grounded
        passages = service.ranked_passages(question.question, k=TOP_K)
        rank = (
            best_rank(evidence_variants(question.evidence, catalog), passages)
            if question.answerable
            else None
        )
        found.append(
            Probe(
                question=question,
                group=group_of(question, docs.get(question.id)),
                page_language=page_language(question.evidence, catalog),
                text=grounded.said if grounded is not None else "",
                signals=assessment.signals,
                rank=rank,
            )
        )
    return found


def project_rows(probes: list[Probe], decide: dict[str, bool]) -> list[EvalRow]:
    """Rows scored with each question's out-of-fold decision."""
    rows = []
    for p in probes:
        gone = decide[p.question.id]
        text = p.text.lower()
        rows.append(
            EvalRow(
                id=p.question.id,
                lang=p.question.lang,
                answerable=p.question.answerable,
                rank=p.rank,
                keyword_hit=not gone and any(k.lower() in text for k in p.question.answer_keywords),
                abstained=gone,
            )
        )
    return rows
