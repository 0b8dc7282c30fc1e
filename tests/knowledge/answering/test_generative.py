"""Generative answers through LangChain fake chat models (no network), and the extractive fallback."""

from __future__ import annotations

import time
from typing import Any

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel, GenericFakeChatModel
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, SystemMessage
from langchain_core.outputs import ChatResult
from pydantic import Field

from core.language import Language
from knowledge.answering.generative import GenerativeAnswerer, build_messages
from knowledge.bootstrap import KnowledgeBase
from knowledge.models import AnswerKind, Chunk, Question
from knowledge.service import KnowledgeService

QUESTION = "Kan vi flytte penger mellom budsjettpostene?"


class RecordingChatModel(FakeListChatModel):
    """Replies from a list and keeps every prompt it was sent."""

    prompts: list[list[BaseMessage]] = Field(default_factory=list)

    def _generate(self, messages: list[BaseMessage], *args: Any, **kwargs: Any) -> ChatResult:
        self.prompts.append(list(messages))
        return super()._generate(messages, *args, **kwargs)


class FailingChatModel(FakeListChatModel):
    """A provider that is down."""

    def _generate(self, messages: list[BaseMessage], *args: Any, **kwargs: Any) -> ChatResult:
        raise ConnectionError("provider unavailable")


class SlowChatModel(FakeListChatModel):
    """A provider that answers, but too late."""

    delay: float = 1.0

    def _generate(self, messages: list[BaseMessage], *args: Any, **kwargs: Any) -> ChatResult:
        time.sleep(self.delay)
        return super()._generate(messages, *args, **kwargs)


def _service(kb: KnowledgeBase, model: Any, *, timeout: float = 5.0) -> KnowledgeService:
    return KnowledgeService(
        retriever=kb.retriever(),
        contact="erasmuspluss@hkdir.no",
        generator=GenerativeAnswerer(model=model, timeout_seconds=timeout),
    )


def _passage(text: str) -> Chunk:
    return Chunk(
        chunk_id="d#0.0",
        doc_id="d",
        text=text,
        title="Skoleutvekslingspartnerskap",
        section="Endringer",
        url=None,
        language=Language.NB,
        updated=None,
        position=0,
        group_id="d#0.0",
    )


def test_prompt_numbers_the_passages_and_fences_the_question() -> None:
    system, human = build_messages("Hva gjelder?", Language.EN, [_passage("Første."), _passage("Andre.")])

    assert isinstance(system, SystemMessage) and isinstance(human, HumanMessage)
    assert "answer in English" in str(system.content) and "NO_ANSWER" in str(system.content)
    assert "[1] Skoleutvekslingspartnerskap › Endringer\nFørste." in str(human.content)
    assert "[2] Skoleutvekslingspartnerskap › Endringer\nAndre." in str(human.content)
    assert str(human.content).endswith("<question>\nHva gjelder?\n</question>")


@pytest.mark.parametrize("reply", ["", "   ", "NO_ANSWER", "Beklager. NO_ANSWER"])
def test_empty_or_declining_replies_give_none(reply: str) -> None:
    answerer = GenerativeAnswerer(model=FakeListChatModel(responses=[reply]))

    assert answerer.generate("Hva?", Language.NB, [_passage("Tekst.")]) is None


def test_a_slow_model_is_not_waited_for() -> None:
    answerer = GenerativeAnswerer(
        model=SlowChatModel(responses=["For sent."], delay=2.0), timeout_seconds=0.2
    )
    started = time.monotonic()

    assert answerer.generate("Hva?", Language.NB, [_passage("Tekst.")]) is None
    assert time.monotonic() - started < 1.5


def test_generated_text_is_used_with_the_extractive_citations(
    shipped_kb: KnowledgeBase, service: KnowledgeService
) -> None:
    reply = "Ja, dere kan flytte midler mellom budsjettposter etter kontrakten [1]."
    model = GenericFakeChatModel(messages=iter([AIMessage(content=reply)]))

    answer = _service(shipped_kb, model).answer(Question(text=QUESTION))

    extractive = service.answer(Question(text=QUESTION))
    assert answer.kind is AnswerKind.GENERATIVE
    assert answer.text.startswith(reply + "\n\n")
    assert "Kilde: Skoleutvekslingspartnerskap › Endringer – https://erasmuspluss.no/" in answer.text
    assert answer.citations == extractive.citations
    assert answer.confidence == extractive.confidence


def test_prompt_sent_holds_the_passages_and_the_question(shipped_kb: KnowledgeBase) -> None:
    model = RecordingChatModel(responses=["Ja [1]."])

    _service(shipped_kb, model).answer(Question(text=QUESTION))

    assert len(model.prompts) == 1
    system, human = model.prompts[0]
    assert "Norwegian Bokmål" in str(system.content)
    assert "<question>\n" + QUESTION + "\n</question>" in str(human.content)
    assert "flytte midler mellom budsjettposter" in str(human.content)
    assert "[1] Skoleutvekslingspartnerskap › Endringer" in str(human.content)


@pytest.mark.parametrize(
    ("model", "timeout"),
    [
        (FailingChatModel(responses=["unused"]), 5.0),
        (SlowChatModel(responses=["For sent."], delay=2.0), 0.2),
        (FakeListChatModel(responses=["NO_ANSWER"]), 5.0),
    ],
    ids=["raises", "times-out", "declines"],
)
def test_model_trouble_falls_back_to_the_extractive_answer(
    shipped_kb: KnowledgeBase, service: KnowledgeService, model: Any, timeout: float
) -> None:
    answer = _service(shipped_kb, model, timeout=timeout).answer(Question(text=QUESTION))

    assert answer == service.answer(Question(text=QUESTION))
    assert answer.kind is AnswerKind.EXTRACTIVE
    assert "flytte midler mellom budsjettposter" in answer.text


def test_model_is_not_asked_when_the_guidance_has_no_answer(shipped_kb: KnowledgeBase) -> None:
    model = RecordingChatModel(responses=["Ja, reiseforsikring dekkes."])

    answer = _service(shipped_kb, model).answer(Question(text="Dekker Erasmus+ reiseforsikring?"))

    assert answer.kind is AnswerKind.ABSTAINED
    assert model.prompts == []


def test_a_follow_up_continues_the_earlier_quote_without_asking_the_model_again(
    shipped_kb: KnowledgeBase,
) -> None:
    model = RecordingChatModel(responses=["Svaret [1]."])
    service = _service(shipped_kb, model)

    follow_up = service.answer(
        Question(text="hva skjer så?", language=Language.NB, context=("Hva er fristen for sluttrapporten?",))
    )

    assert follow_up.kind is AnswerKind.EXTRACTIVE and "Mobility Tool+" in follow_up.text
    assert model.prompts == []  # the earlier question is re-read for its quote, not answered again
