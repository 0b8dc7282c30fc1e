"""Picking the sentences that answer a question out of the retrieved passages."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from knowledge.catalog import Catalog
from knowledge.models import Chunk, Language
from knowledge.retrieval import Hit, QueryTerms
from knowledge.text.tokens import split_sentences

_CANDIDATE_HITS = 3
_SECOND_SENTENCE = 0.92
_FOLLOWING_ITEMS = 4
_SHORT_SENTENCE = 60

_WHOLE_BLOCK = 300
_CUE = 0.15
_WHY = ("hvorfor", "why", "hvordan kommer")
_BECAUSE = ("derfor", "fordi", "prinsipp", "therefore", "because", "principle", "so that", "slik at", "målet")
_HOW_MANY = ("hvor mange", "how many", "number of", "antall")
_NUMBERS = ("en", "to", "tre", "fire", "fem", "one", "two", "three", "four", "five", "minst", "at least")

ScoreFn = Callable[[str, Language], float]
SimilarityFn = Callable[[list[str]], list[float]]


@dataclass(frozen=True)
class Excerpt:
    """Sentences taken from one passage, and the passage itself."""

    chunk: Chunk
    sentences: tuple[str, ...]
    score: float


def passage_for(catalog: Catalog, hit: Hit, language: Language) -> Chunk:
    """The version of a hit's passage in ``language``, else its authoritative original."""
    chunk = catalog.version(hit.group_id, language) or catalog.original(hit.group_id)
    assert chunk is not None, f"group {hit.group_id} has no passage"
    return chunk


def _units(chunk: Chunk) -> list[str]:
    """A passage's answer units: whole paragraphs or list items, long ones cut into sentences."""
    units: list[str] = []
    for line in chunk.text.split("\n"):
        units.extend([line] if len(line) <= _WHOLE_BLOCK else split_sentences(line))
    return [unit for unit in units if unit.strip()]


def _cue_bonus(question: str, unit: str) -> float:
    """A small bonus when a unit has what the question asks for: a reason for "why", a number for "how many"."""
    asked = question.lower()
    found = unit.lower()
    bonus = 0.0
    if any(word in asked.split() for word in _WHY) and any(word in found for word in _BECAUSE):
        bonus += _CUE
    if any(phrase in asked for phrase in _HOW_MANY) and any(char.isdigit() for char in found):
        bonus += _CUE
    if any(phrase in asked for phrase in _HOW_MANY) and any(f" {word} " in f" {found} " for word in _NUMBERS):
        bonus += _CUE
    return bonus


def _expand(units: list[str], index: int) -> list[str]:
    """A sentence, plus what it introduces (after a colon) or the next one when it is very short."""
    picked = [units[index]]
    if units[index].rstrip().endswith("?") and index + 1 < len(units):
        picked.append(units[index + 1])  # the page asks the question itself; its answer follows
    elif units[index].rstrip().endswith(":"):
        picked += units[index + 1 : index + 1 + _FOLLOWING_ITEMS]
    elif len(units[index]) < _SHORT_SENTENCE and index + 1 < len(units):
        picked.append(units[index + 1])
    return picked


def select_sentences(
    *,
    catalog: Catalog,
    question: str,
    query: QueryTerms,
    hits: list[Hit],
    language: Language,
    score_words: ScoreFn,
    similarity: SimilarityFn,
) -> list[Excerpt]:
    """The best one or two sentences among the top passages, each with what it needs to be understood.

    Args:
        catalog: The active index.
        query: The analysed question.
        hits: Retrieved passage groups, best first.
        language: The asker's language.
        score_words: Share of the question's words that a text (with its section heading) contains.
        similarity: Cosine similarity of the question to each of several texts.
    """
    top = hits[0].score if hits else 1.0
    candidates: list[tuple[float, Chunk, int, list[str]]] = []
    for rank, hit in enumerate(hits[:_CANDIDATE_HITS]):
        chunk = passage_for(catalog, hit, language)
        units = _units(chunk)
        for index, unit in enumerate(units):
            words = score_words(f"{chunk.section} {unit}", chunk.language) + _cue_bonus(question, unit)
            candidates.append((words + 0.5 * hit.score / top - 0.05 * rank, chunk, index, units))
    similarities = similarity([row[3][row[2]] for row in candidates]) if candidates else []
    scored = [(row[0] + sim, *row[1:]) for row, sim in zip(candidates, similarities, strict=True)]
    scored.sort(key=lambda row: -row[0])
    if not scored:
        return []
    picked = [scored[0]]
    for row in scored[1:]:
        if row[0] >= _SECOND_SENTENCE * scored[0][0] and row[1].chunk_id != picked[0][1].chunk_id:
            picked.append(row)
            break
    return [Excerpt(chunk=row[1], sentences=tuple(_expand(row[3], row[2])), score=row[0]) for row in picked]
