"""Benchmark this project against BM25 alone and the LangChain recipe: ``python bench/run.py``.

Builds every index in a temporary folder, scores quality by language, sweeps the abstention threshold,
measures speed and memory, writes the Markdown report and prints a summary (or JSON with ``--json``).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import metrics, speed  # noqa: E402
from bench.indexes import MODEL, all_docs, build_index, norwegian_docs  # noqa: E402
from bench.report import markdown, summary  # noqa: E402
from bench.systems import TOP_K, BM25System, ProjectSystem, RecipeSystem, System  # noqa: E402
from bench.targets import check  # noqa: E402
from knowledge.bootstrap import KnowledgeBase  # noqa: E402
from knowledge.embeddings import SentenceTransformerEmbedder  # noqa: E402
from knowledge.evaluation import EvalQuestion, load_questions  # noqa: E402
from knowledge.models import Language  # noqa: E402
from knowledge.service import KnowledgeService  # noqa: E402

DEFAULT_QUESTIONS = Path(__file__).resolve().parents[2] / "shared/eval/dev_questions.jsonl"
THRESHOLD = 0.45
CONTACT = "erasmuspluss@hkdir.no"
WARM_UP = "Hva er Erasmus+?"
SWEEP = sorted({*metrics.THRESHOLDS, THRESHOLD})


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=Path, default=DEFAULT_QUESTIONS, help="JSON-lines question file")
    parser.add_argument(
        "--out", type=Path, default=ROOT / "bench/RESULTS.md", help="Markdown report to write"
    )
    parser.add_argument("--json", action="store_true", help="print the metrics as JSON instead of a summary")
    return parser.parse_args(argv)


def log(message: str) -> None:
    """Progress on stderr, so stdout stays the summary or the JSON."""
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def run(questions: list[EvalQuestion], *, tmp: Path) -> dict[str, Any]:
    """Build everything, ask every system every question, measure; returns the metrics."""
    log("loading the embedding model")
    start = time.perf_counter()
    embedder = SentenceTransformerEmbedder(MODEL)
    model_load = time.perf_counter() - start
    log("ingesting the shipped pages")
    kb, ingest = build_index(folder=tmp / "full", embedder=embedder, paths=all_docs())
    project = ProjectSystem(service=service_over(kb))
    first_seen, warm, answers = _time_project(project, questions)
    recipe = RecipeSystem(paths=all_docs(), embedder=embedder, folder=tmp / "recipe")
    outcomes = _ask_all([project, BM25System(catalog=project.service.catalog), recipe], questions, project)
    cross = _cross_lingual(questions, embedder=embedder, tmp=tmp, catalog=project.service.catalog)
    log("first answer in a fresh process")
    first = speed.first_answer(index=tmp / "full", threshold=THRESHOLD, question=questions[0].question)
    return {
        "project": project.name,
        "threshold": THRESHOLD,
        "top_k": TOP_K,
        "recipe_chunks": recipe.chunks,
        "quality": {name: metrics.by_language(rows) for name, rows in outcomes.items()},
        "cross_lingual": metrics.by_language(cross),
        "sweep": metrics.threshold_sweep(
            questions, answers, thresholds=sorted({*metrics.THRESHOLDS, THRESHOLD})
        ),
        "speed": {
            "first_seen": speed.latency(first_seen),
            "warm": speed.latency(warm),
            "first_answer": first,
            "peak_rss_mb_main": speed.own_peak_rss_mb(),
            "model_load_seconds": round(model_load, 2),
            "ingest": ingest.as_dict(),
        },
        "failures": {
            project.name: metrics.failures(outcomes[project.name]),
            "cross_lingual": metrics.failures(cross),
        },
    }


def _time_project(project: ProjectSystem, questions: list[EvalQuestion]) -> tuple[Any, Any, Any]:
    """Per-question latency the first time each question is seen and on a warm second pass."""
    log("timing the project")
    speed.timed_pass(project.service, [EvalQuestion(id="warm-up", lang=Language.NB, question=WARM_UP)])
    first_seen, _ = speed.timed_pass(project.service, questions)
    warm, answers = speed.timed_pass(project.service, questions)
    return first_seen, warm, answers


def _ask_all(systems: list[System], questions: list[EvalQuestion], project: ProjectSystem) -> dict[str, Any]:
    outcomes = {}
    for system in systems:
        log(f"asking {system.name}")
        outcomes[system.name] = metrics.evaluate(system, questions, project.service.catalog)
    return outcomes


def _cross_lingual(
    questions: list[EvalQuestion], *, embedder: SentenceTransformerEmbedder, tmp: Path, catalog: Any
) -> Any:
    """English questions against an index of the Norwegian pages only (the glossary path)."""
    log("cross-lingual: index without the English renderings")
    kb_nb, _ = build_index(folder=tmp / "nb-only", embedder=embedder, paths=norwegian_docs())
    nb_only = ProjectSystem(service=service_over(kb_nb), name="Rapportlos (Norwegian pages only)")
    return metrics.evaluate(nb_only, [q for q in questions if q.lang is Language.EN], catalog)


def service_over(kb: KnowledgeBase) -> KnowledgeService:
    """The answer engine as the bot wires it, over ``kb``'s active index."""
    return KnowledgeService(retriever=kb.retriever(), threshold=THRESHOLD, contact=CONTACT)


def check_sweep(results: dict[str, Any]) -> None:
    """Warn when the sweep, re-decided at the threshold in use, disagrees with the real run."""
    real = results["quality"][results["project"]]["all"]
    row = next(row for row in results["sweep"] if row["threshold"] == results["threshold"])
    if (row["abstention"], row["false_abstention"]) != (real["abstention"], real["false_abstention"]):
        log(f"warning: sweep at {results['threshold']} gives {row}, the real run {real}")


def describe(args: argparse.Namespace, questions: list[EvalQuestion]) -> dict[str, Any]:
    """When, where and on what the benchmark ran."""
    command = ".venv/bin/python bench/run.py"
    if args.questions.resolve() != DEFAULT_QUESTIONS:
        command += f" --questions {args.questions}"
    return {
        "date": datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
        "command": command,
        "machine": {
            "nproc": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
            "load_average": [round(value, 2) for value in os.getloadavg()],
        },
        "questions": {
            "path": str(args.questions),
            "count": len(questions),
            "nb": sum(q.lang.value == "nb" for q in questions),
            "en": sum(q.lang.value == "en" for q in questions),
            "unanswerable": sum(not q.answerable for q in questions),
        },
    }


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark, write the report, print the summary or the JSON."""
    args = parse_args(argv)
    if not args.questions.is_file():
        log(
            f"No question file at {args.questions}. The benchmark's questions are not part of the repository"
            " (they live in ../shared/eval/ beside it); pass your own: make bench QUESTIONS=path/to/questions.jsonl"
            " or python bench/run.py --questions path/to/questions.jsonl"
        )
        return 2
    questions = load_questions(args.questions)
    with tempfile.TemporaryDirectory(prefix="rapportlos-bench-") as tmp:
        results = describe(args, questions) | run(questions, tmp=Path(tmp))
    check_sweep(results)
    targets = check(
        results,
        project=results["project"],
        baselines=[n for n in results["quality"] if n != results["project"]],
    )
    results["targets"] = [vars(target) for target in targets]
    args.out.write_text(markdown(results, targets), encoding="utf-8")
    log(f"wrote {args.out}")
    print(json.dumps(results, indent=2, ensure_ascii=False) if args.json else summary(results, targets))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
