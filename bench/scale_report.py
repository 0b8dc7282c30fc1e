"""The Markdown report of the scale benchmark, with the issue's targets checked."""

from __future__ import annotations

from typing import Any

from bench.report import table


def _ratio(value: float, base: float) -> float:
    return round(value / base, 2) if base else float("nan")


def targets(results: dict[str, Any]) -> list[tuple[str, str, str, bool]]:
    """(target, this run, goal, met) for the issue's targets at the largest size."""
    small, large = results["sizes"][0], results["sizes"][-1]
    p95, p95_small, bare = large["warm"]["p95_ms"], small["warm"]["p95_ms"], large["bare"]["p95_ms"]
    first, load = large["first_answer"]["wall_seconds"], results["bare_load"]["wall_seconds"]
    quality = large["quality"]
    rows = [
        ("warm p95 vs 2 pages", _ratio(p95, p95_small), 2.0),
        ("warm p95 vs bare embedding", _ratio(p95, bare), 3.0),
        ("first answer vs bare model load", _ratio(first, load), 1.5),
        ("peak RSS of ask (MB)", large["first_answer"]["peak_mb"], 800.0),
        ("adding one page (s)", results["add_one_page"]["add_seconds"], 2.0),
        ("false declines", quality["false_abstention"], 0.05),
    ]
    found = [(name, f"{value:g}", f"≤ {goal:g}", value <= goal) for name, value, goal in rows]
    found.append(("dev hit@3", f"{quality['hit@3']:.3f}", "≥ 0.8", quality["hit@3"] >= 0.8))
    return found


def _size_rows(results: dict[str, Any]) -> list[list[object]]:
    rows = []
    small = results["sizes"][0]
    for row in results["sizes"]:
        quality = row["quality"]
        rows.append(
            [
                row["pages"],
                row["files"],
                row["passages"],
                f"{row['warm']['p50_ms']} / {row['warm']['p95_ms']}",
                f"{row['bare']['p50_ms']} / {row['bare']['p95_ms']}",
                _ratio(row["warm"]["p95_ms"], small["warm"]["p95_ms"]),
                _ratio(row["warm"]["p95_ms"], row["bare"]["p95_ms"]),
                row["open_seconds"],
                f"{row['ingest']['wall_seconds']} s / {row['ingest']['peak_mb']:.0f} MB",
                f"{quality['hit@3']:.3f}",
                f"{quality['in_project_hit@3']:.3f}" if "in_project_hit@3" in quality else "–",
                f"{quality['hit@1']:.3f}",
                f"{quality['false_abstention']:.3f}",
                f"{quality['abstention']:.3f}",
            ]
        )
    return rows


