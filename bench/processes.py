"""Fresh processes for the scale benchmark: ingest, first answer and the bare model, with their peak memory."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench.indexes import MODEL, PREFIX

# Each script prints one JSON line when its work is done; the clock stops when that line arrives.
_PEAK = """
status = Path("/proc/self/status").read_text().splitlines()
peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:")) / 1024
"""
_INGEST = f"""
import json, sys, time
from pathlib import Path
from bench.embedding_cache import CachedEmbedder
from knowledge.bootstrap import KnowledgeBase
from knowledge.embeddings import SentenceTransformerEmbedder
from knowledge.vector_store import ChromaStore
index, prefix, model, folder, cache = sys.argv[1:6]
embedder = SentenceTransformerEmbedder(model)
if cache:
    embedder = CachedEmbedder(embedder, Path(cache))
kb = KnowledgeBase(store=ChromaStore(path=index, prefix=prefix), embedder=embedder)
started = time.perf_counter()
report = kb.ingest([Path(folder)])
seconds = time.perf_counter() - started
if cache:
    embedder.save()
{_PEAK}
print(json.dumps({{"ingest_seconds": seconds, "peak_mb": peak, "added": len(report.added),
                  "failed": report.failed}}), flush=True)
"""
_ASK = f"""
import json, sys
from pathlib import Path
from knowledge.bootstrap import KnowledgeBase
from knowledge.models import Question
from knowledge.service import KnowledgeService
index, prefix, model, question = sys.argv[1:5]
kb = KnowledgeBase.open(chroma_path=Path(index), chroma_url=None, prefix=prefix, model=model)
service = KnowledgeService(retriever=kb.retriever(), contact="x@example.org")
reply = service.answer(Question(text=question))
{_PEAK}
print(json.dumps({{"peak_mb": peak, "abstained": reply.abstained}}), flush=True)
"""
_BARE = f"""
import json, sys
from pathlib import Path
from knowledge.embeddings import SentenceTransformerEmbedder
model, question = sys.argv[1:3]
SentenceTransformerEmbedder(model).embed([question])
{_PEAK}
print(json.dumps({{"peak_mb": peak}}), flush=True)
"""


def _run(script: str, *args: str, env: dict[str, str] | None = None) -> tuple[float, dict[str, Any]]:
    """Wall seconds from spawning ``script`` to its JSON line, and that line."""
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", script, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=(os.environ | env) if env else None,
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    wall = time.perf_counter() - start
    _, err = process.communicate(timeout=1800)
    if process.returncode != 0 or not line:
        raise RuntimeError(f"benchmark subprocess failed:\n{err[-3000:]}")
    return wall, json.loads(line)


def _median(runs: list[tuple[float, dict[str, Any]]]) -> dict[str, Any]:
    ordered = sorted(runs, key=lambda run: run[0])
    wall, report = ordered[len(ordered) // 2]
    return report | {
        "wall_seconds": round(wall, 2),
        "runs": [round(run[0], 2) for run in runs],
        "peak_mb": round(max(run[1]["peak_mb"] for run in runs), 1),
    }


def ingest(*, index: Path, folder: Path, cache: Path | None) -> dict[str, Any]:
    """``rapportlos ingest folder`` into a new index, as its own process (one torch thread: ingest is not
    among the timed targets, and on a crowded machine one thread embeds faster); with ``cache``, passage
    embeddings already computed by an earlier run are reused."""
    wall, report = _run(
        _INGEST, str(index), PREFIX, MODEL, str(folder), str(cache or ""), env={"OMP_NUM_THREADS": "1"}
    )
    return report | {"wall_seconds": round(wall, 2), "peak_mb": round(report["peak_mb"], 1)}


def first_answer(*, index: Path, question: str, runs: int = 3) -> dict[str, Any]:
    """Start → first answer over ``index`` in a fresh process (median of ``runs``), and its peak memory."""
    return _median([_run(_ASK, str(index), PREFIX, MODEL, question) for _ in range(runs)])


def bare_model(*, question: str, runs: int = 3) -> dict[str, Any]:
    """Start → the model loaded and one question embedded, in a fresh process (median of ``runs``)."""
    return _median([_run(_BARE, MODEL, question) for _ in range(runs)])
