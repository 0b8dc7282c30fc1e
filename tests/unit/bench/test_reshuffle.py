"""The answer figures over several shuffled dealings of the pages into folds."""

from __future__ import annotations

from bench.probe import Probe
from bench.reshuffle import reshuffled
from core.language import Language
from knowledge.decision.signals import Signals
from knowledge.evaluation import EvalQuestion


def _probe(number: int, language: Language, *, answerable: bool, coverage: float) -> Probe:
    question = EvalQuestion(
        id=f"q{number}", lang=language, question="?", answerable=answerable, answer_keywords=["ja"]
    )
    signals = Signals(coverage, 0.1, 0.5, 0.5, 0.5, 0.0, 0.0, 0.5, english=float(language is Language.EN))
    group = f"page{number % 9}" if answerable else f"none:q{number}"
    return Probe(question, group, None, "ja" if coverage > 0.5 else "nei", signals, None)


def _sets() -> dict[str, list[Probe]]:
    found: dict[str, list[Probe]] = {"A": [], "extra": []}
    for n in range(60):
        language = Language.NB if n % 2 else Language.EN
        found["A" if n < 40 else "extra"].append(
            _probe(n, language, answerable=True, coverage=0.35 + (n % 13) / 20)
        )
    for n in range(16):
        language = Language.NB if n % 2 else Language.EN
        found["A" if n < 10 else "extra"].append(
            _probe(100 + n, language, answerable=False, coverage=0.1 + n / 40)
        )
    return found


def test_every_split_has_a_mean_and_a_spread_for_each_figure_in_range() -> None:
    figures = reshuffled(_sets(), seeds=3)

    assert set(figures) == {"A nb", "A en", "all"}
    for split in figures.values():
        assert set(split) == {"keyword_accuracy", "false_abstention", "abstention"}
        for mean, spread in split.values():
            assert 0.0 <= mean <= 1.0 and 0.0 <= spread <= 0.5
    # Separable signals: most answerable questions whose quote holds the keyword are answered.
    assert figures["all"]["keyword_accuracy"][0] > 0.3
    assert figures["all"]["abstention"][0] > 0.5


def test_one_dealing_has_no_spread_and_the_same_dealing_gives_the_same_figures() -> None:
    once = reshuffled(_sets(), seeds=1)

    assert all(spread == 0.0 for split in once.values() for _, spread in split.values())
    assert reshuffled(_sets(), seeds=1) == once