def markdown(results: dict[str, Any]) -> str:
    """The whole report."""
    large, small = results["sizes"][-1], results["sizes"][0]
    recipe, bare = results["recipe"], results["bare_load"]
    size_table = table(
        [
            "pages",
            "files",
            "passages",
            "warm p50 / p95 ms",
            "bare embedding p50 / p95 ms",
            "p95 ÷ p95 at 2",
            "p95 ÷ bare",
            "open index s",
            "ingest (own process) / peak RSS",
            "hit@3",
            "hit@3 in a KA229 project's channel",
            "hit@1",
            "false declines",
            "unanswerable declined",
        ],
        _size_rows(results),
    )
    start_table = table(
        ["process", "start → first answer (median of 3)", "runs", "peak RSS"],
        [
            [
                "bare model load + one embedding",
                f"{bare['wall_seconds']} s",
                bare["runs"],
                f"{bare['peak_mb']} MB",
            ],
            *[
                [
                    f"`ask` over {row['pages']} pages",
                    f"{row['first_answer']['wall_seconds']} s",
                    row["first_answer"]["runs"],
                    f"{row['first_answer']['peak_mb']} MB",
                ]
                for row in (small, large)
            ],
        ],
    )
    same = next((row for row in results["sizes"] if row["pages"] == recipe.get("pages")), large)
    recipe_table = table(
        ["system", "warm p50 / p95 ms", "hit@3", "hit@1", "chunks", "build s"],
        [
            [
                "Rapportlos",
                f"{same['warm']['p50_ms']} / {same['warm']['p95_ms']}",
                f"{same['quality']['hit@3']:.3f}",
                f"{same['quality']['hit@1']:.3f}",
                same["passages"],
                "–",
            ],
            [
                "LangChain recipe",
                f"{recipe['warm']['p50_ms']} / {recipe['warm']['p95_ms']}",
                f"{recipe['quality']['hit@3']:.3f}",
                f"{recipe['quality']['hit@1']:.3f}",
                recipe["chunks"],
                recipe["build_seconds"],
            ],
            ["bare embedding", f"{same['bare']['p50_ms']} / {same['bare']['p95_ms']}", "–", "–", "–", "–"],
        ],
    )
    added = results["add_one_page"]
    target_table = table(
        ["target", "this run", "goal", ""],
        [[name, value, goal, "✅" if met else "❌"] for name, value, goal, met in targets(results)],
    )
    return "\n".join(
        [
            f"# Scale benchmark: the dev questions against {', '.join(str(r['pages']) for r in results['sizes'])} pages",
            "",
            f"Run {results['date']} on {results['nproc']} CPUs (load average at the end {results['load_average']}; "
            f"the machine is shared, so timings are noisy), {results['total_seconds']} s in all. {results['label']}",
            "Reproduce from the repository root with:",
            "",
            f"```\n{results['command']}\n```",
            "",
            "The corpora are generated by `bench/corpus.py`: the two shipped pages (with their English renderings), "
            "set A's twelve pages from 50 pages on, and pages recombined from both with other programmes, action "
            "codes, tools, periods, numbers and dates; no generated block holds a dev-set evidence sentence. Warm "
            "latency is the second of two passes over the dev questions, in the same process as the bare embedding "
            "(`embed([question])`) and the LangChain recipe.",
            "",
            "## Targets at the largest size",
            "",
            target_table,
            "",
            "## By corpus size",
            "",
            size_table,
            "",
            "## Start → first answer (fresh processes)",
            "",
            start_table,
            "",
            f"## Against the LangChain recipe at {same['pages']} pages (built through the bench's embedding cache)",
            "",
            recipe_table,
            "",
            "## Adding one page to the largest index",
            "",
            f"Adding one new page: {added['add_seconds']} s; changing it again: {added['change_seconds']} s "
            "(in process, model loaded, as `rapportlos ingest page.md`).",
            "",
        ]
    )


def _by_pages(results: dict[str, Any]) -> dict[int, dict[str, Any]]:
    return {row["pages"]: row for row in results["sizes"]}


def comparison(before: dict[str, Any], after: dict[str, Any]) -> str:
    """A before → after table over the corpus sizes both runs measured."""
    old, new = _by_pages(before), _by_pages(after)
    rows: list[list[object]] = []
    for pages in sorted(set(old) & set(new)):
        a, b = old[pages], new[pages]
        rows += [
            [
                pages,
                "warm p50 / p95 ms",
                f"{a['warm']['p50_ms']} / {a['warm']['p95_ms']}",
                f"{b['warm']['p50_ms']} / {b['warm']['p95_ms']}",
            ],
            [
                pages,
                "warm p95 ÷ bare embedding p95",
                _ratio(a["warm"]["p95_ms"], a["bare"]["p95_ms"]),
                _ratio(b["warm"]["p95_ms"], b["bare"]["p95_ms"]),
            ],
            [pages, "open the index in process (s)", a["open_seconds"], b["open_seconds"]],
            [pages, "ingest peak RSS (MB)", a["ingest"]["peak_mb"], b["ingest"]["peak_mb"]],
            [
                pages,
                "hit@3 / false declines",
                f"{a['quality']['hit@3']:.3f} / {a['quality']['false_abstention']:.3f}",
                f"{b['quality']['hit@3']:.3f} / {b['quality']['false_abstention']:.3f}",
            ],
        ]
        for run, row in (("before", a), ("after", b)):
            if "first_answer" in row:
                rows.append(
                    [
                        pages,
                        f"first answer ÷ bare model load ({run} run)",
                        _ratio(
                            row["first_answer"]["wall_seconds"],
                            (before if run == "before" else after)["bare_load"]["wall_seconds"],
                        ),
                        f"peak RSS {row['first_answer']['peak_mb']} MB",
                    ]
                )
    rows.append(
        [
            "largest",
            "adding one page (s)",
            before["add_one_page"]["add_seconds"],
            after["add_one_page"]["add_seconds"],
        ]
    )
    note = (
        f"Before: {before['label']} ({before['date']}, sizes {[r['pages'] for r in before['sizes']]}); "
        f"after: {after['label']} ({after['date']}). The runs are separate, so compare ratios more than "
        "absolute times on this shared machine."
    )
    return "\n".join(
        ["## Before → after", "", note, "", table(["pages", "measure", "before", "after"], rows), ""]
    )
