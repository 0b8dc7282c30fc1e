"""The fitted decline model: a logistic regression over :mod:`knowledge.decision.signals`, kept as data.

``decline_model.json`` beside this file holds the scaler, the coefficients, the questions the model was
fitted on and how (``bench/fit_decline.py`` refits it). The engine answers when the model gives the
guidance at least the threshold of the question's language of probability of covering the question (the
model's own, chosen by cross-validation when it was fitted, unless a deployment sets another).
"""

from __future__ import annotations

import json
from importlib import resources

from pydantic import BaseModel, ConfigDict

from core.language import Language
from knowledge.decision.signals import FEATURES, Signals, logistic

MODEL_FILE = "decline_model.json"


class DeclineModel(BaseModel):
    """A standardised logistic regression: P(covered) = σ(b + Σ wᵢ (xᵢ − μᵢ) / σᵢ).

    Attributes:
        features: Names of the inputs, in order (must match the engine's signals).
        means: Mean of each input over the fitting questions.
        scales: Standard deviation of each input.
        coefficients: Weight of each standardised input.
        intercept: The bias.
        threshold: The probability under which the engine declines (chosen by cross-validation with folds
            by page against the goals for wrong declines and wrong answers, see ``bench/decline.py``).
        thresholds: The same, chosen for the questions of each language ("nb", "en"): the English-only
            embedding model gives English questions lower signals, answerable or not. ``threshold`` holds
            for a language without one.
        fitted_on: Ids of the questions the model was fitted on.
        notes: How it was fitted (class weights, regularisation, source files).
    """

    model_config = ConfigDict(frozen=True)

    features: tuple[str, ...]
    means: tuple[float, ...]
    scales: tuple[float, ...]
    coefficients: tuple[float, ...]
    intercept: float
    threshold: float = 0.5
    thresholds: dict[str, float] = {}
    fitted_on: tuple[str, ...] = ()
    notes: str = ""

    def threshold_for(self, language: Language) -> float:
        """The probability under which a question in ``language`` is declined."""
        return self.thresholds.get(language.value, self.threshold)

    def probability(self, signals: Signals) -> float:
        """Probability that the guidance covers the question (0 when a required kind of answer is missing)."""
        if signals.required_missing:
            return 0.0
        values = dict(zip(FEATURES, signals.vector(), strict=True))
        total = self.intercept
        for name, mean, scale, weight in zip(
            self.features, self.means, self.scales, self.coefficients, strict=True
        ):
            total += weight * (values[name] - mean) / (scale or 1.0)
        return logistic(total)


def load_model(text: str | None = None) -> DeclineModel:
    """The shipped model (or one given as JSON text)."""
    if text is None:
        text = resources.files("knowledge.decision").joinpath(MODEL_FILE).read_text(encoding="utf-8")
    model = DeclineModel.model_validate(json.loads(text))
    unknown = set(model.features) - set(FEATURES)
    if unknown:
        raise ValueError(f"decline model uses unknown signals: {sorted(unknown)}")
    return model
