"""How much the out-of-fold answer figures owe to which pages happen to share a fold.

The decline model of each page is fitted on the other folds; dealing the pages into folds anew changes what
each fold model learnt from, and with a few dozen questions per language one question more or less declined
moves a figure by 0.03. The benchmark reports its main figures on one dealing and, beside them, the mean and
spread over :data:`RESHUFFLES` shuffled dealings.
"""

from __future__ import annotations

import statistics

from bench.decline import declined, fold_models
from bench.probe import Probe, project_rows
from knowledge.evaluation import summarise

RESHUFFLES = 6
_SPLITS = (("A", "nb"), ("A", "en"), (None, None))  # set A per language, and every question of every set
_FIGURES = ("keyword_accuracy", "false_abstention", "abstention")  # as the quality tables count them


def reshuffled(sets: dict[str, list[Probe]], *, seeds: int = RESHUFFLES) -> dict[str, dict[str, list[float]]]:
    """``{split: {figure: [mean, standard deviation]}}`` over ``seeds`` shuffled dealings of the pages into
    folds, for set A's Bokmål and English questions ("A nb", "A en") and all questions of all sets ("all")."""
    everything = [p for group in sets.values() for p in group]
    found: dict[str, dict[str, list[float]]] = {}
    for seed in range(seeds):
        folds = fold_models(everything, seed=seed)
        gone = {p.question.id: declined(p.signals, folds.get(p.group)) for p in everything}
        for name, language in _SPLITS:
            chosen = [
                p for p in sets.get(name, []) if p.question.lang.value == language
            ] if name else everything  # fmt: skip
            split = f"{name} {language}" if name else "all"
            summary = summarise(project_rows(chosen, gone))
            for figure in _FIGURES:
                value = summary[figure]
                found.setdefault(split, {}).setdefault(figure, []).append(
                    float("nan") if value is None else value
                )
    return {
        split: {
            figure: [round(statistics.fmean(values), 4), round(statistics.pstdev(values), 4)]
            for figure, values in figures.items()
        }
        for split, figures in found.items()
    }
