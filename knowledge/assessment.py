"""What the answer engine decided about a question, with the evidence it decided on."""

from __future__ import annotations

from dataclasses import dataclass

from knowledge.answering.extractive import Excerpt
from knowledge.decision.signals import Signals
from knowledge.models import Answer
from knowledge.retrieval import Hit


@dataclass(frozen=True)
class Assessment:
    """A question's answer with what the decision to answer rested on.

    Attributes:
        answer: What the asker gets (the quote, or the polite decline).
        grounded: The quoted answer before the decision (None when nothing could be quoted).
        signals: The evidence the decline model weighed (None for invalid or unmatched questions).
        probability: The model's probability that the guidance covers the question.
        excerpts: What the grounded answer quotes (a thread follow-up continues after it).
        hits: The passage groups the answer was chosen from, best first.
    """

    answer: Answer
    grounded: Answer | None = None
    signals: Signals | None = None
    probability: float = 0.0
    excerpts: tuple[Excerpt, ...] = ()
    hits: tuple[Hit, ...] = ()
