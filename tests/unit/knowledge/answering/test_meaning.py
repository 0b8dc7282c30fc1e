"""Comparing a sentence's meaning with the question in the sentence's own language."""

from __future__ import annotations

from core.language import Language
from knowledge.answering.meaning import meaning_anchors, similarities_by_language


def test_without_a_rendering_every_sentence_is_compared_with_the_question() -> None:
    anchors = meaning_anchors("Hvem sender inn?", Language.NB, "")

    assert anchors == {Language.NB: "Hvem sender inn?", Language.EN: "Hvem sender inn?"}


def test_each_anchor_is_compared_once_with_the_sentences_of_its_language() -> None:
    calls: list[tuple[str, list[str]]] = []

    def similarity(anchor: str, texts: list[str]) -> list[float]:
        calls.append((anchor, texts))
        return [float(len(text)) for text in texts]

    sentences = [
        ("Koordinator sender inn.", Language.NB),
        ("The coordinator.", Language.EN),
        ("Ja.", Language.NB),
    ]
    anchors = meaning_anchors("Who submits?", Language.EN, "hvem sender inn")

    found = similarities_by_language(similarity, sentences, anchors, "Who submits?")

    assert found == [23.0, 16.0, 3.0]
    assert sorted(calls) == [
        ("Who submits?", ["The coordinator."]),
        ("hvem sender inn", ["Koordinator sender inn.", "Ja."]),
    ]
