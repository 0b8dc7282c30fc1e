"""Benchmark the project against BM25 alone and the LangChain recipe: ``python bench/run.py``.

In one run: the dev set over the shipped pages, set A over its 12 pages ingested beside them, and this
project's own extra questions (``bench/questions_extra.jsonl``). Retrieval is scored ignoring the decision to
decline; answers are scored with the decline model decided out of fold (folds by page). Also: English
questions without the hand-written renderings, everything without the general dictionary or without the
Bokmål lemmas, and speed.
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
from bench.decline import FIT_NOTES, declined, fit, fold_models, separation, write_model  # noqa: E402
from bench.indexes import MODEL, CachedEmbedder, build_index  # noqa: E402
from bench.probe import Probe, probe, project_rows  # noqa: E402
from bench.question_sets import QuestionSet, default_sets  # noqa: E402
from bench.report import markdown, summary  # noqa: E402
from bench.reshuffle import reshuffled  # noqa: E402
from bench.systems import BM25System, RecipeSystem  # noqa: E402
from bench.targets import check  # noqa: E402
from knowledge.bootstrap import KnowledgeBase  # noqa: E402
from knowledge.bridge.resources import LanguageResources  # noqa: E402
from knowledge.decision.model import MODEL_FILE, load_model  # noqa: E402
from knowledge.embeddings import SentenceTransformerEmbedder  # noqa: E402
from knowledge.evaluation import EvalRow  # noqa: E402
from knowledge.models import Language, Question  # noqa: E402
from knowledge.service import KnowledgeService  # noqa: E402

EVAL = ROOT.parent / "shared/eval"
CONTACT = "erasmuspluss@hkdir.no"
PROJECT = "Rapportlos"
MODEL_PATH = ROOT / "knowledge/decision" / MODEL_FILE


def log(message: str) -> None:
    """Progress on stderr, so stdout stays the summary or the JSON."""
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def service_over(kb: KnowledgeBase) -> KnowledgeService:
    """The answer engine as the bot wires it, over ``kb``'s active index (the shipped model's thresholds)."""
    return KnowledgeService(retriever=kb.retriever(), contact=CONTACT)


def failures(probes: list[Probe], rows: list[EvalRow]) -> list[dict[str, str]]:
    """The project's misses on one set, for the report."""
    found = []
    for p, row in zip(probes, rows, strict=True):
        problems = []
        if row.answerable and (row.rank is None or row.rank > 3):
            problems.append(f"evidence rank {row.rank}")
        if row.answerable and row.abstained:
            problems.append("declined")
        elif row.answerable and not row.keyword_hit:
            problems.append(f"no keyword of {p.question.answer_keywords}")
        if not row.answerable and not row.abstained:
            problems.append("answered an unanswerable question")
        if problems:
            where = "cross" if p.cross else "same"
            found.append(
                {"id": row.id, "lang": f"{row.lang.value} {where}", "question": p.question.question,
                 "problem": "; ".join(problems), "answered": p.text.split("\n\n")[0]}
            )  # fmt: skip
    return found


class Bench:
    """Builds the indexes once per page list and keeps the fold models of the main run."""

    def __init__(self, *, tmp: Path, embedder: SentenceTransformerEmbedder) -> None:
        self.tmp, self.real = tmp, embedder
        self.embedder = CachedEmbedder(embedder)
        self._kbs: dict[tuple[Path, ...], KnowledgeBase] = {}
        self.folders: dict[tuple[Path, ...], Path] = {}
        self.ingest: dict[str, Any] = {}

    def kb(self, paths: tuple[Path, ...]) -> KnowledgeBase:
        """The knowledge base over ``paths`` (built on first use)."""
        if paths not in self._kbs:
            folder = self.tmp / f"index-{len(self._kbs)}"
            log(f"ingesting {len(paths)} pages into {folder.name}")
            kb, timing = build_index(folder=folder, embedder=self.embedder, paths=paths)
            self._kbs[paths], self.folders[paths] = kb, folder
            self.ingest[folder.name] = timing.as_dict()
        return self._kbs[paths]

    def probes(self, sets: list[QuestionSet], *, languages: LanguageResources | None = None,
               renderings: bool = True, lang: Language | None = None) -> dict[str, list[Probe]]:  # fmt: skip
        """Every set's questions probed over its index (optionally without dictionary or renderings)."""
        found = {}
        for qs in sets:
            paths = qs.paths if renderings else tuple(p for p in qs.paths if not p.name.endswith(".en.md"))
            kb = self.kb(paths)
            if languages is not None:
                kb = KnowledgeBase(store=kb.store, embedder=self.embedder, languages=languages)
            questions = [q for q in qs.questions if lang is None or q.lang is lang]
            found[qs.name] = probe(service_over(kb), questions, qs.docs)
        return found


