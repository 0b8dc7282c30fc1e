"""The engine's one front over the real stores (SQLite and PostgreSQL): a message, a click, feedback and the
home overview each as one call, coming back as typed data; conversation memory shared through the database."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.engine.actions import ChecklistActions, FeedbackActions, StepClick
from bot.engine.commands import WorkflowCommands
from bot.engine.conversation import Engine
from bot.engine.front import ChatEngine, FeedbackClick
from bot.engine.home import build_home
from bot.engine.models import IncomingMessage, ReplyKind
from core.language import Language, Platform
from storage.chat_store import SqlChatStore
from storage.conversation_memory import SqlConversationMemory
from tests.unit.bot.engine.test_conversation import CITATION, RecordingAnswerer
from workflows.views import StepState

C, COORD, ANA = "C1", "UCOORD", "UANA"
T1 = datetime(2025, 9, 2, 10, 30, tzinfo=UTC)


def build(database, workflow_service, answerer=None) -> ChatEngine:
    """One replica's front over the shared database."""
    store = SqlChatStore(database=database)
    conversation = Engine(
        knowledge=answerer or RecordingAnswerer(),
        commands=WorkflowCommands(service=workflow_service),
        memory=SqlConversationMemory(database=database),
        clock=lambda: T1,
    )
    return ChatEngine(
        conversation=conversation,
        checklists=ChecklistActions(service=workflow_service, messages=store, clock=lambda: T1),
        feedback=FeedbackActions(log=store, clock=lambda: T1),
        overview=lambda user, language, today: build_home(workflow_service, user_id=user, language=language, today=today),
        ledger=store,
        clock=lambda: T1,
    )  # fmt: skip


@pytest.fixture
def front(database, workflow_service) -> ChatEngine:
    return build(database, workflow_service)


def say(front: ChatEngine, text: str, *, user: str = COORD, thread: str | None = None):
    return front.handle(
        IncomingMessage(user_id=user, channel_id=C, text=text, platform=Platform.SLACK, thread_id=thread)
    )


def test_an_answer_is_logged_and_carries_its_id_for_the_feedback_buttons(front, database):
    reply = say(front, "Når er fristen for sluttrapporten?")
    assert reply.kind is ReplyKind.ANSWER and reply.answer is not None
    assert reply.answer.answer_id is not None and reply.answer.feedback_wanted
    stored = SqlChatStore(database=database).answer(answer_id=reply.answer.answer_id)
    assert stored is not None and stored.user_id == COORD and stored.sources == (CITATION.url,)
    thanks = front.feedback(
        FeedbackClick(platform=Platform.SLACK, user_id=ANA, answer_id=reply.answer.answer_id, helpful=True,
                      language=Language.EN)
    )  # fmt: skip
    assert thanks.kind is ReplyKind.NOTICE and thanks.private and thanks.text
    assert [
        f.helpful for f in SqlChatStore(database=database).feedback_for(answer_id=reply.answer.answer_id)
    ] == [True]


def test_a_started_run_is_a_checklist_reply_and_a_click_changes_it_for_every_copy(front):
    assert say(front, "project add 2020-1-NO01-KA229-012345 29.08.2025 Vann").kind is ReplyKind.MESSAGE
    say(front, "language en")  # command words say nothing about the language: the person chooses it
    started = say(front, "start final-report")
    assert started.kind is ReplyKind.CHECKLIST and started.checklist is not None
    assert (
        started.text.startswith("Let's start") and started.step is not None and "Step 1 of 6" in started.step
    )
    run_id, version = started.checklist.run_id, started.checklist.version
    front.remember_post(
        run_id=run_id, platform=Platform.SLACK, channel_id=C, message_id="1.1", language=Language.EN
    )
    front.adopt(run_id=run_id, platform=Platform.SLACK, channel_id=C, message_id="1.2", language=Language.NB)

    click = StepClick(platform=Platform.SLACK, user_id=COORD, channel_id=C, run_id=run_id,
                      step_id="qualitative-content", version=version, language=Language.EN)  # fmt: skip
    changed = front.click(click)
    assert changed.kind is ReplyKind.STEP_CHANGED and changed.changed_run_id == run_id
    assert changed.checklist is not None and changed.checklist.steps[0].state is StepState.DONE
    copies = front.posted_views(run_id, platform=Platform.SLACK)
    # Channel copies speak the project's language (Bokmål here), whatever language they were posted in.
    assert {(c.posted.message_id, c.view.language) for c in copies} == {
        ("1.1", Language.NB),
        ("1.2", Language.NB),
    }
    assert all(c.view.steps[0].state is StepState.DONE for c in copies)
    assert front.posted_views(run_id, platform=Platform.TEAMS) == []

    stale = front.click(click)  # the same button again: answered, not applied twice
    assert stale.kind is ReplyKind.NOTICE and "already" in stale.text


