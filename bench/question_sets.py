"""The benchmark's question sets (dev, set A, the project's extra questions) and the pages each is asked over."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from bench.indexes import all_docs, build_index
from knowledge.embeddings import Embedder
from knowledge.evaluation import EvalQuestion, load_questions
from knowledge.retrieval import Retriever

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class QuestionSet:
    """Questions and the pages they are asked over."""

    name: str
    questions: list[EvalQuestion]
    docs: dict[str, str | None]
    paths: tuple[Path, ...]


def read_set(name: str, path: Path, pages: tuple[Path, ...]) -> QuestionSet:
    """A question file with each question's page (the ``doc`` field)."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return QuestionSet(name, load_questions(path), {r["id"]: r.get("doc") for r in rows}, pages)


def default_sets(eval_dir: Path) -> list[QuestionSet]:
    """Dev over the shipped pages; set A and the extra questions over the shipped pages plus corpus A."""
    shipped = tuple(all_docs())
    with_a = shipped + tuple(sorted((eval_dir / "corpus_a").glob("*.md")))
    return [
        read_set("dev", eval_dir / "dev_questions.jsonl", shipped),
        read_set("A", eval_dir / "questions_a.jsonl", with_a),
        read_set("extra", ROOT / "bench/questions_extra.jsonl", with_a),
    ]


def asked_over(eval_dir: Path, folder: Path, embedder: Embedder) -> Iterator[tuple[QuestionSet, Retriever]]:
    """Each question set with a retriever over its pages (an index under ``folder``, built once per page list)."""
    built: dict[tuple[Path, ...], Retriever] = {}
    for number, question_set in enumerate(default_sets(eval_dir)):
        if question_set.paths not in built:
            kb, _ = build_index(
                folder=folder / f"index-{number}", embedder=embedder, paths=question_set.paths
            )
            built[question_set.paths] = kb.retriever()
        yield question_set, built[question_set.paths]