def decide(probes: dict[str, list[Probe]], folds: dict[str, Any]) -> dict[str, bool]:
    """Each question's decision under the model fitted without its page."""
    return {
        p.question.id: declined(p.signals, folds.get(p.group)) for group in probes.values() for p in group
    }


def scored(probes: dict[str, list[Probe]], decisions: dict[str, bool]) -> dict[str, Any]:
    """Split metrics of the project per set."""
    return {
        name: metrics.by_cross_split(project_rows(group, decisions), {p.question.id: p.cross for p in group})
        for name, group in probes.items()
    }


def resource_variants(bench: Bench, sets: list[QuestionSet], folds: dict[str, Any]) -> dict[str, Any]:
    """The project without some of its language resources, decided by the same fold models."""
    log("without the dictionary and Apertium")
    plain = bench.probes(sets, languages=LanguageResources.glossary_only())
    log("without the Bokmål lemmas")
    system = LanguageResources.from_system()
    unlemmatised = bench.probes(
        sets, languages=LanguageResources(lexicon=system.lexicon, normaliser=system.normaliser)
    )
    log("English questions without the hand-written renderings")
    bare = bench.probes(sets, renderings=False, lang=Language.EN)
    return {
        "glossary only (no dictionary, no Apertium)": scored(plain, decide(plain, folds)),
        "no Bokmål lemmas (apertium-dan-nor, Danish pivot)": scored(
            unlemmatised, decide(unlemmatised, folds)
        ),
        "no hand-written English renderings": scored(bare, decide(bare, folds)),
    }


def run(sets: list[QuestionSet], *, tmp: Path, refit: Path | None = None) -> dict[str, Any]:
    """Build everything, ask every system every question, decide out of fold, measure."""
    log("loading the embedding model")
    start = time.perf_counter()
    embedder = SentenceTransformerEmbedder(MODEL)
    model_load = time.perf_counter() - start
    bench = Bench(tmp=tmp, embedder=embedder)
    log("probing the project")
    main = bench.probes(sets)
    everything = [p for group in main.values() for p in group]
    if refit is not None:  # the shipped model: fitted on all questions, never scored on them below
        write_model(fit(everything, notes=FIT_NOTES), refit)
        log(f"wrote {refit}")
    folds = fold_models(everything)
    decisions = decide(main, folds)
    quality: dict[str, dict[str, Any]] = {qs.name: {PROJECT: scored(main, decisions)[qs.name]} for qs in sets}
    for qs in sets:
        cross = {p.question.id: p.cross for p in main[qs.name]}
        catalog = bench.kb(qs.paths).retriever().catalog
        log(f"baselines on {qs.name}")
        recipe = RecipeSystem(paths=list(qs.paths), embedder=bench.embedder, folder=tmp / f"recipe-{qs.name}")
        for system in (BM25System(catalog=catalog), recipe):
            outcomes = metrics.evaluate(system, qs.questions, catalog)
            quality[qs.name][system.name] = metrics.by_cross_split([o.row for o in outcomes], cross)
    variants = resource_variants(bench, sets, folds)
    return {
        "project": PROJECT,
        "threshold": load_model().threshold,
        "thresholds": load_model().thresholds,
        "fold_thresholds": {group: model.thresholds for group, model in sorted(folds.items())},
        "separation": separation(everything, folds),
        "reshuffled": reshuffled(main),
        "quality": quality,
        "variants": variants,
        "failures": {name: failures(group, project_rows(group, decisions)) for name, group in main.items()},
        "model": load_model().model_dump(exclude={"fitted_on"}) | {"fitted_on": len(load_model().fitted_on)},
        "speed": measure_speed(bench, sets, embedder, model_load),
    }


