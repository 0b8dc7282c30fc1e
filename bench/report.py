"""The Markdown report and the short stdout summary."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bench.targets import Target

_QUALITY_KEYS = ("questions", "hit@1", "hit@3", "mrr", "keyword_accuracy", "abstention", "false_abstention")
_QUALITY_HEAD = (
    "n (incl. unanswerable)",
    "hit@1",
    "hit@3",
    "MRR",
    "keyword acc.",
    "unanswerable declined",
    "false abstention",
)


def table(head: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A Markdown table."""
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(_cell(value) for value in row) + " |" for row in rows]
    return "\n".join(lines)


def _cell(value: object) -> str:
    if isinstance(value, float):
        return "–" if value != value else f"{value:.3f}"  # NaN: no question of that kind
    return str(value)


def _quality(results: dict[str, Any]) -> str:
    rows = [
        [system, split, *(metrics[split][key] for key in _QUALITY_KEYS)]
        for system, metrics in results["quality"].items()
        for split in ("nb", "en", "all")
    ]
    return table(("system", "questions", *_QUALITY_HEAD), rows)


def _cross_lingual(results: dict[str, Any]) -> str:
    en = results["cross_lingual"]["en"]
    full = results["quality"][results["project"]]["en"]
    rows = [
        [
            "with English renderings",
            full["hit@3"],
            full["mrr"],
            full["keyword_accuracy"],
            full["false_abstention"],
        ],
        ["Norwegian pages only", en["hit@3"], en["mrr"], en["keyword_accuracy"], en["false_abstention"]],
    ]
    return table(("index (English questions)", "hit@3", "MRR", "keyword acc.", "false abstention"), rows)


def _sweep(results: dict[str, Any]) -> str:
    chosen = results["threshold"]
    rows = [
        [
            f"**{row['threshold']:.2f}** (in use)"
            if row["threshold"] == chosen
            else f"{row['threshold']:.2f}",
            row["abstention"],
            row["false_abstention"],
        ]
        for row in results["sweep"]
    ]
    return table(("threshold", "unanswerable declined", "false abstention"), rows)


def _spread(latency: dict[str, float]) -> str:
    return f"{latency['p50_ms']} / {latency['p95_ms']} / {latency['max_ms']} ms"


def _speed(results: dict[str, Any]) -> str:
    speed = results["speed"]
    ingest, first = speed["ingest"], speed["first_answer"]
    rows = [
        [
            "latency, first time each question is asked (p50 / p95 / max)",
            _spread(speed["first_seen"]),
        ],
        [
            "latency, warm: second pass (p50 / p95 / max)",
            _spread(speed["warm"]),
        ],
        [
            "first answer, fresh process: Popen to the answer line (median of 3; runs)",
            f"{first['wall_seconds']} s (" + ", ".join(f"{w} s" for w in first["wall_seconds_runs"]) + ")",
        ],
        [
            "first answer, measured inside the process (after interpreter start)",
            f"{first['inside_seconds']} s",
        ],
        ["peak RSS, fresh process (project only; VmHWM)", f"{first['rss_mb']} MB"],
        ["same, as ru_maxrss (inherits the parent's peak across fork/exec)", f"{first['ru_maxrss_mb']} MB"],
        [
            "peak RSS, benchmark process (all systems, 2 indexes; ru_maxrss)",
            f"{speed['peak_rss_mb_main']} MB",
        ],
        ["embedding model load", f"{speed['model_load_seconds']} s"],
        [
            f"ingest, fresh index of {ingest['documents']} documents (total / per document)",
            f"{ingest['fresh_seconds']} s / {ingest['per_document_seconds']} s",
        ],
        ["re-ingest of the same unchanged documents", f"{ingest['reingest_seconds']} s"],
    ]
    return table(("measure", "value"), rows)


def _targets(targets: Sequence[Target]) -> str:
    rows = [[t.name, t.value, t.goal, "✅" if t.met else "❌"] for t in targets]
    return table(("target", "this run", "goal", ""), rows)


def _failures(items: Sequence[dict[str, str]]) -> str:
    if not items:
        return "None."
    lines = []
    for item in items:
        answered = " ".join(item["answered"].split())
        answered = answered if len(answered) <= 240 else answered[:237] + "…"
        lines.append(
            f"- **{item['id']}** ({item['lang']}) {item['question']} — *{item['problem']}*  \n"
            f"  answered: {answered}"
        )
    return "\n".join(lines)


