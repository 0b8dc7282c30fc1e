"""The Markdown report and the short stdout summary."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bench.metrics import CROSS_SPLITS
from bench.targets import Target

_KEYS = ("questions", "hit@1", "hit@3", "mrr", "keyword_accuracy", "abstention", "false_abstention")
_HEAD = ("n", "hit@1", "hit@3", "MRR", "keyword acc.", "unanswerable declined", "answerable wrongly declined")


def table(head: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A Markdown table."""
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(_cell(value) for value in row) + " |" for row in rows]
    return "\n".join(lines)


def _cell(value: object) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return "–" if value != value else f"{value:.3f}"
    return str(value)


def _quality(per_system: dict[str, Any]) -> str:
    rows = [
        [system, split, *(m[split][key] for key in _KEYS)]
        for system, m in per_system.items()
        for split in CROSS_SPLITS
        if m[split]["questions"]
    ]
    return table(("system", "questions", *_HEAD), rows)


def _variants(results: dict[str, Any]) -> str:
    rows = []
    project = results["project"]
    for set_name in results["quality"]:
        full = results["quality"][set_name][project]
        rows.append([set_name, "as shipped (dictionary, Apertium, renderings)", *_brief(full)])
        for name, scored in results["variants"].items():
            if set_name in scored:
                rows.append([set_name, name, *_brief(scored[set_name])])
    head = (
        "set",
        "variant",
        "nb hit@3",
        "nb keyword acc.",
        "nb wrongly declined",
        "en hit@3",
        "en cross hit@3",
        "en keyword acc.",
        "en wrongly declined",
    )
    return table(head, rows)


def _brief(m: dict[str, Any]) -> list[object]:
    nb = m.get("nb", {})
    return [nb.get("hit@3", "–"), nb.get("keyword_accuracy", "–"), nb.get("false_abstention", "–"),
            m["en"]["hit@3"], m["en cross"]["hit@3"], m["en"]["keyword_accuracy"],
            m["en"]["false_abstention"]]  # fmt: skip


def _speed(results: dict[str, Any]) -> str:
    s = results["speed"]
    first = s["first_answer"]
    rows = [
        ["warm answer (p50 / p95 / max)", f"{s['warm']['p50_ms']} / {s['warm']['p95_ms']} / {s['warm']['max_ms']} ms"],
        ["bare embedding of the same question (p50 / p95 / max)",
         f"{s['embedding']['p50_ms']} / {s['embedding']['p95_ms']} / {s['embedding']['max_ms']} ms"],
        ["warm answer p95 ÷ embedding p95", f"{s['ratio_p95']}×"],
        ["first answer, fresh process (median of 3)", f"{first['wall_seconds']} s"],
        ["peak RSS, fresh process (VmHWM)", f"{first['rss_mb']} MB"],
        ["embedding model load", f"{s['model_load_seconds']} s"],
        *[[f"ingest {name} (documents / fresh s)", f"{v['documents']} / {v['fresh_seconds']} s"]
          for name, v in s["ingest"].items()],
    ]  # fmt: skip
    return table(("measure", "value"), rows)


def _model(results: dict[str, Any]) -> str:
    model = results["model"]
    rows = [[name, mean, scale, weight] for name, mean, scale, weight in zip(
        model["features"], model["means"], model["scales"], model["coefficients"], strict=True)]  # fmt: skip
    return (
        f"Shipped `knowledge/decision/decline_model.json`: fitted on {model['fitted_on']} questions "
        f"({model['notes']}); intercept {model['intercept']}; declines under "
        + ", ".join(f"{p} ({language})" for language, p in sorted(model.get("thresholds", {}).items()))
        + f" (else {model['threshold']}).\n\n"
        + _separation(results.get("separation", {}))
        + table(("signal", "mean", "scale", "coefficient"), rows)
    )


def _reshuffled(figures: dict[str, dict[str, list[float]]]) -> str:
    if not figures:
        return ""
    names = (("keyword_accuracy", "keyword acc."), ("false_abstention", "answerable wrongly declined"),
             ("abstention", "unanswerable declined"))  # fmt: skip
    rows = [
        [split, *(f"{figures[split][key][0]:.3f} ± {figures[split][key][1]:.3f}" for key, _ in names)]
        for split in figures
    ]
    return (
        "The same answer figures, out of fold, averaged over six shuffled dealings of the pages into folds "
        "(mean ± standard deviation; `bench/reshuffle.py`): how much the figures above owe to one dealing.\n\n"
        + table(("questions", *(label for _, label in names)), rows)
    )


def _separation(auc: dict[str, float | None]) -> str:
    if not auc:
        return ""
    figures = ", ".join(f"{split} {value:.3f}" for split, value in auc.items() if value is not None)
    return (
        "How well the out-of-fold probabilities rank right answers (answerable, the quote holds a keyword) "
        f"above everything else, dev + A + extra (ROC AUC, 0.5 is chance): {figures}.\n\n"
    )


