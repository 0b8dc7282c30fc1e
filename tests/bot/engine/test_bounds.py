"""The engine bounds every message before analysing it: valid Unicode, and the length checked first."""

from __future__ import annotations

from bot.engine.bounds import valid_text
from bot.engine.conversation import Engine
from bot.engine.models import IncomingMessage
from core.language import Language, Platform
from knowledge.models import Answer, AnswerKind, Question
from workflows.display import shown_name


class _Answerer:
    """The answer engine's side of the contract: records the questions it gets."""

    def __init__(self) -> None:
        self.questions: list[Question] = []

    def answer(self, question: Question) -> Answer:
        self.questions.append(question)
        return Answer(
            question=question.text[:50],
            text="ok",
            language=question.language or Language.NB,
            kind=AnswerKind.INVALID,
        )


class _Commands:
    def __init__(self) -> None:
        self.seen: list[str] = []

    def try_handle(self, message: IncomingMessage, *, language: Language) -> None:
        self.seen.append(message.text)

    def resume_hint(self, message: IncomingMessage, *, language: Language) -> None:
        return None


def _message(text: str) -> IncomingMessage:
    return IncomingMessage(user_id="U1", channel_id="C1", text=text, platform=Platform.SLACK)


def test_lone_surrogates_become_replacement_characters_before_language_detection():
    answerer = _Answerer()
    Engine(knowledge=answerer).handle(
        _message("When is the final report due \ud800 in Mobility Tool \udfff?")
    )
    [question] = answerer.questions
    assert question.text == "When is the final report due \ufffd in Mobility Tool \ufffd?"
    assert question.language is Language.EN


def test_valid_text_keeps_valid_text_and_joins_a_surrogate_pair():
    assert valid_text("Hei på deg 😀") == "Hei på deg 😀"
    assert valid_text("\ud83d\ude00") == "😀"


def test_valid_text_drops_the_characters_that_mark_a_person_in_replies():
    assert valid_text("Escola \ue000UBOSS\ue001 Azul") == "Escola UBOSS Azul"


def test_a_message_over_the_limit_goes_straight_to_the_refusal_without_the_commands():
    answerer, commands = _Answerer(), _Commands()
    long = "project add " + "a" * 10_000
    Engine(knowledge=answerer, commands=commands, max_chars=4000).handle(_message(long))
    assert commands.seen == [] and answerer.questions[0].text == long


def test_names_that_look_like_addresses_are_shown_without_becoming_links():
    assert shown_name("Escola Azul") == "Escola Azul"
    assert shown_name("St. Olav") == "St. Olav"
    assert shown_name("evil.com") == "evil.\u2060com"
    assert shown_name("https://x.no/a") == "https:\u2060/\u2060/\u2060x.\u2060no/\u2060a"
    assert shown_name("a@b.no") == "a@\u2060b.\u2060no"
