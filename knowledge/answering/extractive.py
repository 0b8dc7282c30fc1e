"""Picking the sentences that answer a question out of the retrieved passages."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from core.language import Language
from knowledge.answering.meaning import SimilarityFn, similarities_by_language
from knowledge.answering.quoted_text import FOLLOWING_ITEMS, excerpt_text
from knowledge.answering.repeats import without_repeats
from knowledge.answering.units import Unit, blocks_of, sentences_after, units_of
from knowledge.catalog import Catalog
from knowledge.models import Chunk
from knowledge.retrieval import Hit
from knowledge.text.question_words import STEPS, AnswerCue, asked_cues, asked_in_clauses, gives

_CANDIDATE_HITS = 5  # passages whose sentences compete to be the answer
_SECOND_SENTENCE = 0.9  # a runner-up from another passage this close is quoted too
_OWN_WORDS = 0.7  # weight of a sentence's own words against its section heading's
_SIM_WEIGHT = 1.5  # weight of the meaning-match with the question
_COMPLETION_GAIN = 0.15  # share of question words the next sentence must add to be quoted
_SCOPE_NOTE = 40  # a line this short opening a section qualifies it ("Applies to coordinators only.")
# Weight of the passage's retrieval score (relative to the best passage's) in a sentence's score: how much the
# ranking, which weighs the whole passage in both languages, counts against one sentence's own words and
# meaning-match; and the bonus for a sentence that gives what the question word asks for (a role for "who", a
# time for "when"). Chosen together by `bench/tune_quote.py` (folds by document, keyword accuracy of the quote).
PASSAGE_WEIGHT = 4.0
CUE_BONUS = 0.6


@dataclass(frozen=True)
class QuoteWeights:
    """How a sentence's score weighs its passage's retrieval score (relative to the best passage's) and the
    bonus for each kind of answer the question asks for that the sentence gives."""

    passage: float = PASSAGE_WEIGHT
    cue: float = CUE_BONUS


SHIPPED_WEIGHTS = QuoteWeights()

# A line that only points to another page ("Les mer om strategiske partnerskap.", "Read more about …"): the
# link it stood for is gone from the text, so it answers nothing and is never quoted.
_POINTER = re.compile(
    r"^\s*(?:les mer|lær mer|se også|se mer|mer informasjon|meir informasjon|read more|learn more|find out more"
    r"|see also|more information)\b[^.!?]{0,80}[.!?]?\s*$",
    re.IGNORECASE,
)

ScoreFn = Callable[[str, Language], float]


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


def _cue_bonus(question: str, unit: str, bonus: float) -> float:
    """``bonus`` for each kind the question word asks for that a unit gives: a reason for "why", a role
    for "who"…"""
    return sum(bonus for cue in asked_cues(question) if gives(cue, unit))


@dataclass(frozen=True)
class Candidate:
    """One sentence of a retrieved passage with how well it answers the question."""

    score: float
    chunk: Chunk
    index: int
    units: list[Unit]
    blocks: list[str]

    @property
    def sentence(self) -> str:
        """The sentence itself."""
        return self.units[self.index].sentence


def score_candidates(
    *,
    catalog: Catalog,
    question: str,
    hits: list[Hit],
    language: Language,
    score_words: ScoreFn,
    similarity: SimilarityFn,
    weights: QuoteWeights = SHIPPED_WEIGHTS,
    anchors: Mapping[Language, str] | None = None,
) -> list[Candidate]:
    """Every sentence of the top passages, scored and best first.

    A sentence's score adds the share of the question's words it holds (the section heading counting
    less than the sentence), a bonus when it gives what the question word asks for, the passage's
    retrieval score, and its meaning-match with the question.

    Args:
        catalog: The active index.
        question: The question as asked.
        hits: Retrieved passage groups, best first.
        language: The asker's language.
        score_words: Share of the question's words that a text contains.
        similarity: Cosine similarity of a text to each of several texts.
        weights: The passage weight and the answer-kind bonus.
        anchors: What a sentence's meaning is compared with, by the sentence's language (the question by
            default; see :func:`knowledge.answering.meaning.meaning_anchors`).
    """
    rows = _word_rows(catalog, question, hits, language, score_words, weights)
    similarities = similarities_by_language(
        similarity, [(row[3][row[2]].sentence, row[1].language) for row in rows], anchors or {}, question
    )
    return sorted(
        (
            Candidate(
                score=row[0] + _SIM_WEIGHT * sim, chunk=row[1], index=row[2], units=row[3], blocks=row[4]
            )
            for row, sim in zip(rows, similarities, strict=True)
        ),
        key=lambda candidate: -candidate.score,
    )


_Row = tuple[float, Chunk, int, list[Unit], list[str]]


def _word_rows(
    catalog: Catalog,
    question: str,
    hits: list[Hit],
    language: Language,
    score_words: ScoreFn,
    weights: QuoteWeights,
) -> list[_Row]:
    """Each quotable sentence of the top passages with its score before the meaning-match: its words, the
    answer-kind bonus and its passage's retrieval score (with where it stands in the passage)."""
    top = hits[0].score if hits else 1.0
    rows: list[_Row] = []
    for rank, hit in enumerate(hits[:_CANDIDATE_HITS]):
        chunk = passage_for(catalog, hit, language)
        blocks = blocks_of(chunk)
        units = units_of(blocks)
        lead = weights.passage * hit.score / top - 0.05 * rank  # the passage's, the same for its sentences
        for index, unit in _quotable(units):
            bonus = _cue_bonus(question, unit.sentence, weights.cue) + lead
            rows.append((_words(score_words, chunk, unit.sentence) + bonus, chunk, index, units, blocks))
    return rows


def _quotable(units: list[Unit]) -> list[tuple[int, Unit]]:
    """The units that may be quoted, with their positions (a line that only points elsewhere may not)."""
    return [(index, unit) for index, unit in enumerate(units) if not _POINTER.match(unit.sentence)]


def _words(score_words: ScoreFn, chunk: Chunk, sentence: str) -> float:
    """Share of the question's words a sentence holds, its section heading counting less than the sentence."""
    own = score_words(sentence, chunk.language)
    return _OWN_WORDS * own + (1 - _OWN_WORDS) * score_words(f"{chunk.section} {sentence}", chunk.language)


def select_sentences(
    *, catalog: Catalog, candidates: list[Candidate], score_words: ScoreFn, question: str = ""
) -> list[Excerpt]:
    """The best one or two sentences, each with what it needs to be understood.

    A "how do we …" question whose best sentence stands in a section that lists steps also gets the list.

    Args:
        catalog: The active index.
        candidates: Scored sentences, best first (from :func:`score_candidates`).
        score_words: Share of the question's words that a text contains.
        question: The question as asked (what it asks for steers the second quote).
    """
    if not candidates:
        return []
    picked = [candidates[0]]
    steps = _steps_lead_in(candidates, question)
    if steps is not None:
        picked.append(steps)
    answered = _kinds_given(question, candidates[0])
    for candidate in candidates[1:] if steps is None else []:
        if (
            candidate.score >= _SECOND_SENTENCE * picked[0].score
            and candidate.chunk.chunk_id != picked[0].chunk.chunk_id
            and all(gives(cue, candidate.sentence) for cue in answered)
        ):
            picked.append(candidate)
            break
    excerpts = [
        Excerpt(chunk=c.chunk, sentences=tuple(excerpt_text(c.blocks, c.units, c.index)), score=c.score)
        for c in picked
    ]
    excerpts = without_repeats([_with_list(catalog, excerpt) for excerpt in excerpts])
    excerpts[0] = _with_scope_note(catalog, excerpts[0])
    completion = _completion(catalog, excerpts[0], score_words)
    return [*excerpts, completion] if completion and len(excerpts) == 1 else excerpts


def _kinds_given(question: str, best: Candidate) -> list[AnswerCue]:
    """The kinds of answer the question asks for (a role for "who", a time for "when") that the best sentence
    gives: a runner-up from another passage is quoted too only when it gives them as well."""
    asked = [cue for cue in asked_in_clauses(question) if cue.kind and not cue.search]
    return [cue for cue in asked if gives(cue, best.sentence)]


def _steps_lead_in(candidates: list[Candidate], question: str) -> Candidate | None:
    """For a question that asks how, the lead-in to a list of steps in the best sentence's section."""
    if STEPS not in asked_cues(question):
        return None
    top = candidates[0]
    if top.sentence.rstrip().endswith(":"):
        return None
    for candidate in candidates[1:]:
        same_section = (candidate.chunk.doc_id, candidate.chunk.section) == (
            top.chunk.doc_id,
            top.chunk.section,
        )
        if same_section and candidate.sentence.rstrip().endswith(":"):
            return candidate
    return None


def _with_list(catalog: Catalog, excerpt: Excerpt) -> Excerpt:
    """An excerpt quoting a lead-in ("Kortfattet er stegene som følger:") with all the items it introduces
    (up to a few), taken from the next passage of the same section when the list was cut into it."""
    lead = next((n for n, s in enumerate(excerpt.sentences) if s.rstrip().endswith(":")), None)
    if lead is None:
        return excerpt
    wanted = FOLLOWING_ITEMS - (len(excerpt.sentences) - lead - 1)
    following = catalog.following(excerpt.chunk)
    if wanted <= 0 or following is None or following.section != excerpt.chunk.section:
        return excerpt
    if not excerpt.chunk.text.rstrip().endswith(excerpt.sentences[-1].rstrip()):
        return excerpt  # the list ended inside this passage
    items = blocks_of(following)[:wanted]
    return Excerpt(chunk=excerpt.chunk, sentences=(*excerpt.sentences, *items), score=excerpt.score)


def _with_scope_note(catalog: Catalog, excerpt: Excerpt) -> Excerpt:
    """The excerpt led by its section's scope note, when the section opens with one.

    A short first line such as "Applies to coordinators only." qualifies everything under its heading,
    so an answer from that section is not complete without it.
    """
    first = blocks_of(catalog.section_start(excerpt.chunk))
    note = first[0] if first else ""
    if not note or len(note) > _SCOPE_NOTE or note.rstrip().endswith(":") or note in excerpt.sentences:
        return excerpt
    if excerpt.sentences and excerpt.sentences[0].startswith(note):
        return excerpt
    return Excerpt(chunk=excerpt.chunk, sentences=(note, *excerpt.sentences), score=excerpt.score)


def _completion(catalog: Catalog, excerpt: Excerpt, score_words: ScoreFn) -> Excerpt | None:
    """The sentence right after the quoted ones, when it holds question words they lack.

    Guidance often answers in two steps ("The results are sent to HK-dir for review." / "We check
    whether anything should not be public …"); the second sentence completes the first.
    """
    quoted = " ".join(excerpt.sentences)
    found = sentences_after(catalog, excerpt.chunk, quoted)
    if found is None:
        return None
    chunk, following = found
    before = score_words(quoted, excerpt.chunk.language)
    if score_words(f"{quoted} {following[0]}", chunk.language) - before < _COMPLETION_GAIN:
        return None
    return Excerpt(chunk=chunk, sentences=(following[0],), score=excerpt.score)
