"""Choose how much a passage's retrieval score and giving the kind of answer asked for count in picking the
sentence to quote, by cross-validation with folds by document: ``python bench/tune_quote.py``.

An answer quotes the best-scoring sentence among the top passages; a sentence's score adds its own words and
meaning-match with the question to its passage's retrieval score times a weight. The ranking weighs a whole
passage in both languages (bridges, coverage, fusion); a sentence's own words and meaning-match are weak across
languages, so a low weight lets a same-language sentence of a worse passage win. A sentence that gives the
kind of answer the question word asks for (a role for "who", a time for "when") gets a bonus; too large, and
any period beats the sentence that answers "when does it take effect?". Every answerable question of the dev,
set A and extra sets is answered (declining off) with each pair of the grid; a question counts as right when
the quote holds one of its keywords. For each fold (the questions on one page) the pair that does best on the
other folds is applied to it; the out-of-fold keyword accuracy is what is reported. The pair chosen on all
folds goes in ``knowledge.answering.extractive.PASSAGE_WEIGHT`` and ``CUE_BONUS``.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.folds import choose_by_document  # noqa: E402
from bench.indexes import MODEL  # noqa: E402
from bench.question_sets import asked_over  # noqa: E402
from bench.run import CONTACT  # noqa: E402
from knowledge.answering.extractive import QuoteWeights  # noqa: E402
from knowledge.embeddings import SentenceTransformerEmbedder  # noqa: E402
from knowledge.evaluation import EvalQuestion  # noqa: E402
from knowledge.models import Question  # noqa: E402
from knowledge.retrieval import Retriever  # noqa: E402
from knowledge.service import KnowledgeService  # noqa: E402

WEIGHTS = (4.0, 2.0, 8.0, 1.0, 16.0, 0.5, 32.0)  # passage weights, the shipped one first (ties go to it)
BONUSES = (0.3, 0.0, 0.15, 0.6, 1.2)  # answer-kind bonuses, the one set by reasoning (0.3) first
GRID = tuple((weight, bonus) for weight in WEIGHTS for bonus in BONUSES)
Pair = tuple[float, float]


def quoted_keyword(retriever: Retriever, question: EvalQuestion, pair: Pair) -> bool:
    """Whether the quote for ``question`` with ``pair`` (passage weight, answer-kind bonus) holds one of its
    keywords (declining off)."""
    weights = QuoteWeights(passage=pair[0], cue=pair[1])
    service = KnowledgeService(retriever=retriever, contact=CONTACT, quote_weights=weights)
    grounded = service.assess(Question(text=question.question)).grounded
    text = grounded.said.lower() if grounded is not None else ""  # not the source lines
    return any(keyword.lower() in text for keyword in question.answer_keywords)


def cross_validate(items: list[tuple[EvalQuestion, str, str, Retriever]]) -> dict[str, Any]:
    """Out-of-fold keyword accuracy with folds by document, and the weight chosen on all questions."""
    right = {
        (pair, k): quoted_keyword(retriever, question, pair)
        for pair in GRID
        for k, (question, _, _, retriever) in enumerate(items)
    }
    choice = choose_by_document(right, [document for _, _, document, _ in items], GRID)
    splits: dict[str, list[int]] = {}
    for k, (question, set_name, _, _) in enumerate(items):
        splits.setdefault(f"{set_name} {question.lang.value}", []).append(k)
    first = GRID[0]
    return {
        "folds": choice.folds,
        "out_of_fold_keyword_accuracy": choice.score(),
        "by_set_and_language": {
            split: {
                "out_of_fold": choice.score(keys),
                f"with {first}": round(sum(right[first, k] for k in keys) / len(keys), 3),
            }
            for split, keys in sorted(splits.items())
        },
        "by_pair (in sample, for reading only)": {
            f"{pair[0]}/{pair[1]}": round(sum(right[pair, k] for k in range(len(items))) / len(items), 3)
            for pair in GRID
        },
        "chosen_on_all": choice.chosen_on_all,
    }


def main(argv: list[str] | None = None) -> int:
    """Build the benchmark's indexes, cross-validate, print JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, default=ROOT.parent / "shared/eval")
    args = parser.parse_args(argv)
    embedder = SentenceTransformerEmbedder(MODEL)
    items: list[tuple[EvalQuestion, str, str, Retriever]] = []
    with tempfile.TemporaryDirectory(prefix="rapportlos-quote-") as tmp:
        for question_set, retriever in asked_over(args.eval, Path(tmp), embedder):
            for question in question_set.questions:
                if question.answerable and question.answer_keywords:
                    document = str(question_set.docs.get(question.id))
                    items.append((question, question_set.name, document, retriever))
        print(json.dumps(cross_validate(items), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
