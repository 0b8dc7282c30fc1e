"""The answer engine's one typed entry point: ``KnowledgeService.answer(Question) -> Answer``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from core.language import Language
from knowledge.answering.citations import SOURCES, citations_for, one_per_source
from knowledge.answering.continuation import continuation, in_language
from knowledge.answering.counted_deadline import deadline_line
from knowledge.answering.extractive import (
    SHIPPED_WEIGHTS,
    Candidate,
    Excerpt,
    QuoteWeights,
    ScoreFn,
    passage_for,
    score_candidates,
    select_sentences,
)
from knowledge.answering.formatting import (
    as_generated,
    compose_body,
    compose_split,
    other_language_only,
    quote_of,
    split_lead,
    with_sources,
)
from knowledge.answering.meaning import meaning_anchors
from knowledge.answering.messages import text
from knowledge.answering.variants import Programmes, programme_quotes
from knowledge.assessment import Assessment
from knowledge.catalog import Catalog
from knowledge.coverage import QueryTerms
from knowledge.decision.evidence import gather_signals
from knowledge.decision.model import DeclineModel, load_model
from knowledge.decision.signals import Signals
from knowledge.language import detect_language
from knowledge.models import Answer, AnswerKind, Citation, ProgrammeSplit, Question
from knowledge.page_facts import facts_for
from knowledge.retrieval import Hit, Retriever
from knowledge.text.cleaning import clean_question
from knowledge.text.question_words import asks_what_follows, only_asks_what_follows
from knowledge.word_language import content_words, language_of_words

if TYPE_CHECKING:  # LangChain is imported only when a deployment switches generative answers on
    from knowledge.answering.generative import GenerativeAnswerer

_FOLLOW_UP_WORDS = 3


class KnowledgeService:
    """Answers questions from the guidance, grounded and cited, or declines.

    Args:
        retriever: Hybrid retriever over the active index.
        threshold: Minimum probability (from the decline model) that the guidance covers the question;
            0 never declines; None: the model's own for the question's language (chosen by cross-validation
            when it was fitted).
        contact: Where to send people when the guidance has no answer.
        max_chars: Longer questions are refused politely.
        generator: Optional LLM answerer; extractive answers are the fallback.
        model: The decline model (the shipped one by default).
        quote_weights: How much a passage's retrieval score and giving the kind of answer asked for ("who" →
            a role) count in choosing the sentence to quote.
    """

    def __init__(
        self,
        *,
        retriever: Retriever,
        threshold: float | None = None,
        contact: str,
        max_chars: int = 4000,
        generator: GenerativeAnswerer | None = None,
        model: DeclineModel | None = None,
        quote_weights: QuoteWeights = SHIPPED_WEIGHTS,
    ) -> None:
        self.retriever = retriever
        self._quote_weights = quote_weights
        self._model = model or load_model()
        if threshold is not None:  # a deployment's threshold holds for every language
            self._model = self._model.model_copy(update={"threshold": threshold, "thresholds": {}})
        self._contact = contact
        self._max_chars = max_chars
        self._generator = generator

    @property
    def catalog(self) -> Catalog:
        """The index generation this service answers from."""
        return self.retriever.catalog

    def answer(self, question: Question) -> Answer:
        """Answer ``question`` from the knowledge base, in the asker's language."""
        return self.assess(question).answer

    def assess(self, question: Question, *, generate: bool = True) -> Assessment:
        """The answer to ``question`` with the signals and the probability the decision rested on (``generate``:
        whether a configured LLM writes the answer; a thread's earlier question is re-read without it)."""
        raw = question.text or ""
        cleaned = clean_question(raw[: self._max_chars + 1])
        language = question.language or self._language_of(cleaned, question.usual_language)
        problem = self._invalid(raw, cleaned, language)
        if problem is not None:
            return Assessment(answer=problem)
        if question.context and asks_what_follows(cleaned):
            followed = self._what_follows(cleaned, language, question.context)
            if followed is not None:
                return followed
        elif only_asks_what_follows(cleaned, self._known):  # "and then?" with nothing said before it
            return Assessment(
                self._reply(cleaned, language, text("follows_nothing", language), AnswerKind.INVALID)
            )
        query, hits = self._search(cleaned, language, question.context, question.project)
        if not query.words:
            return Assessment(
                answer=self._reply(cleaned, language, text("no_words", language), AnswerKind.INVALID)
            )
        if not hits:
            return Assessment(answer=self._abstain(cleaned, language, 0.0))
        grounded, signals, excerpts = self._grounded(cleaned, language, query, hits, question)
        probability = self._model.probability(signals)
        if probability < self._model.threshold_for(language):
            answer = self._abstain(cleaned, language, probability)
        else:
            answer = grounded.model_copy(update={"confidence": round(probability, 4)})
            if self._generator is not None and generate:
                answer = self._generated(answer, language, hits) or answer
        return Assessment(answer, grounded, signals, probability, tuple(excerpts), tuple(hits))

    def _language_of(self, cleaned: str, usual: Language | None) -> Language:
        """A question's language when the asker did not give one: detected from its sentence, or, where the
        chat found no sentence to read («frist?»), told by its words, else the asker's ``usual`` one."""
        if usual is None:
            return detect_language(cleaned)
        return language_of_words(content_words(cleaned), self.retriever.words.knows) or usual

    def _what_follows(self, question: str, language: Language, context: tuple[str, ...]) -> Assessment | None:
        """A thread follow-up asking what comes next ("what happens after that?"): the sentences that follow
        the earlier answer's quote in its page. The earlier question's decision stands for it; None when that
        question was declined or the page ends with the quote (the follow-up is then judged on its own)."""
        before = self._earlier(clean_question(context[-1]), language, context[:-1])
        if before is None:
            return None
        after = continuation(self.catalog, list(before.excerpts))
        if after is None:
            return None
        after = in_language(self.catalog, after, language)
        answer = self._extractive(question, language, list(before.hits), [after])
        answer = answer.model_copy(update={"confidence": round(before.probability, 4)})
        return Assessment(answer, answer, before.signals, before.probability, (after,), before.hits)

    def _earlier(self, earlier: str, language: Language, context: tuple[str, ...]) -> Assessment | None:
        """The answer the follow-up continues: the earlier question read in its own language, else in the
        follow-up's («frist?» before "what happens after that?"); None when it was declined either way."""
        for reading in dict.fromkeys([self._language_of(earlier, None), language]):
            before = self.assess(Question(text=earlier, language=reading, context=context), generate=False)
            if before.answer.kind is AnswerKind.EXTRACTIVE and before.signals is not None:
                return before
        return None

    def _known(self, word: str) -> bool:
        """Whether the pages (or the glossary) have ``word`` in either language."""
        return any(self.retriever.words.knows(word, language) for language in Language)

    def _abstain(self, question: str, language: Language, probability: float) -> Answer:
        body = text("abstain", language, contact=self._contact)
        return self._reply(question, language, body, AnswerKind.ABSTAINED, confidence=probability)

    def ranked_passages(self, question: str, *, k: int = 5, project: str | None = None) -> list[str]:
        """Texts of the ``k`` best passage groups (every language version joined), best first."""
        cleaned = clean_question(question)
        _, hits = self._search(cleaned, detect_language(cleaned), (), project)
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
        self, cleaned: str, language: Language, context: tuple[str, ...], project: str | None = None
    ) -> tuple[QueryTerms, list[Hit]]:
        query, hits = self.retriever.search(cleaned, language, project=project)
        if context and len(query.words) < _FOLLOW_UP_WORDS:
            # A short follow-up ("and for partners?") borrows the words of the thread's last question.
            joined, joined_hits = self.retriever.search(f"{context[-1]} {cleaned}", language, project=project)
            if joined_hits and (not hits or joined_hits[0].coverage >= hits[0].coverage):
                return joined, joined_hits
        return query, hits

    def _grounded(
        self, question: str, language: Language, query: QueryTerms, hits: list[Hit], asked: Question
    ) -> tuple[Answer, Signals, list[Excerpt]]:
        candidates = self._candidates(question, language, query, hits)
        score_words = self._word_scorer(query)
        excerpts = select_sentences(
            catalog=self.catalog, candidates=candidates, score_words=score_words, question=question
        )
        programmes = Programmes(self.catalog)
        split, notes = None, []
        if facts_for(" ".join((*asked.context, question)), asked.project).empty:
            # A question that names no programme (nor does its project), answered from pages for different
            # ones: say which programme each quote is from, or show both when they give different values.
            split = programmes.split(candidates=candidates, question=question, score_words=score_words)
            notes = programmes.notes(excerpts, language) if programmes.differ(excerpts, hits) else []
        signals = gather_signals(self.retriever, question, query, hits, candidates, excerpts)
        if split is None:
            return self._extractive(question, language, hits, excerpts, notes=notes), signals, excerpts
        quoted = [*split[0], *split[1]]
        citations = citations_for(self.catalog, hits, language, quoted)
        by_text = {citation.text: citation for citation in citations}
        lead = split_lead(language, other_language=other_language_only(quoted, language))
        shown = ProgrammeSplit(lead=lead, quotes=programme_quotes(programmes, split, by_text, language))
        body, full = compose_split(shown, language)
        answer = self._extractive(question, language, hits, quoted).model_copy(
            update={"text": full, "body": body, "split": shown}
        )
        return answer, signals, excerpts

    def _extractive(
        self,
        question: str,
        language: Language,
        hits: list[Hit],
        quoted: list[Excerpt],
        *,
        notes: Sequence[str | None] = (),
    ) -> Answer:
        """The answer that quotes ``quoted``, with one source line per page section it quotes."""
        citations = citations_for(self.catalog, hits, language, quoted)
        by_text = {citation.text: citation for citation in citations}
        cited = one_per_source(
            [by_text[e.chunk.text] for e in quoted if e.chunk.text in by_text] or citations[:1]
        )
        body = compose_body(quoted, language, notes=notes)
        counted = deadline_line(question, quote_of(quoted), language)  # "that is 30 October 2025"
        body = f"{body}\n\n{counted}" if counted else body
        return Answer(
            question=question,
            text=with_sources(body, cited, language),
            language=language,
            kind=AnswerKind.EXTRACTIVE,
            citations=tuple(citations),
            body=body,
            cited=tuple(dict.fromkeys(cited)),
        )

    def _generated(self, answer: Answer, language: Language, hits: list[Hit]) -> Answer | None:
        """The LLM's answer over the same passages, or None when it gave none."""
        assert self._generator is not None
        passages = [passage_for(self.catalog, hit, language) for hit in hits[:SOURCES]]
        generated = self._generator.generate(answer.question, language, passages)
        return None if generated is None else as_generated(answer, generated, language)

    def _word_scorer(self, query: QueryTerms) -> ScoreFn:
        return lambda passage, lang: self.retriever.words.of_text(query, passage, lang)

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
            weights=self._quote_weights,
            anchors=self._anchors(question, query),
        )

    @staticmethod
    def _anchors(question: str, query: QueryTerms) -> dict[Language, str]:
        return meaning_anchors(question, query.language, query.rendering if query.translated else "")

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
