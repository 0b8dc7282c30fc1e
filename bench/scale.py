"""Scale benchmark: the dev questions against corpora of 2, 50, 250 and 1,000 pages: ``python bench/scale.py``.

Builds the corpora itself (``bench/corpus.py``), ingests each in its own process, then in this process times
warm answers, the bare embedding of the same questions and (at the largest size) the LangChain recipe; in
fresh processes it times start → first answer against the bare model load; finally it adds one page to the
largest index. Writes ``bench/RESULTS-scale.md``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import metrics, processes, speed  # noqa: E402
from bench.corpus import CorpusWriter, dev_writer, write_corpus  # noqa: E402
from bench.embedding_cache import CachedEmbedder  # noqa: E402
from bench.indexes import MODEL, PREFIX  # noqa: E402
from bench.scale_report import comparison, markdown  # noqa: E402
from bench.systems import ProjectSystem, RecipeSystem  # noqa: E402
from knowledge.bootstrap import SHIPPED_DOCS, KnowledgeBase  # noqa: E402
from knowledge.catalog import Catalog  # noqa: E402
from knowledge.embeddings import SentenceTransformerEmbedder  # noqa: E402
from knowledge.evaluation import EvalQuestion, load_questions  # noqa: E402
from knowledge.models import Language, Question  # noqa: E402
from knowledge.service import KnowledgeService  # noqa: E402
from knowledge.vector_store import ChromaStore  # noqa: E402

EVAL = ROOT.parent / "shared/eval"
DEV_PROJECT = "2020-1-NO01-KA229-012345"
WARM_UP = "Hva er Erasmus+?"


def log(message: str) -> None:
    """Progress on stderr."""
    print(f"[scale] {message}", file=sys.stderr, flush=True)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="2,50,250,1000", help="corpus sizes in pages, comma-separated")
    parser.add_argument("--questions", type=Path, default=EVAL / "dev_questions.jsonl")
    parser.add_argument("--out", type=Path, default=ROOT / "bench/RESULTS-scale.md")
    parser.add_argument("--json", type=Path, default=None, help="also write the raw figures as JSON here")
    parser.add_argument("--label", default="", help="a note on what code was measured, for the report")
    parser.add_argument(
        "--embedding-cache",
        type=Path,
        default=None,
        help="reuse passage embeddings across runs (index building only, never questions)",
    )
    parser.add_argument(
        "--recipe-pages", type=int, default=0, help="corpus size for the recipe (default largest)"
    )
    parser.add_argument("--before", type=Path, default=None, help="an earlier run's JSON to compare with")
    parser.add_argument(
        "--render", type=Path, default=None, help="no measuring: report an earlier run's JSON"
    )
    return parser.parse_args(argv)


def _writer(questions: list[EvalQuestion]) -> CorpusWriter:
    return dev_writer(
        shipped=SHIPPED_DOCS, set_a=EVAL / "corpus_a", evidence=[q.evidence or "" for q in questions]
    )


def _ms(millis: list[float]) -> dict[str, float]:
    return {
        "p50_ms": round(speed.percentile(millis, 0.5), 1),
        "p95_ms": round(speed.percentile(millis, 0.95), 1),
    }


def _timed(answer: Any, questions: list[EvalQuestion]) -> list[float]:
    """Milliseconds per question of the second of two passes (every question asked before)."""
    for question in questions:
        answer(question.question)
    millis = []
    for question in questions:
        start = time.perf_counter()
        answer(question.question)
        millis.append((time.perf_counter() - start) * 1000)
    return millis


def _quality(system: Any, questions: list[EvalQuestion], reference: Catalog) -> dict[str, Any]:
    summary = metrics.by_language(metrics.evaluate(system, questions, reference))["all"]
    return {
        key: summary[key]
        for key in ("hit@1", "hit@3", "mrr", "keyword_accuracy", "abstention", "false_abstention")
    }


def _qualities(
    service: KnowledgeService, questions: list[EvalQuestion], reference: Catalog
) -> dict[str, Any]:
    """Quality of the answers to ``questions``, and their hit@3 when asked in the channel of a school exchange
    partnership (KA229), the action the shipped pages are about: the project's number tells which of many
    look-alike pages fit."""
    quality = _quality(ProjectSystem(service=service), questions, reference)
    in_project = ProjectSystem(service=service, project=DEV_PROJECT)
    return quality | {"in_project_hit@3": _quality(in_project, questions, reference)["hit@3"]}


def measure_size(
    size: int,
    *,
    tmp: Path,
    questions: list[EvalQuestion],
    embedder: SentenceTransformerEmbedder,
    reference: Catalog | None,
    cache: Path | None,
) -> tuple[dict[str, Any], KnowledgeBase]:
    """Build, ingest and query the corpus of ``size`` pages."""
    folder = write_corpus(
        tmp / f"corpus-{size}",
        shipped=SHIPPED_DOCS,
        set_a=EVAL / "corpus_a",
        writer=_writer(questions),
        pages=size,
    )[0].parent
    log(f"{size} pages: ingest in a fresh process")
    ingested = processes.ingest(index=tmp / f"index-{size}", folder=folder, cache=cache)
    kb = KnowledgeBase(store=ChromaStore(path=str(tmp / f"index-{size}"), prefix=PREFIX), embedder=embedder)
    start = time.perf_counter()
    service = KnowledgeService(retriever=kb.retriever(), contact="x@example.org")
    opened = time.perf_counter() - start
    log(f"{size} pages: timing answers")
    _timed(
        lambda text: service.answer(Question(text=text)),
        [EvalQuestion(id="w", lang=Language.NB, question=WARM_UP)],
    )
    warm = _timed(lambda text: service.answer(Question(text=text)), questions)
    bare = _timed(lambda text: embedder.embed([text]), questions)
    return {
        "pages": size,
        "files": len(list(folder.glob("*.md"))),
        "passages": len(service.catalog),
        "ingest": ingested,
        "open_seconds": round(opened, 2),
        "warm": _ms(warm),
        "bare": _ms(bare),
        "quality": _qualities(service, questions, reference or service.catalog),
    }, kb


def add_one_page(kb: KnowledgeBase, *, tmp: Path, questions: list[EvalQuestion]) -> dict[str, Any]:
    """Add one new page to ``kb``, then change it, each as ``rapportlos ingest page.md`` would."""
    name, text = _writer(questions).page(99_999)
    page = tmp / "added" / name
    page.parent.mkdir(exist_ok=True)
    page.write_text(text, encoding="utf-8")
    start = time.perf_counter()
    added = kb.ingest([page])
    add_seconds = time.perf_counter() - start
    page.write_text(text.replace("\n## ", "\nEndret avsnitt.\n\n## ", 1), encoding="utf-8")
    start = time.perf_counter()
    changed = kb.ingest([page])
    change_seconds = time.perf_counter() - start
    if added.added != [added.added[0]] or changed.updated != added.added:
        raise RuntimeError(f"adding one page went wrong: {added} / {changed}")
    return {"add_seconds": round(add_seconds, 2), "change_seconds": round(change_seconds, 2)}


def recipe(
    files: list[Path],
    *,
    tmp: Path,
    questions: list[EvalQuestion],
    embedder: Any,
    reference: Catalog,
    cache: Path | None,
) -> dict[str, Any]:
    """The LangChain recipe over the same files: build time, warm latency, quality."""
    start = time.perf_counter()
    cached = CachedEmbedder(embedder, cache) if cache else embedder
    system = RecipeSystem(paths=files, embedder=cached, folder=tmp / "recipe")
    built = time.perf_counter() - start
    if isinstance(cached, CachedEmbedder):
        cached.save()
        system._embedder = embedder  # questions are embedded by the model, never from the cache
    warm = _timed(system.answer, questions)
    return {
        "build_seconds": round(built, 1),
        "chunks": system.chunks,
        "warm": _ms(warm),
        "quality": _quality(system, questions, reference),
    }


def run(args: argparse.Namespace, tmp: Path) -> dict[str, Any]:
    """Every measurement; returns the figures."""
    questions = load_questions(args.questions)
    sizes = sorted(int(size) for size in args.sizes.split(","))
    log("fresh processes: bare model load, first answer at the smallest size comes later")
    bare_load = processes.bare_model(question=questions[0].question)
    embedder = SentenceTransformerEmbedder(MODEL)
    rows, reference, kb = [], None, None
    for size in sizes:
        row, kb = measure_size(
            size,
            tmp=tmp,
            questions=questions,
            embedder=embedder,
            reference=reference,
            cache=args.embedding_cache,
        )
        reference = reference or kb.retriever().catalog
        rows.append(row)
    assert kb is not None and reference is not None
    log("start → first answer in fresh processes")
    for row, runs in ((rows[0], 1), (rows[-1], 3)):
        row["first_answer"] = processes.first_answer(
            index=tmp / f"index-{row['pages']}", question=questions[0].question, runs=runs
        )
    log("adding one page to the largest index")
    added = add_one_page(kb, tmp=tmp, questions=questions)
    recipe_pages = args.recipe_pages or sizes[-1]
    log(f"the LangChain recipe over {recipe_pages} pages")
    files = sorted((tmp / f"corpus-{recipe_pages}").glob("*.md"))
    baseline = recipe(
        files,
        tmp=tmp,
        questions=questions,
        embedder=embedder,
        reference=reference,
        cache=args.embedding_cache,
    ) | {"pages": recipe_pages}
    return {"sizes": rows, "bare_load": bare_load, "add_one_page": added, "recipe": baseline}


def describe(args: argparse.Namespace, seconds: float) -> dict[str, Any]:
    """When, where and how the benchmark ran."""
    return {
        "date": datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
        "command": f".venv/bin/python bench/scale.py --sizes {args.sizes}"
        + (f" --recipe-pages {args.recipe_pages}" if args.recipe_pages else "")
        + (" --embedding-cache /tmp/rapportlos-embeddings.npz" if args.embedding_cache else ""),
        "label": args.label,
        "nproc": os.cpu_count(),
        "load_average": [round(value, 2) for value in os.getloadavg()],
        "total_seconds": round(seconds),
    }


def main(argv: list[str] | None = None) -> int:
    """Run the scale benchmark and write its report."""
    args = parse_args(argv)
    start = time.perf_counter()
    if args.render:
        results = json.loads(args.render.read_text(encoding="utf-8"))
    else:
        with tempfile.TemporaryDirectory(prefix="rapportlos-scale-") as tmp:
            results = run(args, Path(tmp))
        results = describe(args, time.perf_counter() - start) | results
    report = markdown(results)
    if args.before:
        report += "\n" + comparison(json.loads(args.before.read_text(encoding="utf-8")), results)
    args.out.write_text(report, encoding="utf-8")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    log(f"wrote {args.out} in {results['total_seconds']} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
