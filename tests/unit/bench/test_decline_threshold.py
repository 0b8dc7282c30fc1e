"""Choosing the probability under which the engine declines."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bench.decline import (
    THRESHOLDS,
    answered_right,
    choose_threshold,
    decision_cost,
    fit,
    language_thresholds,
    separation,
)
from bench.probe import Probe
from core.language import Language
from knowledge.decision.signals import FEATURES, Signals
from knowledge.evaluation import EvalQuestion


def test_the_cost_is_the_worse_share_over_its_goal() -> None:
    # Answerable at 0.35 and 0.6, unanswerable at 0.2 and 0.4.
    outcomes = [(True, 0.35), (True, 0.6), (False, 0.2), (False, 0.4)]

    # At 0.5: one of two answerable declined (0.5 / 0.1) and no unanswerable answered.
    assert decision_cost(outcomes, 0.5) == pytest.approx(5.0)
    # At 0.3: no answerable declined, one of two unanswerable answered (0.5 / 0.2).
    assert decision_cost(outcomes, 0.3) == pytest.approx(2.5)
    # At 0.38 both miss: 0.5 / 0.1 and 0.5 / 0.2; the worse counts, so neither goal can be given up.
    assert decision_cost(outcomes, 0.38) == pytest.approx(5.0)


def test_the_threshold_that_best_meets_the_goals_is_chosen() -> None:
    separable = [(True, 0.9), (True, 0.45), (False, 0.3), (False, 0.1)]
    overlapping = [(True, 0.9), (True, 0.2), (False, 0.6), (False, 0.1)]

    assert choose_threshold(separable) == 0.45  # the first that declines no answerable and every unanswerable
    # Above 0.2 half the answerable are declined (5.0); at 0.2 and 0.15 half the unanswerable are answered
    # (2.5); at 0.1 all of them (5.0).
    assert choose_threshold(overlapping) == 0.2


def _probe(number: int, *, answerable: bool, coverage: float) -> Probe:
    question = EvalQuestion(id=f"q{number}", lang=Language.NB, question="?", answerable=answerable)
    signals = Signals(coverage, 0.1, 0.5, 0.5, 0.5, 0.0, 0.0, 0.5, unknown_words=1 - coverage)
    group = f"page{number % 7}" if answerable else f"none:q{number}"
    return Probe(question, group, None, "", signals, None)


def test_a_fitted_model_keeps_its_threshold_from_the_grid_and_separates_what_it_can() -> None:
    probes = [_probe(n, answerable=True, coverage=0.5 + (n % 10) / 20) for n in range(40)]
    probes += [_probe(100 + n, answerable=False, coverage=0.05 + (n % 5) / 20) for n in range(12)]

    model = fit(probes)

    assert model.threshold in THRESHOLDS
    assert model.features == FEATURES and set(model.fitted_on) == {p.question.id for p in probes}
    answerable = [model.probability(p.signals) for p in probes if p.question.answerable and p.signals]
    unanswerable = [model.probability(p.signals) for p in probes if not p.question.answerable and p.signals]
    assert min(answerable) >= model.threshold > max(unanswerable)
    assert fit(probes) == model  # the shuffled inner splits are seeded: the same questions, the same model


def test_a_quote_without_the_questions_keywords_is_fitted_as_a_wrong_answer() -> None:
    question = EvalQuestion(
        id="q1", lang=Language.NB, question="?", answerable=True, answer_keywords=["60 dager"]
    )
    right = Probe(question, "page", Language.NB, "Innen 60 dager etter endt prosjekt.", None, 1)
    wrong = Probe(question, "page", Language.NB, "Kontakt oss hvis dere er i tvil.", None, 2)
    unanswerable = Probe(
        EvalQuestion(id="q2", lang=Language.NB, question="?", answerable=False),
        "none:q2",
        None,
        "x",
        None,
        None,
    )

    assert answered_right(right)
    assert not answered_right(wrong)
    assert not answered_right(unanswerable)


def test_each_language_gets_the_threshold_that_best_meets_the_goals_among_its_own_questions() -> None:
    # English questions run lower, answerable or not: no one threshold separates both languages.
    outcomes = [
        (Language.NB, True, 0.6), (Language.NB, True, 0.7), (Language.NB, False, 0.3), (Language.NB, False, 0.35),
        (Language.EN, True, 0.25), (Language.EN, True, 0.3), (Language.EN, False, 0.1), (Language.EN, False, 0.12),
    ]  # fmt: skip
    together = [(covered, p) for _, covered, p in outcomes]

    assert language_thresholds(outcomes) == {"nb": 0.5, "en": 0.25}
    assert decision_cost(together, choose_threshold(together)) > 0


def test_a_fitted_model_keeps_a_threshold_for_each_language_that_separates_its_questions() -> None:
    probes = [_probe(n, answerable=True, coverage=0.75 + (n % 5) / 20) for n in range(30)]
    probes += [_probe(100 + n, answerable=False, coverage=0.3 + (n % 3) / 20) for n in range(12)]
    english = [_probe(200 + n, answerable=True, coverage=0.35 + (n % 5) / 20) for n in range(30)]
    english += [_probe(300 + n, answerable=False, coverage=0.0 + (n % 3) / 20) for n in range(12)]
    probes += [replace(p, signals=replace(p.signals, english=1.0)) for p in english if p.signals]

    model = fit(probes)

    assert set(model.thresholds) == {"nb", "en"}
    for language, flag in ((Language.NB, 0.0), (Language.EN, 1.0)):
        mine = [p for p in probes if p.signals and p.signals.english == flag]
        covered = [model.probability(p.signals) for p in mine if p.question.answerable and p.signals]
        missed = [model.probability(p.signals) for p in mine if not p.question.answerable and p.signals]
        assert min(covered) >= model.threshold_for(language) > max(missed)


def test_separation_is_one_for_a_model_that_ranks_every_right_answer_first_and_chance_for_noise() -> None:
    probes = [_probe(n, answerable=True, coverage=0.5 + (n % 10) / 20) for n in range(40)]
    probes += [_probe(100 + n, answerable=False, coverage=0.05 + (n % 5) / 20) for n in range(12)]
    model = fit(probes)
    folds = {p.group: model for p in probes}

    auc = separation(probes, folds)

    assert auc["all"] == pytest.approx(1.0) and auc["nb"] == pytest.approx(1.0)
    assert auc["en"] is None  # no English question: nothing to rank
    flat = [replace(p, signals=probes[0].signals) for p in probes]
    assert separation(flat, folds)["all"] == pytest.approx(0.5)  # every question the same probability


def test_separation_scores_each_question_with_its_own_fold_model() -> None:
    probes = [_probe(n, answerable=True, coverage=0.5 + (n % 10) / 20) for n in range(40)]
    probes += [_probe(100 + n, answerable=False, coverage=0.05 + (n % 5) / 20) for n in range(12)]
    model = fit(probes)
    backwards = model.model_copy(update={"coefficients": tuple(-c for c in model.coefficients)})
    folds = {p.group: model for p in probes}

    # The unanswerable questions' fold model ranks backwards: they now come out on top.
    unanswerable = {p.group for p in probes if not p.question.answerable}
    auc = separation(probes, folds | dict.fromkeys(unanswerable, backwards))["all"]
    assert auc is not None and auc < 0.5
    # A question without signals, or whose page has no fold model, counts at probability 0.
    without = [replace(p, signals=None) if p.question.answerable else p for p in probes]
    assert separation(without, folds)["all"] == pytest.approx(0.0)
    assert separation(probes, {})["all"] == pytest.approx(0.5)
