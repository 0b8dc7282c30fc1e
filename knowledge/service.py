"""The answer engine's one typed entry point: ``KnowledgeService.answer(Question) -> Answer``."""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

from core.language import Language
from knowledge.answering.extractive import (
    Candidate,
    Excerpt,
    ScoreFn,
    passage_for,
    score_candidates,
    select_sentences,
)
from knowledge.answering.formatting import compose_body, source_line, with_sources
from knowledge.answering.messages import text
from knowledge.catalog import Catalog
from knowledge.language import detect_language
from knowledge.models import Answer, AnswerKind, Citation, Question
from knowledge.retrieval import Hit, QueryTerms, Retriever

if TYPE_CHECKING:  # LangChain is imported only when a deployment switches generative answers on
    from knowledge.answering.generative import GenerativeAnswerer

_SOURCES = 3
_FOLLOW_UP_WORDS = 3


def clean_question(raw: str) -> str:
    """The question without control characters and with white space folded."""
    printable = "".join(char for char in raw if unicodedata.category(char)[0] != "C" or char in "\n\t")
    return " ".join(printable.split())


class KnowledgeService:
    """Answers questions from the guidance, grounded and cited, or declines.

    Args:
        retriever: Hybrid retriever over the active index.
        threshold: Minimum share of the question's words the best passages must contain to answer.
        contact: Where to send people when the guidance has no answer.
        max_chars: Longer questions are refused politely.
        generator: Optional LLM answerer; extractive answers are the fallback.
    """

    def __init__(
        self,
        *,
        retriever: Retriever,
        threshold: float,
        contact: str,
        max_chars: int = 4000,
        generator: GenerativeAnswerer | None = None,
    ) -> None:
        self.retriever = retriever
        self._threshold = threshold
        self._contact = contact
        self._max_chars = max_chars
        self._generator = generator

    @property
    def catalog(self) -> Catalog:
        """The index generation this service answers from."""
        return self.retriever.catalog

    def answer(self, question: Question) -> Answer:
        """Answer ``question`` from the knowledge base, in the asker's language."""
        raw = question.text or ""
        cleaned = clean_question(raw[: self._max_chars + 1])
        language = question.language or detect_language(cleaned)
        problem = self._invalid(raw, cleaned, language)
        if problem is not None:
            return problem
        query, hits = self._search(cleaned, language, question.context)
        confidence = max((hit.coverage for hit in hits[:_SOURCES]), default=0.0)
        if not query.words:
            return self._reply(cleaned, language, text("no_words", language), AnswerKind.INVALID)
        if not hits or confidence < self._threshold:
            abstain = text("abstain", language, contact=self._contact)
            return self._reply(cleaned, language, abstain, AnswerKind.ABSTAINED, confidence=confidence)
        return self._grounded(cleaned, language, query, hits, confidence)

    def ranked_passages(self, question: str, *, k: int = 5) -> list[str]:
        """Texts of the ``k`` best passage groups (every language version joined), best first."""
        cleaned = clean_question(question)
        _, hits = self._search(cleaned, detect_language(cleaned), ())
        return [" ".join(chunk.text for chunk in self.catalog.groups[hit.group_id]) for hit in hits[:k]]

    def _invalid(self, raw: str, cleaned: str, language: Language) -> Answer | None:
        if len(raw) > self._max_chars:
            message = text("too_long", language, length=len(raw), limit=self._max_chars)
            return self._reply(cleaned[:200], language, message, AnswerKind.INVALID)
        if not cleaned:
            return self._reply("", language, text("empty", language), AnswerKind.INVALID)
        if not any(char.isalnum() for char in cleaned):
            return self._reply(cleaned, language, text("no_words", language), AnswerKind.INVALID)
        return None

    def _search(
        self, cleaned: str, language: Language, context: tuple[str, ...]
    ) -> tuple[QueryTerms, list[Hit]]:
        query, hits = self.retriever.search(cleaned, language)
        if context and len(query.words) < _FOLLOW_UP_WORDS:
            # A short follow-up ("and for partners?") borrows the words of the thread's last question.
            joined, joined_hits = self.retriever.search(f"{context[-1]} {cleaned}", language)
            if joined_hits and (not hits or joined_hits[0].coverage >= hits[0].coverage):
                return joined, joined_hits
        return query, hits

    def _grounded(
        self, question: str, language: Language, query: QueryTerms, hits: list[Hit], confidence: float
    ) -> Answer:
        candidates = self._candidates(question, language, query, hits)
        score_words = self._word_scorer(query)
        excerpts = select_sentences(catalog=self.catalog, candidates=candidates, score_words=score_words)
        citations = self._citations(hits, language, excerpts)
        by_text = {citation.text: citation for citation in citations}
        cited = [by_text[e.chunk.text] for e in excerpts if e.chunk.text in by_text] or citations[:1]
        if self._generator is not None:
            passages = [passage_for(self.catalog, hit, language) for hit in hits[:_SOURCES]]
            generated = self._generator.generate(question, language, passages)
            if generated is not None:
                body = "\n\n".join([generated, "\n".join(source_line(c, language) for c in citations)])
                return self._reply(
                    question, language, body, AnswerKind.GENERATIVE, citations, confidence
                ).model_copy(update={"body": generated, "cited": tuple(citations)})
        body = compose_body(excerpts, language)
        text_with_sources = with_sources(body, cited, language)
        answer = self._reply(question, language, text_with_sources, AnswerKind.EXTRACTIVE, citations, confidence)
        return answer.model_copy(update={"body": body, "cited": tuple(dict.fromkeys(cited))})

    def _word_scorer(self, query: QueryTerms) -> ScoreFn:
        return lambda passage, lang: self.retriever.text_coverage(query, passage, lang)

    def _candidates(
        self, question: str, language: Language, query: QueryTerms, hits: list[Hit]
    ) -> list[Candidate]:
        """The top passages' sentences scored as answers."""
        return score_candidates(
            catalog=self.catalog,
            question=question,
            hits=hits,
            language=language,
            score_words=self._word_scorer(query),
            similarity=self.retriever.similarities,
        )

    def _citations(self, hits: list[Hit], language: Language, excerpts: list[Excerpt]) -> list[Citation]:
        chosen = [excerpt.chunk.group_id for excerpt in excerpts]
        ordered = [hit.group_id for hit in hits[:_SOURCES]]
        ordered += [group for group in chosen if group not in ordered]
        scores = {hit.group_id: hit.score for hit in hits}
        citations = []
        for group in ordered:
            chunk = self.catalog.version(group, language) or self.catalog.original(group)
            original = self.catalog.original(group)
            if chunk is None:
                continue
            is_rendering = original is not None and original.chunk_id != chunk.chunk_id
            citations.append(
                Citation(
                    title=chunk.title,
                    url=chunk.url,
                    section=chunk.section,
                    text=chunk.text,
                    score=round(scores.get(group, 0.0), 4),
                    language=chunk.language,
                    updated=chunk.updated,
                    official=chunk.official,
                    original_text=original.text if is_rendering and original else None,
                    original_title=original.title if is_rendering and original else None,
                    original_url=original.url if is_rendering and original else None,
                )
            )
        return citations

    @staticmethod
    def _reply(
        question: str,
        language: Language,
        body: str,
        kind: AnswerKind,
        citations: list[Citation] | None = None,
        confidence: float = 0.0,
    ) -> Answer:
        return Answer(
            question=question,
            text=body,
            language=language,
            kind=kind,
            citations=tuple(citations or ()),
            confidence=round(confidence, 4),
        )
