"""Fitting the decline model, and deciding every question out of fold (folds by page).

A logistic regression over the signals of :mod:`knowledge.decision.signals`, inputs standardised, classes
weighted to balance (answerable questions far outnumber the rest). Out of fold: the questions are split into
folds by the page they are about (``GroupKFold``), so no page is both fitted on and scored.

What the model learns to tell apart is an answer worth sending from one that is not: an answerable question
whose quote holds one of its keywords against an unanswerable question or a quote that misses (the passage
found was not the one that answers). Fitted on answerable against unanswerable alone, it learnt to send the
wrong quotes of answerable questions too, whose signals look like those of questions the guidance does not
cover. The threshold's goals below still count every answerable question.

The probability under which the engine declines is chosen by cross-validation too, nested inside each fit: the
fitting questions are split again by page, each inner fold is scored by a model fitted without it, and the
threshold that comes closest to the goals on those out-of-fold probabilities (the smallest worst shortfall,
each goal's miss measured against its allowance) is kept with the model, once for each language's questions
(the goals hold in each language) and once over all of them (for a language without its own). The goals are
the answers issue's: at most 10 % of answerable questions declined, at least 80 % of unanswerable ones. Class
balancing alone puts the threshold at 0.5, which treats a wrong decline and a wrong answer alike.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import GroupKFold

from bench.probe import Probe
from core.language import Language
from knowledge.decision.model import DeclineModel
from knowledge.decision.signals import FEATURES, Signals

FOLDS = 5
# The inner cross-validation that chooses the threshold is repeated with the pages shuffled into folds anew:
# over one split, which pages happen to share a fold moved the chosen threshold between 0.25 and 0.4.
INNER_REPEATS = 5
C = 1.0  # scikit-learn's default regularisation, not tuned
# Thresholds tried, from the class-balanced default down (a tie goes to the one listed first).
THRESHOLDS = (0.5, 0.45, 0.4, 0.35, 0.3, 0.25, 0.2, 0.15, 0.1)
WRONG_DECLINE_GOAL = 0.10  # share of answerable questions declined, at most
MISSED_UNANSWERABLE_GOAL = 0.20  # share of unanswerable questions answered, at most
FIT_NOTES = (
    f"LogisticRegression(C={C}, class_weight=balanced): a right answer (answerable, the quote holds a keyword) "
    "against the rest, on dev + A + extra; bench/run.py --refit"
)


def decision_cost(outcomes: Sequence[tuple[bool, float]], threshold: float) -> float:
    """How far deciding at ``threshold`` is from the goals: the worse of the share of answerable questions
    declined over its goal and the share of unanswerable ones answered over its goal (``outcomes``: whether
    each question is answerable, and the probability the model gave). The worse, not the sum: a sum lets one
    goal be given up for the other (with these signals it chose to decline almost nothing)."""
    answerable = [p for covered, p in outcomes if covered]
    unanswerable = [p for covered, p in outcomes if not covered]
    wrong = sum(p < threshold for p in answerable) / len(answerable) if answerable else 0.0
    missed = sum(p >= threshold for p in unanswerable) / len(unanswerable) if unanswerable else 0.0
    return max(wrong / WRONG_DECLINE_GOAL, missed / MISSED_UNANSWERABLE_GOAL)


def choose_threshold(outcomes: Sequence[tuple[bool, float]]) -> float:
    """The threshold of :data:`THRESHOLDS` with the least :func:`decision_cost`."""
    return min(THRESHOLDS, key=lambda t: (decision_cost(outcomes, t), THRESHOLDS.index(t)))


def fit(probes: Sequence[Probe], *, notes: str = "") -> DeclineModel:
    """A decline model fitted on every probe that has signals, with its thresholds chosen by cross-validation
    over the same probes (folds by page): one over every question, and one for each language's questions
    (the English-only embedding model gives English questions lower signals, answerable or not)."""
    model = _fit_weights(probes, notes=notes)
    outcomes = [found for seed in range(INNER_REPEATS) for found in _out_of_fold(probes, seed)]
    overall = choose_threshold([(covered, p) for _, covered, p in outcomes])
    return model.model_copy(update={"threshold": overall, "thresholds": language_thresholds(outcomes)})


def language_thresholds(outcomes: Sequence[tuple[Language, bool, float]]) -> dict[str, float]:
    """For each language, the threshold of :data:`THRESHOLDS` that best meets the goals among its questions
    (``outcomes``: each question's language, whether it is answerable, the probability the model gave)."""
    languages = sorted({language for language, _, _ in outcomes}, key=lambda language: language.value)
    return {
        language.value: choose_threshold(
            [(covered, p) for asked, covered, p in outcomes if asked is language]
        )
        for language in languages
    }


def _out_of_fold(probes: Sequence[Probe], seed: int) -> list[tuple[Language, bool, float]]:
    """Each probe's language (see :func:`language_of`), answerability and the probability a model fitted
    without its page gives it (0 when nothing was found to quote: such a question is declined whatever the
    threshold); the pages are shuffled into folds by ``seed``."""
    groups = sorted({p.group for p in probes})
    if len(groups) < 2:
        return []
    splitter = GroupKFold(n_splits=min(FOLDS, len(groups)), shuffle=True, random_state=seed)
    found: list[tuple[Language, bool, float]] = []
    for train, test in splitter.split(np.zeros(len(probes)), groups=[p.group for p in probes]):
        model = _fit_weights([probes[i] for i in train])
        for i in test:
            signals = probes[i].signals
            probability = model.probability(signals) if signals else 0.0
            found.append((language_of(probes[i]), probes[i].question.answerable, probability))
    return found


def language_of(probe: Probe) -> Language:
    """The language the engine read the question in (its signals say; the question's own without them)."""
    if probe.signals is None:
        return probe.question.lang
    return Language.EN if probe.signals.english else Language.NB


def _fit_weights(probes: Sequence[Probe], *, notes: str = "") -> DeclineModel:
    """The logistic regression on every probe that has signals (threshold left at its default)."""
    usable = [p for p in probes if p.signals is not None]
    x = np.array([p.signals.vector() for p in usable if p.signals is not None])
    y = np.array([answered_right(p) for p in usable])
    means, scales = x.mean(axis=0), x.std(axis=0)
    scales[scales == 0] = 1.0
    model = LogisticRegression(C=C, class_weight="balanced", max_iter=1000)
    model.fit((x - means) / scales, y)
    return DeclineModel(
        features=FEATURES,
        means=tuple(round(float(v), 6) for v in means),
        scales=tuple(round(float(v), 6) for v in scales),
        coefficients=tuple(round(float(v), 6) for v in model.coef_[0]),
        intercept=round(float(model.intercept_[0]), 6),
        fitted_on=tuple(p.question.id for p in usable),
        notes=notes,
    )


def answered_right(probe: Probe) -> bool:
    """Whether the quote would be a right answer: the question is answerable and the quote holds one of its
    keywords (any quote, for a question given without keywords)."""
    keywords = probe.question.answer_keywords
    text = probe.text.lower()
    return probe.question.answerable and (not keywords or any(k.lower() in text for k in keywords))


def fold_models(probes: Sequence[Probe], *, seed: int | None = None) -> dict[str, DeclineModel]:
    """For every page (group), the model fitted without any question about that page (its threshold chosen
    without that page too); the pages are dealt into folds in order, or shuffled by ``seed``."""
    groups = sorted({p.group for p in probes})
    splitter = GroupKFold(n_splits=min(FOLDS, len(groups)), shuffle=seed is not None, random_state=seed)
    labels = [p.group for p in probes]
    models: dict[str, DeclineModel] = {}
    for train, test in splitter.split(np.zeros(len(probes)), groups=labels):
        model = fit([probes[i] for i in train])
        for i in test:
            models[probes[i].group] = model
    return models


def separation(probes: Sequence[Probe], folds: dict[str, DeclineModel]) -> dict[str, float | None]:
    """How well the out-of-fold probabilities rank right answers above the rest (ROC AUC: 1 perfect, 0.5
    chance), over every question and per language the engine read it in (as the thresholds are): unlike the figures at a threshold, it does not jump when
    one question crosses the threshold, so it tells whether a change of signals helps the decision at all.
    A question with nothing to quote counts at probability 0."""
    scored: dict[str, tuple[list[bool], list[float]]] = {"all": ([], []), "nb": ([], []), "en": ([], [])}
    for p in probes:
        model = folds.get(p.group)
        probability = model.probability(p.signals) if model is not None and p.signals is not None else 0.0
        for split in ("all", language_of(p).value):
            scored[split][0].append(answered_right(p))
            scored[split][1].append(probability)
    return {
        split: round(float(roc_auc_score(labels, values)), 4) if 0 < sum(labels) < len(labels) else None
        for split, (labels, values) in scored.items()
    }


def write_model(model: DeclineModel, path: Path) -> None:
    """Store a fitted decline model as JSON (the engine reads it from the package)."""
    path.write_text(json.dumps(model.model_dump(), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def declined(signals: Signals | None, model: DeclineModel | None) -> bool:
    """Whether the engine declines: nothing to quote, or the model's probability under the threshold of the
    language the engine read the question in (``signals.english``)."""
    if signals is None or model is None:
        return True
    language = Language.EN if signals.english else Language.NB
    return model.probability(signals) < model.threshold_for(language)