def test_clicking_the_last_step_says_what_comes_next_as_a_typed_tick_does(front):
    say(front, "project add 2020-1-NO01-KA229-012345 29.08.2025 Vann")
    say(front, "partner add Escola X, Portugal")
    say(front, "member add <@UANA> partner Escola X")
    started = say(front, "start final-report").checklist
    assert started is not None
    run_id = started.run_id
    for user, line in (
        (COORD, "ferdig"),
        (COORD, "hopp over"),
        (COORD, "ferdig"),
        (ANA, "done"),
        (ANA, "done"),
    ):
        say(front, line, user=user)
    version = front.channel_view(run_id, language=Language.NB).version
    click = StepClick(platform=Platform.SLACK, user_id=COORD, channel_id=C, run_id=run_id, step_id="submit",
                      version=version, language=Language.NB)  # fmt: skip
    changed = front.click(click)
    assert (
        changed.kind is ReplyKind.STEP_CHANGED
        and changed.checklist is not None
        and changed.checklist.complete
    )
    assert changed.text.startswith("Avkrysset: Send inn rapporten for hele partnerskapet.")
    assert (
        "Neste: «Laste opp resultater i Erasmus+ Project Results Platform», frist 28.10.2025" in changed.text
    )
    assert "skriv «status» for å se stegene" in changed.text and "start results-upload" not in changed.text


def test_the_home_overview_and_language_follow_what_the_person_last_wrote(front):
    say(front, "project add 2020-1-NO01-KA229-012345 29.08.2025 Vann")
    say(front, "When is the final report due for our project?")
    overview = front.home(platform=Platform.SLACK, user_id=COORD)
    assert overview.language is Language.EN and [p.number for p in overview.projects] == [
        "2020-1-NO01-KA229-012345"
    ]
    assert front.language_of(platform=Platform.SLACK, user_id="UNEW") is Language.NB


def test_people_never_heard_writing_get_their_projects_language_in_the_overview_and_the_thanks(front):
    say(front, "project add 2020-1-NO01-KA229-012345 29.08.2025 Vann")
    say(front, "partner add Escola X, Portugal")
    say(front, "member add <@UANA> partner Escola X")
    # A partner abroad who has never written a sentence: English; the coordinator (only commands): Bokmål.
    assert front.home(platform=Platform.SLACK, user_id=ANA).language is Language.EN
    assert front.language_of(platform=Platform.SLACK, user_id=ANA) is Language.EN
    assert front.home(platform=Platform.SLACK, user_id=COORD).language is Language.NB
    say(front, "project language en")
    assert front.language_of(platform=Platform.SLACK, user_id=COORD) is Language.EN  # the project's choice
    assert front.language_of(platform=Platform.SLACK, user_id="UNEW") is Language.NB  # no project: Bokmål


def test_a_second_replica_reads_the_thread_and_the_language_from_the_database(database, workflow_service):
    first_answers, second_answers = RecordingAnswerer(), RecordingAnswerer()
    first = build(database, workflow_service, first_answers)
    say(first, "When is the final report due?", thread="9.1")
    second = build(database, workflow_service, second_answers)  # another process, or after a restart
    say(second, "and for the partners?", thread="9.1")
    assert second_answers.questions[0].context == ("When is the final report due?",)
    assert second.language_of(platform=Platform.SLACK, user_id=COORD) is Language.EN


def test_an_event_is_first_only_once(front):
    assert front.first_time(key="slack:Ev1") and not front.first_time(key="slack:Ev1")
