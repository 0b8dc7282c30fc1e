"""Choose the coverage weight, the re-ranking pool, the page prior and the weight of English passages' Norwegian
glosses for Norwegian questions by cross-validation with folds by document: ``python bench/tune_coverage.py``.

Builds the benchmark's indexes (the shipped pages for the dev questions; the shipped pages and set A's for set A
and the extra questions; and the scale benchmark's generated corpora of ``--pages`` pages (250 and 1,000 by
default), which hold both, for every set again, so that the values also hold among many pages that read
alike), fuses every answerable question once, then ranks the best groups as the retriever does (page prior,
``weight`` × coverage over the ``pool`` best fused groups, copies behind) for each set of values on a grid. For each fold (the questions on one page) the values that do best on the other folds are applied to
it; the out-of-fold hit@3 is what is reported. The values chosen on all folds are the ones to put in
``knowledge.retrieval.COVERAGE_WEIGHT``, ``RERANK_POOL`` and ``PAGE_PRIOR``, and the Norwegian ``lex_b`` weight in
``knowledge.channel_weights.CROSS_LINGUAL_WEIGHTS``.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import processes  # noqa: E402
from bench.corpus import GENERATED, dev_writer, write_corpus  # noqa: E402
from bench.folds import choose_by_document  # noqa: E402
from bench.indexes import MODEL, PREFIX  # noqa: E402
from bench.metrics import best_rank, evidence_variants  # noqa: E402
from bench.question_sets import asked_over, default_sets  # noqa: E402
from bench.scale import DEV_PROJECT  # noqa: E402
from knowledge.bootstrap import SHIPPED_DOCS, KnowledgeBase  # noqa: E402
from knowledge.channel_weights import CROSS_LINGUAL_WEIGHTS  # noqa: E402
from knowledge.coverage import QueryTerms  # noqa: E402
from knowledge.embeddings import SentenceTransformerEmbedder  # noqa: E402
from knowledge.evaluation import EvalQuestion  # noqa: E402
from knowledge.language import detect_language  # noqa: E402
from knowledge.models import Language  # noqa: E402
from knowledge.page_facts import facts_for  # noqa: E402
from knowledge.retrieval import PagePrior, Retriever  # noqa: E402
from knowledge.vector_store import ChromaStore  # noqa: E402

WEIGHTS = (0.0, 0.16, 0.32, 0.64, 1.0)
# The smallest pool (the fastest, the closest to the fused ranking) first: ties go to it.
POOLS = (200, 400)
# The page prior's weights (fit, archived, page relevance). The fit and archived weights must keep pace with the
# page relevance and coverage weights, or a page for another action or an archived one wins on its length: they
# range as widely as the page weight. Where the questions cannot tell settings apart, the first listed wins: the
# larger archived weight (the issue asks for the current page over an archived one; few questions here meet an
# archived copy of their own page).
PRIORS = tuple(
    (fit, archived, page)
    for page in (0.0, 0.16, 0.32, 0.64)
    for fit in (0.04, 0.08, 0.16, 0.32)
    for archived in (0.32, 0.08, 0.02)
)
# The weight at which a Norwegian question meets an English-only passage's Norwegian gloss ("lex_b" in
# knowledge.channel_weights.CROSS_LINGUAL_WEIGHTS): the 0.5 set by reasoning first, and 1, which
# bench/tune_channels.py chose over the benchmark's small indexes; here it is chosen among many pages too.
NB_GLOSS = (0.5, 1.0)
GRID = [
    (weight, pool, *prior, gloss)
    for gloss in NB_GLOSS
    for prior in PRIORS
    for pool in POOLS
    for weight in WEIGHTS
]
Values = tuple[float, int, float, float, float, float]
TOP = 3


@dataclass(frozen=True)
class Fused:
    """One question's fused scores and terms, and what counts as a hit."""

    question: EvalQuestion
    set_name: str
    document: str
    query: QueryTerms
    channels: dict[str, dict[str, float]]
    variants: list[str]
    project: str | None = None


def fuse(
    retriever: Retriever, question: EvalQuestion, set_name: str, document: str, project: str | None = None
) -> Fused:
    """Everything the ranking needs for ``question`` (asked in ``project``'s channel), computed once."""
    query, channels, _ = retriever.fused(question.question, detect_language(question.question))
    variants = evidence_variants(question.evidence, retriever.catalog)
    return Fused(question, set_name, document, query, channels, variants, project)


def hit(item: Fused, values: Values, retriever: Retriever) -> bool:
    """Whether the evidence is in the top three with ``values`` (coverage weight, pool, the page prior's fit,
    archived and page weights, the Norwegian gloss weight), ranked by ``Retriever.ranked``."""
    weight, pool, fit, archived, page, gloss = values
    facts = facts_for(item.question.question, item.project)
    prior = PagePrior(fit=fit, archived=archived, page=page)
    language = item.query.language
    cross = CROSS_LINGUAL_WEIGHTS[language] | ({"lex_b": gloss} if language is Language.NB else {})
    scores = retriever.fuse(item.channels, language, cross)
    best, _, _ = retriever.ranked(item.query, scores, facts, k=TOP, weight=weight, pool=pool, prior=prior)
    # Only the question's own page counts: a generated page may copy a set A passage whole (only the dev
    # set's evidence is kept out of them), and a copy found is not the page asked about.
    texts = [
        " ".join(
            chunk.text for chunk in retriever.catalog.groups[group] if not chunk.doc_id.startswith(GENERATED)
        )
        for group in best[:TOP]
    ]
    return best_rank(item.variants, texts) is not None


