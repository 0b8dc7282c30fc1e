"""The evidence for and against answering a question from the passages that were found."""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass

from knowledge.text.question_words import AnswerCue, asked_cues, asked_directly, gives

# The order the fitted model's coefficients follow (see knowledge/decision/decline_model.json).
FEATURES = (
    "coverage",
    "margin",
    "dense_passage",
    "dense_sentence",
    "sentence_coverage",
    "agreement",
    "kind_given",
    "kind_missing",
    "question_words",
    "missing_key",
    "unknown_words",
    "english",
)


@dataclass(frozen=True)
class Signals:
    """What the engine knows about a question and its best passages, each roughly in 0..1.

    Attributes:
        coverage: Share of the question's words (IDF-weighted) in the best passages (the old threshold).
        margin: How far the best passage leads the second (relative fused score).
        dense_passage: Meaning-match of the question and its best passage (embedding cosine).
        dense_sentence: Meaning-match of the question and the sentence the answer quotes.
        sentence_coverage: Share of the question's words (IDF-weighted) in the sentence the answer quotes,
            read through the glossary and the dictionary where it is in the other language.
        agreement: Share of the retrieval channels whose own best passage is on the fused best one's page.
        kind_given: 1 when the question asks for a kind of answer (amount, time, role…) the quote gives.
        kind_missing: 1 when it asks for one the quote does not give.
        question_words: The question's content words, up to 10, over 10 (short questions say less).
        missing_key: How telling the most telling question word none of the best passages holds is, against
            the question's most telling word (0 when each word is in one of them).
        unknown_words: Share of the question's word weight carried by words no page has in either language.
        english: 1 for an English question: the embedding model reads English only and most pages are
            Norwegian, so the other signals run lower for English questions, answerable or not.
        required_missing: The question asks for an amount or an application procedure and no passage
            found gives one: the guidance cannot answer it, whatever the other signals say.
    """

    coverage: float
    margin: float
    dense_passage: float
    dense_sentence: float
    agreement: float
    kind_given: float
    kind_missing: float
    question_words: float
    missing_key: float = 0.0
    sentence_coverage: float = 0.0
    unknown_words: float = 0.0
    english: float = 0.0
    required_missing: bool = False

    def vector(self) -> list[float]:
        """The features in :data:`FEATURES` order."""
        values = asdict(self)
        return [float(values[name]) for name in FEATURES]


def kind_signals(question: str, quote: str) -> tuple[float, float]:
    """``(kind_given, kind_missing)`` for a question and the text its answer quotes. A kind asked only after a
    verb of deciding ("what decides how much we get") is not asked for: the answer names what decides it."""
    asked = [
        cue for cue in asked_cues(question) if cue.kind and not cue.search and asked_directly(cue, question)
    ]
    if not asked:
        return 0.0, 0.0
    given = any(gives(cue, quote) for cue in asked)
    return (1.0, 0.0) if given else (0.0, 1.0)


def required_missing(question: str, passages: list[str]) -> bool:
    """Whether the question needs an amount or an application procedure that none of ``passages`` gives."""
    required: list[AnswerCue] = [
        cue for cue in asked_cues(question) if cue.required and asked_directly(cue, question)
    ]
    return any(not any(gives(cue, passage) for passage in passages) for cue in required)


def margin(first: float, second: float) -> float:
    """Relative lead of the best fused score over the second (0 when tied or empty)."""
    return 0.0 if first <= 0 else max(0.0, (first - second) / first)


def word_signal(count: int) -> float:
    """A question's content-word count as a 0..1 signal (saturating at 10 words)."""
    return min(count, 10) / 10 if count > 0 else 0.0


def logistic(value: float) -> float:
    """The logistic function, safe for large inputs."""
    return 1 / (1 + math.exp(-max(-50.0, min(50.0, value))))
