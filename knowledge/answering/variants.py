"""The programmes behind an answer's quotes, read from the active index (see :mod:`.programmes`)."""

from __future__ import annotations

from collections.abc import Mapping
from itertools import takewhile

from core.language import Language
from knowledge.answering.extractive import Candidate, Excerpt, ScoreFn, select_sentences
from knowledge.answering.formatting import quote_of
from knowledge.answering.programmes import (
    applies_to,
    differ,
    disagree,
    label,
    programme_facts,
    same_programme,
)
from knowledge.catalog import Catalog
from knowledge.models import Chunk, Citation, ProgrammeQuote
from knowledge.page_facts import Facts
from knowledge.retrieval import Hit

_RIVAL = 0.8  # a sentence from another programme's page scoring this close to the best one answers too
_TOP_PAGES = 3  # the best hits whose pages count when telling whether the programmes differ


class Programmes:
    """What the pages of the active index are about, for labelling an answer's quotes and splitting it.

    Args:
        catalog: The active index.
    """

    def __init__(self, catalog: Catalog) -> None:
        self._catalog = catalog

    def facts(self, chunk: Chunk) -> Facts:
        """The programme facts of the page ``chunk`` stands in (none when its title names no programme)."""
        original = self._catalog.original(chunk.group_id) or chunk
        return programme_facts(self._catalog.facts(chunk.group_id), original.title)

    def _page(self, chunk: Chunk) -> str:
        return (self._catalog.original(chunk.group_id) or chunk).doc_id

    def differ(self, excerpts: list[Excerpt], hits: list[Hit]) -> bool:
        """Whether the quoted pages and the best hits' pages are about different programmes."""
        chunks = [excerpt.chunk for excerpt in excerpts]
        chunks += [self._catalog.groups[hit.group_id][0] for hit in hits[:_TOP_PAGES]]
        return differ(self.facts(chunk) for chunk in chunks)

    def notes(self, excerpts: list[Excerpt], language: Language) -> list[str | None]:
        """For each excerpt, the sentence saying which programme its page is about (None for a general page)."""
        return [applies_to(self.facts(excerpt.chunk), language) for excerpt in excerpts]

    def split(
        self, *, candidates: list[Candidate], question: str, score_words: ScoreFn
    ) -> tuple[list[Excerpt], list[Excerpt]] | None:
        """The quotes of the best page and of another programme's page, when both answer the question and
        give different values (60 days against 90); None otherwise.

        Args:
            candidates: Scored sentences, best first.
            question: The question as asked (what it asks for decides what counts as disagreeing).
            score_words: Share of the question's words that a text contains.
        """
        if not candidates:
            return None
        best = self.facts(candidates[0].chunk)
        if best.empty:
            return None
        close = takewhile(lambda c: c.score >= _RIVAL * candidates[0].score, candidates[1:])
        rival = next((c for c in close if self._other_programme(best, c.chunk)), None)
        if rival is None:
            return None
        ours = self._quotes(candidates, candidates[0].chunk, question, score_words)
        theirs = self._quotes(candidates, rival.chunk, question, score_words)
        if not disagree(question, _quoted(ours), _quoted(theirs)):
            return None
        return ours, theirs

    def _other_programme(self, best: Facts, chunk: Chunk) -> bool:
        facts = self.facts(chunk)
        return not facts.empty and not same_programme(best, facts)

    def _quotes(
        self, candidates: list[Candidate], chunk: Chunk, question: str, score_words: ScoreFn
    ) -> list[Excerpt]:
        page = self._page(chunk)
        own = [candidate for candidate in candidates if self._page(candidate.chunk) == page]
        return select_sentences(
            catalog=self._catalog, candidates=own, score_words=score_words, question=question
        )


def _quoted(excerpts: list[Excerpt]) -> str:
    return " ".join(sentence for excerpt in excerpts for sentence in excerpt.sentences)


def programme_quotes(
    programmes: Programmes,
    split: tuple[list[Excerpt], list[Excerpt]],
    citations: Mapping[str, Citation],
    language: Language,
) -> tuple[ProgrammeQuote, ...]:
    """Each side of a split answer as a labelled quote with its citation (``citations`` by passage text).

    A side is labelled with its programme; with its page's title when the programmes' labels read alike.
    """
    cited = [citations[side[0].chunk.text] for side in split]
    labels = [label(programmes.facts(side[0].chunk), language) for side in split]
    if None in labels or len(set(labels)) < len(labels):
        labels = [citation.title for citation in cited]
    return tuple(
        ProgrammeQuote(label=str(name), quote=quote_of(side), citation=citation)
        for name, side, citation in zip(labels, split, cited, strict=True)
    )
