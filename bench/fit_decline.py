"""Refit the decline model on every question there is: ``python bench/fit_decline.py``.

Probes dev, set A and the extra questions as ``bench/run.py`` does (declining off), fits the logistic
regression of :mod:`bench.decline` on all of them and writes ``knowledge/decision/decline_model.json`` with
the ids it was fitted on. The benchmark never reports figures from this model on these questions: it decides
each question with a model fitted without its page.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.decline import (  # noqa: E402
    FIT_NOTES,
    fit,
    write_model,
)
from bench.indexes import MODEL  # noqa: E402
from bench.run import EVAL, MODEL_PATH, Bench, default_sets, log  # noqa: E402
from knowledge.embeddings import SentenceTransformerEmbedder  # noqa: E402

OUT = MODEL_PATH


def main(argv: list[str] | None = None) -> int:
    """Probe, fit, write."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, default=EVAL, help="folder with the shared question files")
    parser.add_argument("--out", type=Path, default=OUT, help="where to write the model")
    args = parser.parse_args(argv)
    sets = default_sets(args.eval)
    with tempfile.TemporaryDirectory(prefix="rapportlos-fit-") as tmp:
        bench = Bench(tmp=Path(tmp), embedder=SentenceTransformerEmbedder(MODEL))
        probes = [p for group in bench.probes(sets).values() for p in group]
    model = fit(probes, notes=FIT_NOTES.replace("bench/run.py --refit", "bench/fit_decline.py"))
    write_model(model, args.out)
    log(f"wrote {args.out}: {len(model.fitted_on)} questions")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