def measure_speed(
    bench: Bench, sets: list[QuestionSet], embedder: SentenceTransformerEmbedder, model_load: float
) -> dict[str, Any]:
    """Warm answer latency against the bare embedding of the same questions, and the first answer."""
    largest = max(sets, key=lambda qs: len(qs.paths))
    service = service_over(KnowledgeBase(store=bench.kb(largest.paths).store, embedder=embedder))
    texts = [q.question for qs in sets for q in qs.questions]
    log(f"timing {len(texts)} questions (answer and bare embedding, warm pass)")
    for text in texts:  # first pass: caches and lazy loads
        service.answer(Question(text=text))
    answer_ms, embed_ms = [], []
    for text in texts:
        start = time.perf_counter()
        service.answer(Question(text=text))
        answer_ms.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        embedder.embed([text])
        embed_ms.append((time.perf_counter() - start) * 1000)
    log("first answer in a fresh process")
    first = speed.first_answer(index=bench.folders[largest.paths], question=texts[0])
    warm, bare = speed.latency(answer_ms), speed.latency(embed_ms)
    return {
        "warm": warm,
        "embedding": bare,
        "ratio_p95": round(warm["p95_ms"] / bare["p95_ms"], 2) if bare["p95_ms"] else None,
        "first_answer": first,
        "peak_rss_mb_main": speed.own_peak_rss_mb(),
        "model_load_seconds": round(model_load, 2),
        "ingest": bench.ingest,
    }


def describe(sets: list[QuestionSet]) -> dict[str, Any]:
    """When, where and on what the benchmark ran."""
    return {
        "date": datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
        "command": ".venv/bin/python bench/run.py",
        "machine": {
            "nproc": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
            "load_average": [round(value, 2) for value in os.getloadavg()],
        },
        "sets": {
            qs.name: {
                "count": len(qs.questions),
                "pages": len(qs.paths),
                "nb": sum(q.lang is Language.NB for q in qs.questions),
                "en": sum(q.lang is Language.EN for q in qs.questions),
                "unanswerable": sum(not q.answerable for q in qs.questions),
            }
            for qs in sets
        },
    }


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark, write the report, print the summary or the JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, default=EVAL, help="folder with the shared question files")
    parser.add_argument("--out", type=Path, default=ROOT / "bench/RESULTS.md", help="Markdown report")
    parser.add_argument("--json", action="store_true", help="print the metrics as JSON instead of a summary")
    parser.add_argument("--refit", action="store_true", help=f"also refit and write {MODEL_PATH.name}")
    args = parser.parse_args(argv)
    missing = [
        name for name in ("dev_questions.jsonl", "questions_a.jsonl") if not (args.eval / name).is_file()
    ]
    if missing:
        log(
            f"No question file {', '.join(missing)} in {args.eval}. The benchmark's questions are not part of the"
            " repository (they live in ../shared/eval/ beside it); pass the folder with yours:"
            " make bench EVAL=path/to/eval or"
            " python bench/run.py --eval path/to/eval"
        )
        return 2
    sets = default_sets(args.eval)
    with tempfile.TemporaryDirectory(prefix="rapportlos-bench-") as tmp:
        results = describe(sets) | run(sets, tmp=Path(tmp), refit=MODEL_PATH if args.refit else None)
    if args.refit:
        results["command"] += " --refit"
    targets = check(results)
    results["targets"] = [vars(target) for target in targets]
    args.out.write_text(markdown(results, targets), encoding="utf-8")
    (args.out.with_suffix(".json")).write_text(
        json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8"
    )
    log(f"wrote {args.out}")
    print(json.dumps(results, indent=2, ensure_ascii=False) if args.json else summary(results, targets))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
