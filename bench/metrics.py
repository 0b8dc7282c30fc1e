"""Scoring systems with :mod:`knowledge.evaluation`, split by language, and the abstention threshold sweep."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from bench.systems import System
from core.language import Language
from knowledge.catalog import Catalog
from knowledge.evaluation import EvalQuestion, EvalRow, evidence_rank, normalise, score, summarise
from knowledge.models import Answer, AnswerKind

SPLITS = ("nb", "en", "all")
# Each language, and within it the questions on pages in the same language and in the other one.
CROSS_SPLITS = ("nb", "nb same", "nb cross", "en", "en same", "en cross", "all")
THRESHOLDS = tuple(round(0.30 + 0.05 * step, 2) for step in range(9))


@dataclass(frozen=True)
class Outcome:
    """One question put to one system."""

    question: EvalQuestion
    row: EvalRow
    text: str


def evidence_variants(evidence: str | None, catalog: Catalog) -> list[str]:
    """The (Norwegian) evidence, plus the English rendering of the passage that holds it.

    The question file quotes Norwegian evidence for every question. Passages that only hold the English
    rendering (a baseline's English chunk) count as hits when they contain that whole rendered passage.
    """
    if not evidence:
        return []
    wanted = normalise(evidence)
    variants = [evidence]
    for chunk in catalog.by_id.values():
        if chunk.language is Language.NB and wanted in normalise(chunk.text):
            english = catalog.version(chunk.group_id, Language.EN)
            if english is not None:
                variants.append(english.text)
    return variants


def best_rank(variants: Sequence[str], passages: Sequence[str]) -> int | None:
    """The best rank at which any variant of the evidence appears."""
    ranks = [rank for rank in (evidence_rank(variant, passages) for variant in variants) if rank is not None]
    return min(ranks, default=None)


def evaluate(system: System, questions: Sequence[EvalQuestion], catalog: Catalog) -> list[Outcome]:
    """Ask ``system`` every question and score the replies."""
    outcomes = []
    for question in questions:
        text, abstained, passages = system.answer(question.question)
        kind = AnswerKind.ABSTAINED if abstained else AnswerKind.EXTRACTIVE
        reply = Answer(question=question.question, text=text, language=question.lang, kind=kind)
        row = score(question, reply, passages)
        if question.answerable:
            row = row.model_copy(
                update={"rank": best_rank(evidence_variants(question.evidence, catalog), passages)}
            )
        outcomes.append(Outcome(question=question, row=row, text=text))
    return outcomes


def by_language(outcomes: Sequence[Outcome]) -> dict[str, dict[str, float | None]]:
    """``summarise`` over the Norwegian questions, the English ones and all of them."""
    rows = [outcome.row for outcome in outcomes]
    return {
        split: summarise(row for row in rows if split == "all" or row.lang.value == split) for split in SPLITS
    }


def failures(outcomes: Sequence[Outcome]) -> list[dict[str, str]]:
    """Questions the system got wrong: evidence not in the top 3, keyword missed, wrong (non-)abstention."""
    found = []
    for outcome in outcomes:
        row, problems = outcome.row, []
        if row.answerable:
            if row.rank is None or row.rank > 3:
                problems.append(f"evidence rank {row.rank}")
            if row.abstained:
                problems.append("declined an answerable question")
            elif not row.keyword_hit:
                problems.append(f"no keyword of {outcome.question.answer_keywords}")
        elif not row.abstained:
            problems.append("answered an unanswerable question")
        if problems:
            found.append(
                {
                    "id": row.id,
                    "lang": row.lang.value,
                    "question": outcome.question.question,
                    "problem": "; ".join(problems),
                    "answered": outcome.text,
                }
            )
    return found


def threshold_sweep(
    questions: Sequence[EvalQuestion], answers: Sequence[Answer], *, thresholds: Sequence[float] = THRESHOLDS
) -> list[dict[str, float]]:
    """Abstention and false abstention had the service declined below each threshold.

    Re-decides from the recorded ``Answer.confidence`` (the service declines when confidence < threshold;
    invalid questions are declined whatever the threshold).
    """
    sweep = []
    for threshold in thresholds:
        declined = [a.kind is AnswerKind.INVALID or a.confidence < threshold for a in answers]
        unanswerable = [d for q, d in zip(questions, declined, strict=True) if not q.answerable]
        answerable = [d for q, d in zip(questions, declined, strict=True) if q.answerable]
        sweep.append(
            {
                "threshold": threshold,
                "abstention": round(sum(unanswerable) / len(unanswerable), 4)
                if unanswerable
                else float("nan"),
                "false_abstention": round(sum(answerable) / len(answerable), 4)
                if answerable
                else float("nan"),
            }
        )
    return sweep


def in_split(row: EvalRow, cross: bool | None, split: str) -> bool:
    """Whether a row belongs to a split of :data:`CROSS_SPLITS` (unanswerable rows have no page)."""
    if split == "all":
        return True
    language, _, side = split.partition(" ")
    if row.lang.value != language:
        return False
    return not side or (cross is not None and (side == "cross") == cross)


def by_cross_split(
    rows: Sequence[EvalRow], cross: Mapping[str, bool | None]
) -> dict[str, dict[str, float | None]]:
    """``summarise`` over every split of :data:`CROSS_SPLITS`; ``cross`` maps question ids to cross-language."""
    return {
        split: summarise(row for row in rows if in_split(row, cross.get(row.id), split))
        for split in CROSS_SPLITS
    }
