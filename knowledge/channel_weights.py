"""How much each retrieval channel counts in the fusion, by whether a passage is in the question's language.

The channels (see :class:`knowledge.retrieval.Retriever`): "lex" is BM25 of the question in its own language,
"lex_x" BM25 of its rendering in the other, "dense" and "dense_x" the embedding model on the question and its
rendering, "lex_b" BM25 of the question against the passages' glosses in its language, "dense_b" the English
form of the question against the English glosses of Norwegian-only passages.
"""

from __future__ import annotations

from collections.abc import Callable

from core.language import Language
from knowledge.fusion import reciprocal_rank_fusion

# Lexical matching carries the ranking; the glossary and the English-only dense model add recall at low weight
# (weights chosen on the dev set in bench/: heavier dense weights pushed right passages down). "dense_b" is the
# English form of the question against the English bridges of Norwegian-only passages (knowledge/bridge): for
# a Norwegian question it does for those passages what "dense_x" does for passages with an English rendering.
# "lex_b" (the question against the bridges in its own language) only reaches a passage in the question's
# language when it is Nynorsk (its Bokmål normalisation).
CHANNEL_WEIGHTS = {"lex": 1.0, "lex_x": 0.2, "dense": 0.2, "dense_x": 0.2, "lex_b": 0.5, "dense_b": 0.2}
# A passage that exists only in the other language is met through the translated question ("lex_x") and
# through its bridge ("lex_b", "dense_b"); the question's own words count only where they are names. These
# were set by reasoning and then tried by cross-validation with folds by document (bench/tune_channels.py over
# the benchmark's own indexes; the Norwegian "lex_b" also among 250 and 1,000 pages, with the coverage weight,
# in bench/tune_coverage.py): under the shipped ranking values every fold keeps them, in both languages.
Weights = dict[str, float]
CROSS_LINGUAL_WEIGHTS: dict[Language, Weights] = {
    Language.NB: {"lex": 0.2, "lex_x": 0.5, "dense": 0.1, "dense_x": 0.1, "lex_b": 0.5, "dense_b": 0.2},
    Language.EN: {"lex": 0.2, "lex_x": 0.5, "dense": 0.1, "dense_x": 0.1, "lex_b": 0.5, "dense_b": 0.2},
}


def fuse_by_language(
    channels: dict[str, dict[str, float]],
    language: Language,
    version: Callable[[str, Language], object | None],
    cross: Weights | None = None,
) -> dict[str, float]:
    """Every group's fused score: by :data:`CHANNEL_WEIGHTS` where it has a passage in ``language``
    (``version`` tells), by ``cross`` (``language``'s :data:`CROSS_LINGUAL_WEIGHTS` by default) where it has
    one only in the other."""
    same = reciprocal_rank_fusion(channels, weights=CHANNEL_WEIGHTS)
    across = reciprocal_rank_fusion(channels, weights=cross or CROSS_LINGUAL_WEIGHTS[language])
    return {group: score if version(group, language) else across[group] for group, score in same.items()}