def _failures(items: Sequence[dict[str, str]]) -> str:
    if not items:
        return "None."
    lines = []
    for item in items:
        answered = " ".join(item["answered"].split())
        answered = answered if len(answered) <= 200 else answered[:197] + "…"
        lines.append(f"- **{item['id']}** ({item['lang']}) {item['question']} — *{item['problem']}*  \n"
                     f"  answered: {answered}")  # fmt: skip
    return "\n".join(lines)


def _targets(targets: Sequence[Target]) -> str:
    return table(
        ("target", "this run", "95 % interval", "goal", ""),
        [[t.name, t.value, t.interval or "–", t.goal, "✅" if t.met else "❌"] for t in targets],
    )


def markdown(results: dict[str, Any], targets: Sequence[Target]) -> str:
    """The whole RESULTS.md."""
    machine = results["machine"]
    sets = "; ".join(
        f"**{name}**: {c['count']} questions ({c['nb']} nb, {c['en']} en, {c['unanswerable']} unanswerable) "
        f"over {c['pages']} pages"
        for name, c in results["sets"].items()
    )
    parts = [
        "# Benchmark: Rapportlos against two baselines, on pages and questions it was not tuned on",
        f"Run {results['date']} on {machine['platform']}, {machine['nproc']} CPUs, Python {machine['python']}, "
        f"load average at start {machine['load_average']} (other work on the machine makes timings noisy). "
        f"Reproduce from the repository root with:\n\n```\n{results['command']}\n```",
        f"Sets: {sets}. The extra set is this project's own (`bench/questions_extra.jsonl`).",
        _METHOD,
        "## Targets (set A out of fold, dev, speed)",
        _targets(targets),
        _reshuffled(results.get("reshuffled", {})),
    ]
    for name, per_system in results["quality"].items():
        parts += [f"## Quality: {name}", _quality(per_system)]
    parts += [
        "## What the language resources and the hand-written renderings are worth (this project)",
        _variants(results),
        "## Decline model",
        _model(results),
        "## Speed (this project)",
        _speed(results),
    ]
    for name, items in results["failures"].items():
        parts += [f"## Questions this project gets wrong: {name}", _failures(items)]
    return "\n\n".join(parts) + "\n"


_METHOD = """\
How it is measured:
- **Retrieval** (hit@1, hit@3, MRR) ignores the decision to decline: the project's `ranked_passages(k=5)`
  (each passage group with every language version joined); a passage is a hit when it contains the question's
  evidence (white space normalised) or the whole English rendering of the passage that holds it.
- **Answers**: keyword accuracy = answerable questions answered (not declined) with one of their keywords in
  the answer text; unanswerable declined; answerable wrongly declined.
- **Out of fold**: the decline model (logistic regression over the signals in `knowledge/decision/signals.py`)
  is fitted by `bench/decline.py` on dev + A + extra together, 5 folds by page (`GroupKFold`; an unanswerable
  question is its own group); every question is decided by the model fitted without its page. The variants
  below use the same fold models (each fold's thresholds, one per language, chosen without its page, over five
  shuffled inner splits). The model learns a right answer (the quote holds a keyword) against the rest. The
  ranking's weights are chosen out of fold by `bench/tune_coverage.py`, `tune_channels.py` and
  `tune_quote.py` (their own reports); this run uses the shipped values.
- **Same / cross**: the question's language against the language of the page holding the evidence (the dev
  set's English questions are cross-language, met by the hand-written renderings unless those are removed).
- **BM25 alone**: the project's analyser and BM25 over both language shards, top passage as answer, never
  declines. **LangChain recipe**: `RecursiveCharacterTextSplitter(1000, 200)`, Chroma cosine, same embedding
  model, top chunk as answer, never declines.
- **Speed**: the warm pass asks every question a second time; the bare embedding is `embed([question])` of
  the same question right after, in the same run."""


def summary(results: dict[str, Any], targets: Sequence[Target]) -> str:
    """A short plain-text summary for the terminal."""
    lines = []
    for name, per_system in results["quality"].items():
        for system, m in per_system.items():
            for split in CROSS_SPLITS:
                row = m[split]
                if row["questions"]:
                    lines.append(
                        f"{name:5} {system:17} {split:8} hit@1 {_cell(row['hit@1'])} hit@3 {_cell(row['hit@3'])} "
                        f"kw {_cell(row['keyword_accuracy'])} declined {_cell(row['abstention'])} "
                        f"wrongly {_cell(row['false_abstention'])}"
                    )
    lines += [f"{'✅' if t.met else '❌'} {t.name}: {t.value} (goal {t.goal})" for t in targets]
    return "\n".join(lines)
