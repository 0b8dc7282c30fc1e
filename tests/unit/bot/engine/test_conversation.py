"""The conversation engine over the in-memory memory twin: follow-ups read in their thread's context, each
person's language kept for short commands, and typed answer replies (body and citations kept apart)."""

from __future__ import annotations

from datetime import date

from bot.engine.conversation import Engine
from bot.engine.models import IncomingMessage, Reply, ReplyKind
from core.language import Language, Platform
from core.memory import InMemoryConversationMemory
from knowledge.models import Answer, AnswerKind, Citation, Question

CITATION = Citation(
    title="Sluttrapport", url="https://example.org/s", section="Frist", text="Innen 60 dager.", score=0.9,
    language=Language.NB, updated=date(2024, 1, 3),
)  # fmt: skip


class RecordingAnswerer:
    """Stands in for the knowledge service (not the unit under test): records the questions it gets."""

    def __init__(self) -> None:
        self.questions: list[Question] = []

    def answer(self, question: Question) -> Answer:
        self.questions.append(question)
        language = question.language or question.usual_language or Language.NB
        body = f"Svar på {question.text}"
        return Answer(
            question=question.text, text=f"{body}\n\nKilde: Sluttrapport", language=language,
            kind=AnswerKind.EXTRACTIVE, citations=(CITATION,), body=body, cited=(CITATION, CITATION),
        )  # fmt: skip


class NoCommands:
    def __init__(self, hint: str | None = None, project: str | None = None) -> None:
        self.hint = hint
        self.project = project

    def try_handle(self, message: IncomingMessage, *, language: Language) -> Reply | None:
        return (
            Reply.notice(f"command in {language.value}", language) if message.text.startswith("/") else None
        )

    def resume_hint(self, message: IncomingMessage, *, language: Language) -> str | None:
        return self.hint

    def default_language(self, message: IncomingMessage) -> Language | None:
        return None

    def project_number(self, message: IncomingMessage) -> str | None:
        return self.project


def message(text: str, *, user: str = "U1", thread: str | None = "1.0") -> IncomingMessage:
    return IncomingMessage(
        user_id=user, channel_id="C1", text=text, platform=Platform.SLACK, thread_id=thread
    )


def test_an_answer_is_typed_data_with_its_body_citations_and_hint_apart() -> None:
    engine = Engine(knowledge=RecordingAnswerer(), commands=NoCommands(hint="Du er på steg 2 av 6."))
    reply = engine.handle(message("Når er fristen for sluttrapporten?"))
    assert reply.kind is ReplyKind.ANSWER and not reply.private and reply.text == ""
    assert reply.answer is not None and reply.answer.body == "Svar på Når er fristen for sluttrapporten?"
    assert reply.answer.citations == (CITATION,)  # each cited passage once
    assert reply.hint == "Du er på steg 2 av 6."


def test_a_question_asked_in_a_projects_channel_carries_its_number() -> None:
    answerer = RecordingAnswerer()
    Engine(knowledge=answerer, commands=NoCommands(project="2023-1-NO01-KA210-SCH-000123456")).handle(
        message("Når er fristen for sluttrapporten?")
    )
    Engine(knowledge=answerer).handle(message("Når er fristen for sluttrapporten?"))

    assert answerer.questions[0].project == "2023-1-NO01-KA210-SCH-000123456"
    assert answerer.questions[1].project is None


def test_follow_ups_are_read_in_their_threads_context_which_two_engines_share() -> None:
    memory, answerer = InMemoryConversationMemory(), RecordingAnswerer()
    first, second = Engine(knowledge=answerer, memory=memory), Engine(knowledge=answerer, memory=memory)
    first.handle(message("Når er fristen for sluttrapporten?"))
    second.handle(message("Og for partnerne?"))
    second.handle(message("Something else entirely here", thread="2.0"))
    assert answerer.questions[1].context == ("Når er fristen for sluttrapporten?",)
    assert answerer.questions[2].context == ()


def test_a_short_command_keeps_the_language_the_person_last_wrote_in() -> None:
    memory = InMemoryConversationMemory()
    Engine(knowledge=RecordingAnswerer(), memory=memory).handle(message("When is the final report due?"))
    restarted = Engine(knowledge=RecordingAnswerer(), commands=NoCommands(), memory=memory)
    assert restarted.handle(message("/status")).text == "command in en"
    assert restarted.language_of(platform="slack", user_id="U1") is Language.EN
    assert restarted.language_of(platform="slack", user_id="U2") is None


def test_a_message_whose_sentences_do_not_tell_leaves_its_language_to_the_answer_engine() -> None:
    answerer = RecordingAnswerer()
    engine = Engine(knowledge=answerer, commands=NoCommands())
    engine.handle(message("When is the final report due?"))
    engine.handle(message("frist?"))

    assert answerer.questions[0].language is Language.EN
    assert answerer.questions[1].language is None  # one word: its words decide, in the answer engine
    assert answerer.questions[1].usual_language is Language.EN
    assert engine.language_of(platform="slack", user_id="U1") is Language.EN  # one word changes nothing
