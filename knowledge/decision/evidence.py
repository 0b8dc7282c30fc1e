"""Gathering the decline signals of a question from what retrieval and sentence selection found."""

from __future__ import annotations

from knowledge.answering.citations import SOURCES
from knowledge.answering.extractive import Candidate, Excerpt
from knowledge.coverage import QueryTerms
from knowledge.decision.signals import Signals, kind_signals, margin, required_missing, word_signal
from knowledge.retrieval import Hit, Retriever


def gather_signals(
    retriever: Retriever,
    question: str,
    query: QueryTerms,
    hits: list[Hit],
    candidates: list[Candidate],
    excerpts: list[Excerpt],
) -> Signals:
    """The evidence the decline model weighs (see :class:`knowledge.decision.signals.Signals`)."""
    catalog = retriever.catalog
    quote = " ".join(sentence for excerpt in excerpts for sentence in excerpt.sentences)
    best = candidates[0].units[candidates[0].index].sentence if candidates else ""
    given, missing = kind_signals(question, quote)
    top = hits[:SOURCES]
    passages = [" ".join(c.text for c in catalog.groups.get(h.group_id, [])) for h in top]
    return Signals(
        coverage=max((hit.coverage for hit in top), default=0.0),
        margin=margin(hits[0].score, hits[1].score if len(hits) > 1 else 0.0),
        dense_passage=hits[0].dense or retriever.passage_similarity(question, hits[0].group_id),
        dense_sentence=retriever.similarities(question, [best])[0] if best else 0.0,
        agreement=hits[0].agreement,
        kind_given=given,
        kind_missing=missing,
        question_words=word_signal(len(query.words)),
        required_missing=required_missing(question, passages),
    )
