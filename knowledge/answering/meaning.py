"""Comparing a sentence's meaning with the question in the sentence's own language.

The bundled embedding model reads English only: a Norwegian question compared with an English sentence, or an
English question with a Norwegian sentence, measures little but shared names, while two texts in one language
share their words. So a sentence in the question's language is compared with the question, one in the other
language with the question's rendering in that language.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from core.language import Language

SimilarityFn = Callable[[str, list[str]], list[float]]


def meaning_anchors(question: str, language: Language, rendering: str) -> dict[Language, str]:
    """What to compare a sentence's meaning with, by the sentence's language: the question in its own
    language, its rendering (``rendering``, empty when there is none) in the other. The embedding model reads
    English only; a Norwegian question compared with an English sentence, or an English one with a Norwegian
    sentence, measures little but shared names, while two texts in one language share their words."""
    return {language: question, language.other: rendering or question}


def similarities_by_language(
    similarity: SimilarityFn,
    sentences: list[tuple[str, Language]],
    anchors: Mapping[Language, str],
    question: str,
) -> list[float]:
    """Each sentence's meaning-match with its language's anchor (the question when there is none)."""
    found = [0.0] * len(sentences)
    by_anchor: dict[str, list[int]] = {}
    for number, (_, language) in enumerate(sentences):
        by_anchor.setdefault(anchors.get(language, question), []).append(number)
    for anchor, numbers in by_anchor.items():
        scores = similarity(anchor, [sentences[number][0] for number in numbers])
        for number, score in zip(numbers, scores, strict=True):
            found[number] = score
    return found
