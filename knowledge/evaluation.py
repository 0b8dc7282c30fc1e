"""Scoring the answer engine on a question file (the format of shared/eval/dev_questions.jsonl)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from core.language import Language
from knowledge.models import Answer

_SPACE = re.compile(r"\s+")


class EvalQuestion(BaseModel):
    """One question of an evaluation file."""

    model_config = ConfigDict(extra="ignore")

    id: str
    lang: Language
    question: str
    evidence: str | None = None
    answer_keywords: list[str] = []
    answerable: bool = True


class EvalRow(BaseModel):
    """How one question went."""

    id: str
    lang: Language
    answerable: bool
    rank: int | None
    keyword_hit: bool
    abstained: bool


def normalise(text: str) -> str:
    """Lower case with white space folded, for evidence matching."""
    return _SPACE.sub(" ", text).strip().lower()


def load_questions(path: Path) -> list[EvalQuestion]:
    """Read a JSON-lines question file."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [EvalQuestion.model_validate(json.loads(line)) for line in lines if line.strip()]


def evidence_rank(evidence: str | None, passages: Sequence[str]) -> int | None:
    """1-based rank of the first passage that contains the evidence (white space normalised)."""
    if not evidence:
        return None
    wanted = normalise(evidence)
    return next((rank for rank, text in enumerate(passages, 1) if wanted in normalise(text)), None)


def score(question: EvalQuestion, answer: Answer, passages: Sequence[str]) -> EvalRow:
    """Score one answer; ``passages`` are the retrieved passages, best first. A keyword counts only in the
    answer's body, not in its source lines (a page title or "sist oppdatert" is no answer)."""
    text = answer.said.lower()
    keyword = (not answer.abstained) and any(k.lower() in text for k in question.answer_keywords)
    return EvalRow(
        id=question.id,
        lang=question.lang,
        answerable=question.answerable,
        rank=evidence_rank(question.evidence, passages) if question.answerable else None,
        keyword_hit=keyword,
        abstained=answer.abstained,
    )


def summarise(rows: Iterable[EvalRow]) -> dict[str, float | None]:
    """hit@1, hit@3, MRR, keyword accuracy, abstention and false abstention over ``rows`` (None: no rows)."""
    rows = list(rows)
    answerable = [row for row in rows if row.answerable]
    unanswerable = [row for row in rows if not row.answerable]

    def share(values: list[bool]) -> float | None:
        return round(sum(values) / len(values), 4) if values else None

    return {
        "questions": len(rows),
        "answerable": len(answerable),
        "unanswerable": len(unanswerable),
        "hit@1": share([row.rank == 1 for row in answerable]),
        "hit@3": share([row.rank is not None and row.rank <= 3 for row in answerable]),
        "mrr": round(sum(1 / row.rank for row in answerable if row.rank) / len(answerable), 4)
        if answerable
        else None,
        "keyword_accuracy": share([row.keyword_hit for row in answerable]),
        "abstention": share([row.abstained for row in unanswerable]),
        "false_abstention": share([row.abstained for row in answerable]),
    }
