"""The per-question and start-up work of the lexical index at 1,000 pages, without the model or Chroma.

``python bench/scale_micro.py [--pages 1000]`` generates the scale benchmark's corpus, cuts it into passages
and times, in one process: analysing every passage (what start-up did before terms were stored), building
the catalog from stored terms (what it does now), and BM25 for every dev question on the sparse index
against the postings-walking index of commit bdca435 (given as a file with ``--old-lexical``).
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.corpus import dev_writer, write_corpus  # noqa: E402
from bench.speed import percentile  # noqa: E402
from knowledge.bootstrap import SHIPPED_DOCS  # noqa: E402
from knowledge.catalog import WORDS_MARK, Catalog, stored_terms  # noqa: E402
from knowledge.chunking import chunk_document  # noqa: E402
from knowledge.evaluation import load_questions  # noqa: E402
from knowledge.language import detect_language  # noqa: E402
from knowledge.loaders.registry import load_document  # noqa: E402
from knowledge.models import Chunk  # noqa: E402

EVAL = ROOT.parent / "shared/eval"


def _passages(folder: Path) -> list[Chunk]:
    documents = {
        doc.doc_id: doc for doc in (load_document(p, detect=detect_language) for p in folder.glob("*.md"))
    }
    chunks = []
    for document in documents.values():
        chunks += chunk_document(document, original=documents.get(document.translation_of or ""))
    return chunks


def _ms(values: list[float]) -> str:
    return f"p50 {percentile(values, 0.5):.2f} ms, p95 {percentile(values, 0.95):.2f} ms"


def main(argv: list[str] | None = None) -> int:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--old-lexical", type=Path, default=None)
    args = parser.parse_args(argv)
    questions = load_questions(EVAL / "dev_questions.jsonl")
    writer = dev_writer(
        shipped=SHIPPED_DOCS, set_a=EVAL / "corpus_a", evidence=[q.evidence or "" for q in questions]
    )
    with tempfile.TemporaryDirectory() as tmp:
        folder = write_corpus(
            Path(tmp), shipped=SHIPPED_DOCS, set_a=EVAL / "corpus_a", writer=writer, pages=args.pages
        )[0].parent
        chunks = _passages(folder)
    start = time.perf_counter()
    terms: dict[str, list[str]] = {}
    by_doc: dict[str, list[Chunk]] = {}
    for chunk in chunks:
        by_doc.setdefault(chunk.doc_id, []).append(chunk)
    for doc_chunks in by_doc.values():
        terms |= stored_terms(doc_chunks)
    analysed = time.perf_counter() - start
    start = time.perf_counter()
    catalog = Catalog(chunks, generation="g", terms=terms)
    built = time.perf_counter() - start
    print(f"{args.pages} pages, {len(chunks)} passages")
    print(
        f"analysing and tokenising every passage (start-up before): {analysed:.2f} s; catalog from stored terms: {built:.2f} s"
    )
    queries = [catalog.analyzer.terms(q.question, q.lang) for q in questions]
    shards = [catalog.shards[q.lang] for q in questions]
    new = []
    for query, shard in zip(queries, shards, strict=True):
        start = time.perf_counter()
        shard.bm25.score_array(query)
        new.append((time.perf_counter() - start) * 1000)
    print(f"BM25 per question, sparse index: {_ms(new)}")
    if args.old_lexical:
        spec = importlib.util.spec_from_file_location("old_lexical", args.old_lexical)
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        old_indexes = {
            lang: module.BM25Index([list(t) for t in _term_lists(shard, terms)])
            for lang, shard in catalog.shards.items()
        }
        old = []
        for query, question in zip(queries, questions, strict=True):
            start = time.perf_counter()
            old_indexes[question.lang].scores(query)
            old.append((time.perf_counter() - start) * 1000)
        print(f"BM25 per question, postings walked in Python (bdca435): {_ms(old)}")
    return 0


def _term_lists(shard, terms):
    return [terms[chunk.chunk_id][: terms[chunk.chunk_id].index(WORDS_MARK)] for chunk in shard.chunks]


if __name__ == "__main__":
    raise SystemExit(main())