def markdown(results: dict[str, Any], targets: Sequence[Target]) -> str:
    """The whole RESULTS.md."""
    machine, counts = results["machine"], results["questions"]
    return (
        "\n\n".join(
            [
                "# Benchmark: Rapportlos against two baselines",
                f"Run {results['date']} on {machine['platform']}, {machine['nproc']} CPUs, "
                f"Python {machine['python']}, load average at start {machine['load_average']} "
                "(other work on the machine makes the timings noisy). "
                f"Reproduce from the repository root with:\n\n```\n{results['command']}\n```",
                f"Questions: `{counts['path']}` — {counts['count']} in all, {counts['nb']} Norwegian and "
                f"{counts['en']} English, of which {counts['unanswerable']} cannot be answered from the "
                f"pages. Systems retrieve the top {results['top_k']}; "
                f"the project answers with threshold {results['threshold']}.",
                "## Targets",
                _targets(targets),
                "## Quality",
                _quality(results),
                "## Cross-lingual: English questions over an index without the English renderings",
                _cross_lingual(results),
                "## Abstention threshold sweep (this project)",
                "Re-decided from each answer's recorded confidence (declined when confidence < threshold). "
                "Keyword "
                "accuracy is only known for the threshold in use, from the real run above.",
                _sweep(results),
                "## Speed and memory (this project)",
                _speed(results),
                "## Questions this project gets wrong",
                _failures(results["failures"][results["project"]]),
                "## Questions this project gets wrong on the Norwegian-only index (English questions)",
                _failures(results["failures"]["cross_lingual"]),
                "## How it is measured",
                _METHOD.format(chunks=results["recipe_chunks"]),
            ]
        )
        + "\n"
    )


_METHOD = """\
- **Rapportlos**: `KnowledgeService` over a fresh index of `knowledge/docs/*.md` in a temporary folder;
  passages are `ranked_passages(k=5)` (each passage group with every language version joined).
- **BM25 alone**: the project's `BM25Index` and `Analyzer` over the same passages (the catalog's two language
  shards); the question is analysed in its detected language and both shards are searched; results are merged
  by raw BM25 score, one passage per group. Answer = top passage. Never declines.
- **LangChain recipe**: `RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200)` over the Markdown
  bodies ({chunks} chunks), stored in Chroma (cosine) with the same embedding model, dense top 5.
  Answer = top chunk. Never declines.
- **hit@k / MRR**: a passage is a hit when it contains the question's evidence (white space normalised,
  `knowledge.evaluation.evidence_rank`). The question file quotes Norwegian evidence only, so a passage also
  counts when it contains the whole English rendering of the project passage that holds the evidence (this
  lets the baselines' English chunks count; the project's passages already carry both languages).
- **Keyword accuracy**: an answerable question whose answer text contains one of its keywords, not declined
  (`knowledge.evaluation.score`). Declined / false abstention: share of unanswerable / answerable questions
  declined.
- **Cross-lingual**: on the Norwegian-only index English questions are answered in Norwegian text, so
  English keywords mostly miss there; hit@3 and MRR measure the glossary-based cross-lingual retrieval.
- **Latency**: in-process `time.perf_counter()` around `KnowledgeService.answer`; the first pass follows one
  warm-up question, the warm pass repeats every question (the retriever caches sentence embeddings, so
  repeats are faster than new questions). Nearest-rank percentiles.
- **First answer**: `python -c` that imports the package, opens the already-built index, answers one
  question; the OS file cache is warm because this process built the index. Its peak RSS is its own
  high-water mark (`VmHWM`): `ru_maxrss` of a child spawned from the large benchmark process reports the
  parent's peak. The benchmark process's own figure is `ru_maxrss` and includes every system.
- **Ingest**: `KnowledgeBase.ingest` of the 4 pages into an empty store (includes embedding), then again
  with nothing changed.
"""


def summary(results: dict[str, Any], targets: Sequence[Target]) -> str:
    """A short plain-text summary for the terminal."""
    lines = []
    for system, metrics in results["quality"].items():
        for split in ("nb", "en", "all"):
            m = metrics[split]
            lines.append(
                f"{system:18} {split:3} hit@1 {_cell(m['hit@1'])} hit@3 {_cell(m['hit@3'])} "
                f"MRR {_cell(m['mrr'])} "
                f"kw {_cell(m['keyword_accuracy'])} declined {_cell(m['abstention'])} "
                f"false-abst {_cell(m['false_abstention'])}"
            )
    speed = results["speed"]
    lines.append(
        f"warm p50/p95 {speed['warm']['p50_ms']}/{speed['warm']['p95_ms']} ms; first answer "
        f"{speed['first_answer']['wall_seconds']} s; RSS {speed['first_answer']['rss_mb']} MB "
        f"(bench process {speed['peak_rss_mb_main']} MB)"
    )
    lines += [f"{'✅' if t.met else '❌'} {t.name}: {t.value} (goal {t.goal})" for t in targets]
    return "\n".join(lines)
