"""Choosing one value from a grid by cross-validation with folds by document.

Every question is scored once per value of the grid (``outcomes[value, k]``: whether question ``k`` came out
right with ``value``). For each document, the value that does best on the questions about the other documents
is applied to its own questions; what those score is the out-of-fold figure reported. Ties go to the value
listed first in the grid, so a grid is written from the most cautious value on.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

Value = TypeVar("Value", bound=Hashable)


@dataclass(frozen=True)
class FoldChoice(Generic[Value]):
    """What the cross-validation chose and scored.

    Attributes:
        folds: For each held-out document, the value chosen without it and its questions' score.
        out_of_fold: Each question's outcome under the value chosen without its document.
        chosen_on_all: The value that does best on every question (the one to ship).
    """

    folds: dict[str, dict[str, Value | float | int]]
    out_of_fold: dict[int, bool]
    chosen_on_all: Value

    def score(self, questions: Sequence[int] | None = None) -> float:
        """Out-of-fold share right, over ``questions`` (all by default)."""
        keys = list(self.out_of_fold) if questions is None else list(questions)
        return round(sum(self.out_of_fold[k] for k in keys) / len(keys), 3) if keys else 0.0


def choose_by_document(
    outcomes: Mapping[tuple[Value, int], bool], documents: Sequence[str], grid: Sequence[Value]
) -> FoldChoice[Value]:
    """Cross-validate the choice of a value from ``grid`` with folds by document.

    Args:
        outcomes: Whether question ``k`` is right with ``value``, for every value and question.
        documents: The document each question is about (the fold it belongs to), by position.
        grid: The values, most cautious first (ties go to the earlier one).
    """

    def best(pool: Sequence[int]) -> Value:
        return max(grid, key=lambda value: (sum(outcomes[value, k] for k in pool), -grid.index(value)))

    folds: dict[str, dict[str, Value | float | int]] = {}
    out_of_fold: dict[int, bool] = {}
    for document in sorted(set(documents)):
        held = [k for k, doc in enumerate(documents) if doc == document]
        chosen = best([k for k in range(len(documents)) if documents[k] != document])
        out_of_fold |= {k: outcomes[chosen, k] for k in held}
        right = sum(out_of_fold[k] for k in held)
        folds[document] = {"chosen": chosen, "right": round(right / len(held), 3), "questions": len(held)}
    return FoldChoice(folds=folds, out_of_fold=out_of_fold, chosen_on_all=best(range(len(documents))))
