"""The decline model and its signals (pure)."""

from __future__ import annotations

import json

from core.language import Language
from knowledge.decision.model import load_model
from knowledge.decision.signals import FEATURES, Signals, kind_signals, margin, required_missing

MODEL = json.dumps(
    {
        "features": ["coverage", "kind_missing"],
        "means": [0.5, 0.2],
        "scales": [0.2, 0.4],
        "coefficients": [2.0, -1.0],
        "intercept": 0.5,
        "fitted_on": ["a-001"],
    }
)


def _signals(coverage: float, *, missing: float = 0.0, required: bool = False) -> Signals:
    return Signals(coverage, 0.1, 0.5, 0.5, 0.5, 0.0, missing, 0.5, required_missing=required)


def test_probability_rises_with_coverage_and_falls_when_the_kind_is_missing() -> None:
    model = load_model(MODEL)

    assert model.probability(_signals(0.9)) > model.probability(_signals(0.4))
    assert model.probability(_signals(0.6, missing=1.0)) < model.probability(_signals(0.6))


def test_a_missing_required_answer_is_always_declined() -> None:
    assert load_model(MODEL).probability(_signals(1.0, required=True)) == 0.0


def test_each_language_has_its_own_threshold_and_the_overall_one_stands_in() -> None:
    model = load_model(MODEL).model_copy(update={"threshold": 0.3, "thresholds": {"en": 0.2}})

    assert model.threshold_for(Language.EN) == 0.2
    assert model.threshold_for(Language.NB) == 0.3
    assert set(load_model().thresholds) == {"nb", "en"}


def test_the_shipped_model_uses_known_signals_and_names_its_questions() -> None:
    model = load_model()

    assert set(model.features) <= set(FEATURES)
    assert len(model.coefficients) == len(model.features)
    assert model.fitted_on


def test_kind_signals_follow_what_the_question_asks_for() -> None:
    assert kind_signals("Who submits the report?", "The coordinator submits the report.") == (1.0, 0.0)
    assert kind_signals("Who submits the report?", "The report is submitted online.") == (0.0, 1.0)
    assert kind_signals("Kan vi flytte midler?", "Ja.") == (0.0, 0.0)
    # What decides the amount is answered by the criteria: no amount is asked for, so none is missing.
    criteria = "Tildelingen avhenger av budsjett og etterspørsel."
    assert kind_signals("Is funding guaranteed, and what decides how much we get?", criteria) == (0.0, 0.0)
    assert kind_signals("How much do we get?", criteria) == (0.0, 1.0)


def test_amount_and_application_questions_need_a_passage_that_gives_one() -> None:
    assert required_missing("Hvor mye penger får vi per elev?", ["Koordinator sender inn rapporten."])
    assert not required_missing("Hvor mye kan vi søke om?", ["Ein søker om 120 000 euro eller 250 000 euro."])
    assert required_missing("How do I apply for a new project?", ["Upload results on the platform."])
    assert not required_missing("How do I apply?", ["I Erasmusportalen finn du søknadsskjemaet."])
    # What decides the amount is answered by the criteria, with no amount in them.
    criteria = ["Størrelsen på tildelingen avhenger av tilgjengelig budsjett og tidligere prestasjoner."]
    assert not required_missing("What decides how much we get?", criteria)
    assert required_missing("How much do we get?", criteria)


def test_margin_is_relative_and_never_negative() -> None:
    assert margin(2.0, 1.0) == 0.5
    assert margin(0.0, 0.0) == 0.0
