"""Choose the page prior's weights by cross-validation with folds by document: ``python bench/tune_prior.py``.

Builds (or reuses) a generated corpus of ``--pages`` pages, fuses every answerable dev question once, then
re-ranks with each pair of weights on a grid. For each fold (the questions on one source document) the pair
that does best on the other folds is applied to it; the out-of-fold hit@3 is what is reported. The pair
chosen on all folds is the one to put in ``knowledge.retrieval.PAGE_PRIOR``.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import processes  # noqa: E402
from bench.corpus import dev_writer, write_corpus  # noqa: E402
from bench.indexes import MODEL, PREFIX  # noqa: E402
from bench.metrics import best_rank, evidence_variants  # noqa: E402
from knowledge.bootstrap import SHIPPED_DOCS, KnowledgeBase  # noqa: E402
from knowledge.coverage import QueryTerms  # noqa: E402
from knowledge.embeddings import SentenceTransformerEmbedder  # noqa: E402
from knowledge.evaluation import EvalQuestion, load_questions  # noqa: E402
from knowledge.language import detect_language  # noqa: E402
from knowledge.page_facts import facts_of  # noqa: E402
from knowledge.retrieval import PagePrior, Retriever  # noqa: E402
from knowledge.vector_store import ChromaStore  # noqa: E402

EVAL = ROOT.parent / "shared/eval"
GRID = (0.0, 0.01, 0.02, 0.04, 0.08)
Fusion = tuple[QueryTerms, dict[str, float]]


def _hit3(retriever: Retriever, fused: Fusion, question: EvalQuestion, prior: PagePrior) -> bool:
    """Whether the evidence is in the top three with ``prior``, ranked by ``Retriever.ranked``."""
    query, scores = fused
    best, _, _ = retriever.ranked(query, scores, facts_of(question.question), k=3, prior=prior)
    texts = [" ".join(chunk.text for chunk in retriever.catalog.groups[group]) for group in best[:3]]
    return best_rank(evidence_variants(question.evidence, retriever.catalog), texts) is not None


def cross_validate(
    retriever: Retriever, questions: list[EvalQuestion], source: dict[str, str]
) -> dict[str, Any]:
    """Out-of-fold hit@3 with folds by document (``source``: question id → document), and the weights
    chosen on all questions."""
    answerable = [q for q in questions if q.answerable and q.evidence]
    fused: dict[str, Fusion] = {}
    for q in answerable:
        query, _, scores = retriever.fused(q.question, detect_language(q.question))
        fused[q.id] = (query, scores)
    grid = [PagePrior(fit=a, archived=b) for a, b in itertools.product(GRID, GRID)]
    hits = {(p, q.id): _hit3(retriever, fused[q.id], q, p) for p in grid for q in answerable}
    docs = sorted({source[q.id] for q in answerable})

    def doc_of(question: EvalQuestion) -> str:
        return source[question.id]

    def best(pool: list[EvalQuestion]) -> PagePrior:
        return max(grid, key=lambda p: (sum(hits[p, q.id] for q in pool), -p.fit - p.archived))

    folds, out_of_fold = {}, 0
    for doc in docs:
        held = [q for q in answerable if doc_of(q) == doc]
        chosen = best([q for q in answerable if doc_of(q) != doc])
        found = sum(hits[chosen, q.id] for q in held)
        out_of_fold += found
        folds[doc] = {"chosen": vars(chosen), "hit@3": round(found / len(held), 3), "questions": len(held)}
    none = PagePrior()
    return {
        "folds": folds,
        "out_of_fold_hit@3": round(out_of_fold / len(answerable), 3),
        "without_prior_hit@3": round(sum(hits[none, q.id] for q in answerable) / len(answerable), 3),
        "chosen_on_all": vars(best(answerable)),
    }


def main(argv: list[str] | None = None) -> int:
    """Build the corpus, cross-validate, print JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=250)
    parser.add_argument("--index", type=Path, default=None, help="reuse an index built from this corpus")
    parser.add_argument("--embedding-cache", type=Path, default=None)
    args = parser.parse_args(argv)
    path = EVAL / "dev_questions.jsonl"
    questions = load_questions(path)
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    source = {row["id"]: str(row.get("doc")) for row in rows}
    with tempfile.TemporaryDirectory(prefix="rapportlos-tune-") as tmp:
        index = args.index
        if index is None:
            writer = dev_writer(
                shipped=SHIPPED_DOCS, set_a=EVAL / "corpus_a", evidence=[q.evidence or "" for q in questions]
            )
            folder = write_corpus(
                Path(tmp) / "corpus",
                shipped=SHIPPED_DOCS,
                set_a=EVAL / "corpus_a",
                writer=writer,
                pages=args.pages,
            )[0].parent
            index = Path(tmp) / "index"
            processes.ingest(index=index, folder=folder, cache=args.embedding_cache)
        kb = KnowledgeBase(
            store=ChromaStore(path=str(index), prefix=PREFIX), embedder=SentenceTransformerEmbedder(MODEL)
        )
        print(json.dumps(cross_validate(kb.retriever(), questions, source), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
