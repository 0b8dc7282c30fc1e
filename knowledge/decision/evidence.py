"""Gathering the decline signals of a question from what retrieval and sentence selection found."""

from __future__ import annotations

from knowledge.answering.citations import SOURCES
from knowledge.answering.extractive import Candidate, Excerpt
from knowledge.coverage import QueryTerms
from knowledge.decision.signals import Signals, kind_signals, margin, required_missing, word_signal
from knowledge.models import Language
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
    best = candidates[0] if candidates else None
    # A Norwegian question's rendering is English: it is compared with an English-only passage too.
    english_only = catalog.version(hits[0].group_id, query.language) is None and query.language is Language.NB
    passage_anchors = [question, query.rendering] if english_only and query.translated else [question]
    given, missing = kind_signals(question, quote)
    top = hits[:SOURCES]
    passages = [" ".join(c.text for c in catalog.groups.get(h.group_id, [])) for h in top]
    gloss = _sentence_gloss(retriever, query, best) if best else ""
    return Signals(
        coverage=max((hit.coverage for hit in top), default=0.0),
        margin=margin(hits[0].score, hits[1].score if len(hits) > 1 else 0.0),
        dense_passage=hits[0].dense
        or max(retriever.passage_similarity(anchor, hits[0].group_id) for anchor in passage_anchors),
        dense_sentence=_sentence_meaning(retriever, question, query, best, gloss) if best else 0.0,
        sentence_coverage=_sentence_coverage(retriever, query, best, gloss) if best else 0.0,
        agreement=hits[0].agreement,
        kind_given=given,
        kind_missing=missing,
        question_words=word_signal(len(query.words)),
        missing_key=retriever.words.missing_key(query, [hit.group_id for hit in top]),
        unknown_words=retriever.words.unknown_share(query),
        english=float(query.language is Language.EN),
        required_missing=required_missing(question, passages),
    )


def _sentence_gloss(retriever: Retriever, query: QueryTerms, best: Candidate) -> str:
    """The quoted sentence glossed in the question's language ("" when it is written in it): glossed once,
    read by both the meaning-match and the coverage of the sentence."""
    if best.chunk.language is query.language:
        return ""
    return retriever.gloss(best.sentence, best.chunk.language, doc_id=best.chunk.doc_id)


def _sentence_meaning(
    retriever: Retriever, question: str, query: QueryTerms, best: Candidate, gloss: str
) -> float:
    """Meaning-match of the question and the quoted sentence, compared in English where they differ in
    language (the embedding model reads English only): a Norwegian question's rendering against an English
    sentence, an English question against a Norwegian sentence's ``gloss``."""
    sentence = best.sentence
    pairs = [(question, sentence)]
    if best.chunk.language is not query.language:
        if query.language is Language.NB and query.translated:
            pairs.append((query.rendering, sentence))
        elif query.language is Language.EN:
            pairs.append((question, gloss))
    return max(retriever.similarities(anchor, [text])[0] for anchor, text in pairs)


def _sentence_coverage(retriever: Retriever, query: QueryTerms, best: Candidate, gloss: str) -> float:
    """How much of the question the quoted sentence holds, with its bridge as a passage is scored with its
    own: a Nynorsk sentence with its Bokmål word forms, a sentence in the other language with its ``gloss``."""
    sentence, language, page = best.sentence, best.chunk.language, best.chunk.doc_id
    texts = [(retriever.bridge.bokmal(sentence, page) if retriever.bridge else sentence, language)]
    if gloss:
        texts.append((gloss, query.language))
    return retriever.words.of_texts(query, texts)
