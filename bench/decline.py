"""Fitting the decline model, and deciding every question out of fold (folds by page).

A logistic regression over the signals of :mod:`knowledge.decision.signals`, inputs standardised, classes
weighted to balance (answerable questions far outnumber the rest). Out of fold: the questions are split into
folds by the page they are about (``GroupKFold``), so no page is both fitted on and scored.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from bench.probe import Probe
from knowledge.decision.model import DeclineModel
from knowledge.decision.signals import FEATURES, Signals

FOLDS = 5
C = 1.0  # scikit-learn's default regularisation, not tuned


def fit(probes: Sequence[Probe], *, notes: str = "") -> DeclineModel:
    """A decline model fitted on every probe that has signals."""
    usable = [p for p in probes if p.signals is not None]
    x = np.array([p.signals.vector() for p in usable if p.signals is not None])
    y = np.array([p.question.answerable for p in usable])
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


def fold_models(probes: Sequence[Probe]) -> dict[str, DeclineModel]:
    """For every page (group), the model fitted without any question about that page."""
    groups = sorted({p.group for p in probes})
    splitter = GroupKFold(n_splits=min(FOLDS, len(groups)))
    labels = [p.group for p in probes]
    models: dict[str, DeclineModel] = {}
    for train, test in splitter.split(np.zeros(len(probes)), groups=labels):
        model = fit([probes[i] for i in train])
        for i in test:
            models[probes[i].group] = model
    return models


def declined(signals: Signals | None, model: DeclineModel | None, threshold: float) -> bool:
    """Whether the engine declines: nothing to quote, or the model's probability under ``threshold``."""
    if signals is None or model is None:
        return True
    return model.probability(signals) < threshold