def cross_validate(items: list[tuple[Fused, Retriever]]) -> dict[str, Any]:
    """Out-of-fold hit@3 with folds by document, and the values chosen on all questions."""
    hits = {
        (values, k): hit(item, values, retriever)
        for values in GRID
        for k, (item, retriever) in enumerate(items)
    }
    choice = choose_by_document(hits, [item.document for item, _ in items], GRID)
    everything = list(range(len(items)))
    by_split: dict[str, list[bool]] = {}
    for k, (item, _) in enumerate(items):
        by_split.setdefault(f"{item.set_name} {item.question.lang.value}", []).append(choice.out_of_fold[k])
        by_split.setdefault(f"{item.set_name} {item.question.lang.value} without coverage", []).append(
            hits[GRID[0], k]
        )
    return {
        "folds": {
            document: {"chosen": fold["chosen"], "hit@3": fold["right"], "questions": fold["questions"]}
            for document, fold in choice.folds.items()
        },
        "out_of_fold_hit@3": choice.score(),
        "out_of_fold_hit@3_by_set_and_language": {
            split: round(sum(found) / len(found), 3) for split, found in sorted(by_split.items())
        },
        "without_coverage_hit@3": round(sum(hits[GRID[0], k] for k in everything) / len(items), 3),
        "by_values_hit@3 (in sample, for reading only; weight pool fit archived page nb-gloss)": {
            " ".join(map(str, values)): round(sum(hits[values, k] for k in everything) / len(items), 3)
            for values in GRID
        },
        "chosen_on_all": choice.chosen_on_all,
    }


def _generated(
    args: argparse.Namespace,
    tmp: Path,
    pages: int,
    questions: list[EvalQuestion],
    embedder: SentenceTransformerEmbedder,
) -> Retriever:
    """A retriever over the scale benchmark's generated corpus of ``pages`` pages, built as the scale benchmark
    builds it (unless kept in ``args.indexes`` from an earlier run): every question set is asked again among
    many pages that read alike."""
    index = (args.indexes or tmp) / f"index-{pages}"
    if not index.exists():
        writer = dev_writer(
            shipped=SHIPPED_DOCS, set_a=args.eval / "corpus_a", evidence=[q.evidence or "" for q in questions]
        )
        folder = write_corpus(
            tmp / f"corpus-{pages}",
            shipped=SHIPPED_DOCS,
            set_a=args.eval / "corpus_a",
            writer=writer,
            pages=pages,
        )[0].parent
        processes.ingest(index=index, folder=folder, cache=args.embedding_cache)
    return KnowledgeBase(store=ChromaStore(path=str(index), prefix=PREFIX), embedder=embedder).retriever()


def main(argv: list[str] | None = None) -> int:
    """Build the indexes, cross-validate, print JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, default=ROOT.parent / "shared/eval")
    parser.add_argument(
        "--pages",
        default="250,1000",
        help="also ask every set among generated corpora of these sizes, comma-separated ('': none)",
    )
    parser.add_argument(
        "--indexes", type=Path, default=None, help="keep (and reuse) the generated corpora's indexes here"
    )
    parser.add_argument("--embedding-cache", type=Path, default=None)
    args = parser.parse_args(argv)
    embedder = SentenceTransformerEmbedder(MODEL)
    items: list[tuple[Fused, Retriever]] = []
    with tempfile.TemporaryDirectory(prefix="rapportlos-coverage-") as tmp:
        for question_set, retriever in asked_over(args.eval, Path(tmp), embedder):
            for question in question_set.questions:
                if question.answerable and question.evidence:
                    document = str(question_set.docs.get(question.id))
                    items.append((fuse(retriever, question, question_set.name, document), retriever))
        sets = default_sets(args.eval)
        for pages in [int(size) for size in args.pages.split(",") if size.strip()]:
            retriever = _generated(args, Path(tmp), pages, sets[0].questions, embedder)
            for question_set in sets:  # the generated corpora hold the shipped pages and set A's
                for question in question_set.questions:
                    if question.answerable and question.evidence:
                        document = str(question_set.docs.get(question.id))
                        name = f"{question_set.name}@{pages}"
                        items.append((fuse(retriever, question, name, document), retriever))
                        if question_set.name == "dev":  # asked again in a KA229 project's channel, as in use
                            fused = fuse(retriever, question, f"{name} KA229", document, DEV_PROJECT)
                            items.append((fused, retriever))
        print(json.dumps(cross_validate(items), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
