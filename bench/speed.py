"""Latency, time to the first answer in a fresh process, and peak memory."""

from __future__ import annotations

import json
import math
import resource
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench.indexes import MODEL, PREFIX
from knowledge.evaluation import EvalQuestion
from knowledge.models import Answer, Question
from knowledge.service import KnowledgeService

Timed = tuple[list[float], list[Answer]]  # milliseconds and answers, one per question

# Runs in a fresh interpreter: import, open the built index, answer one question, report.
_FIRST_ANSWER = """
import time
started = time.perf_counter()
import json, resource, sys
from pathlib import Path
from knowledge.bootstrap import KnowledgeBase
from knowledge.models import Question
from knowledge.service import KnowledgeService
index, prefix, model, question = sys.argv[1:5]
kb = KnowledgeBase.open(chroma_path=Path(index), chroma_url=None, prefix=prefix, model=model)
service = KnowledgeService(retriever=kb.retriever(), contact="x@example.org")
reply = service.answer(Question(text=question))
status = Path("/proc/self/status").read_text().splitlines()
print(json.dumps({
    "inside_seconds": time.perf_counter() - started,
    "ru_maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "vmhwm_mb": next(int(line.split()[1]) for line in status if line.startswith("VmHWM:")) / 1024,
    "abstained": reply.abstained,
}), flush=True)
"""


def percentile(values: Sequence[float], share: float) -> float:
    """The ``share`` percentile of ``values`` (nearest rank)."""
    ordered = sorted(values)
    index = max(0, min(len(ordered) - 1, math.ceil(share * len(ordered)) - 1))
    return ordered[index]


def timed_pass(service: KnowledgeService, questions: Sequence[EvalQuestion]) -> Timed:
    """Answer every question once, timing each ``answer`` call in milliseconds."""
    millis, answers = [], []
    for question in questions:
        start = time.perf_counter()
        answers.append(service.answer(Question(text=question.question)))
        millis.append((time.perf_counter() - start) * 1000)
    return millis, answers


def latency(millis: Sequence[float]) -> dict[str, float]:
    """p50, p95 and max of a timed pass."""
    return {
        "p50_ms": round(percentile(millis, 0.50), 1),
        "p95_ms": round(percentile(millis, 0.95), 1),
        "max_ms": round(max(millis), 1),
    }


def first_answer(*, index: Path, question: str, runs: int = 3) -> dict[str, float]:
    """Time from spawning a fresh Python to its first answer on the already-built ``index`` (median of runs).

    The clock stops when the answer line arrives, not when the process has exited: tearing down torch
    takes about a second that no user waits for.
    """
    walls, reports = [], []
    for _ in range(runs):
        wall, report = _one_first_answer(index=index, question=question)
        walls.append(wall)
        reports.append(report)
    middle = sorted(range(runs), key=lambda number: walls[number])[runs // 2]
    report = reports[middle]
    return {
        "wall_seconds": round(walls[middle], 2),
        "wall_seconds_runs": [round(wall, 2) for wall in walls],
        "inside_seconds": round(report["inside_seconds"], 2),
        # ru_maxrss of a child spawned by a large parent can report the parent's peak (Linux keeps it across
        # exec), so the process's own high-water mark VmHWM is the figure to trust.
        "rss_mb": round(max(r["vmhwm_mb"] for r in reports), 1),
        "ru_maxrss_mb": round(report["ru_maxrss_mb"], 1),
        "abstained": report["abstained"],
    }


def _one_first_answer(*, index: Path, question: str) -> tuple[float, dict[str, Any]]:
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", _FIRST_ANSWER, str(index), PREFIX, MODEL, question],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    wall = time.perf_counter() - start
    _, err = process.communicate(timeout=300)
    if process.returncode != 0 or not line:
        raise RuntimeError(f"first-answer subprocess failed:\n{err}")
    return wall, json.loads(line)


def own_peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB (Linux reports KiB)."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
