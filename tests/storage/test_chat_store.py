"""SqlChatStore on SQLite and PostgreSQL: the event ledger, answers and feedback, posted checklists, conversations."""

import threading
import time
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import text

from core.records import AnswerRecord, FeedbackRecord, PostedChecklist, StoredConversation
from storage.chat_store import SqlChatStore

C = "C1"
COORD = "UCOORD"
T0 = datetime(2025, 9, 1, 8, 0, tzinfo=UTC)


@pytest.fixture
def store(database):
    return SqlChatStore(database=database)


def start_run(service, *, channel=C, procedure="final-report"):
    """A real run row (posted checklists refer to it)."""
    if not service.projects_of(user_id=COORD):
        service.add_project(
            channel_id=channel, user_id=COORD, number="2020-1-NO01-KA229-012345", end_date=date(2025, 8, 29),
            name="Vann i Europa",
        )  # fmt: skip
    return service.start(channel_id=channel, user_id=COORD, procedure_id=procedure).run.id


def answer_record(**fields):
    values = {
        "platform": "slack", "channel_id": "D1", "user_id": "UANA", "question": "Når er fristen?",
        "answer": "Innen 60 dager – «sluttrapporten».", "kind": "extractive",
        "sources": ("https://erasmuspluss.no/skoleutvekslingspartnerskap", "Håndbok"), "at": T0,
    }  # fmt: skip
    return AnswerRecord(**{**values, **fields})


def posted(run_id, message_id, *, channel=C, platform="slack", language="nb", at=T0):
    return PostedChecklist(
        run_id=run_id,
        platform=platform,
        channel_id=channel,
        message_id=message_id,
        language=language,
        posted_at=at,
    )


# --- the event ledger ----------------------------------------------------------------------------------------


def test_first_time_is_true_once_per_key(store):
    assert store.first_time(key="slack:Ev1", at=T0) is True
    assert store.first_time(key="slack:Ev1", at=T0 + timedelta(seconds=5)) is False
    assert store.first_time(key="slack:Ev2", at=T0) is True
    assert store.first_time(key="teams:Ev1", at=T0) is True


def test_first_time_is_shared_by_stores_on_one_database(database):
    assert SqlChatStore(database=database).first_time(key="slack:Ev1", at=T0) is True
    assert SqlChatStore(database=database).first_time(key="slack:Ev1", at=T0) is False


def test_first_time_under_a_race_is_true_for_exactly_one_thread(database):
    stores = [SqlChatStore(database=database) for _ in range(8)]
    barrier = threading.Barrier(len(stores))
    results: list[bool] = []
    errors: list[BaseException] = []

    def race(store):
        barrier.wait()
        try:
            results.append(store.first_time(key="slack:Ev-race", at=T0))
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=race, args=(s,)) for s in stores]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert sorted(results) == [False] * 7 + [True]


def test_forget_events_before_drops_only_older_entries(store):
    store.first_time(key="old-1", at=T0 - timedelta(hours=2))
    store.first_time(key="old-2", at=T0 - timedelta(minutes=61))
    store.first_time(key="new", at=T0 - timedelta(minutes=10))
    assert store.forget_events_before(before=T0 - timedelta(hours=1)) == 2
    assert store.first_time(key="old-1", at=T0) is True  # forgotten, so new again
    assert store.first_time(key="new", at=T0) is False
    assert store.forget_events_before(before=T0 - timedelta(days=1)) == 0


# --- answers and feedback ------------------------------------------------------------------------------------


def test_an_answer_round_trips(store):
    record = answer_record()
    answer_id = store.record_answer(record=record)
    assert isinstance(answer_id, int)
    assert store.answer(answer_id=answer_id) == record
    assert store.answer(answer_id=answer_id + 1000) is None


def test_answers_get_distinct_ids(store):
    first = store.record_answer(record=answer_record())
    second = store.record_answer(record=answer_record(question="Hva med budsjettet?", sources=()))
    assert first != second
    stored = store.answer(answer_id=second)
    assert stored is not None and stored.sources == ()


def test_feedback_round_trips_per_person(store):
    answer_id = store.record_answer(record=answer_record())
    ana = FeedbackRecord(answer_id=answer_id, user_id="UANA", helpful=True, platform="slack", at=T0)
    bea = FeedbackRecord(answer_id=answer_id, user_id="29:bea", helpful=False, platform="teams", at=T0)
    store.record_feedback(feedback=ana)
    store.record_feedback(feedback=bea)
    assert sorted(store.feedback_for(answer_id=answer_id), key=lambda f: f.user_id) == [bea, ana]


def test_a_second_verdict_by_the_same_person_replaces_the_first(store):
    answer_id = store.record_answer(record=answer_record())
    first = FeedbackRecord(answer_id=answer_id, user_id="UANA", helpful=True, platform="slack", at=T0)
    second = first.model_copy(update={"helpful": False, "at": T0 + timedelta(minutes=3)})
    store.record_feedback(feedback=first)
    store.record_feedback(feedback=second)
    assert store.feedback_for(answer_id=answer_id) == [second]


def test_feedback_on_an_unknown_answer_raises_key_error_and_stores_nothing(store):
    with pytest.raises(KeyError):
        store.record_feedback(
            feedback=FeedbackRecord(answer_id=999, user_id="UANA", helpful=True, platform="slack", at=T0)
        )
    assert store.feedback_for(answer_id=999) == []


def test_feedback_is_kept_per_answer(store):
    one, two = (store.record_answer(record=answer_record()) for _ in range(2))
    store.record_feedback(
        feedback=FeedbackRecord(answer_id=one, user_id="UANA", helpful=True, platform="slack", at=T0)
    )
    assert store.feedback_for(answer_id=two) == []


@pytest.mark.postgres
def test_a_verdict_racing_another_first_verdict_by_the_same_person_replaces_it(postgres_database):
    store = SqlChatStore(database=postgres_database)
    answer_id = store.record_answer(record=answer_record())
    outcome: list[BaseException | None] = []

    def second_click():
        try:
            store.record_feedback(
                feedback=FeedbackRecord(
                    answer_id=answer_id, user_id="UANA", helpful=False, platform="slack", at=T0
                )
            )
            outcome.append(None)
        except BaseException as error:
            outcome.append(error)

    with (
        postgres_database.engine.connect() as first_click
    ):  # the first click's transaction, not yet committed
        first_click.execute(
            text(
                "INSERT INTO feedback (answer_id, user_id, helpful, platform, at) VALUES (:a, 'UANA', true, 'slack', :t)"
            ),
            {"a": answer_id, "t": T0},
        )
        thread = threading.Thread(target=second_click)
        thread.start()
        _wait_until_blocked_by(first_click)
        first_click.commit()
    thread.join(timeout=30)
    if outcome[0] is not None:
        raise outcome[0]
    assert [f.helpful for f in store.feedback_for(answer_id=answer_id)] == [False]


def _wait_until_blocked_by(connection, timeout=20.0):
    """Return once another backend waits for a lock ``connection``'s transaction holds."""
    blocker = connection.execute(text("SELECT pg_backend_pid()")).scalar()
    deadline = time.monotonic() + timeout
    with connection.engine.connect() as observer:
        while time.monotonic() < deadline:
            waiting = observer.execute(
                text("SELECT count(*) FROM pg_stat_activity WHERE :pid = ANY(pg_blocking_pids(pid))"),
                {"pid": blocker},
            ).scalar()
            observer.rollback()  # pg_stat_activity is a snapshot per transaction
            if waiting:
                return
            time.sleep(0.02)
    raise AssertionError("the second click never waited for the first one's row")


# --- posted checklists ---------------------------------------------------------------------------------------


def test_a_posted_checklist_is_remembered_and_found_by_its_message(store, workflow_service):
    run_id = start_run(workflow_service)
    store.remember(posted=posted(run_id, "1700000000.000100"))
    assert store.for_run(run_id=run_id) == [posted(run_id, "1700000000.000100")]
    assert store.run_for_message(platform="slack", channel_id=C, message_id="1700000000.000100") == run_id


def test_unknown_messages_and_runs_have_nothing(store, workflow_service):
    run_id = start_run(workflow_service)
    store.remember(posted=posted(run_id, "1.1"))
    assert store.run_for_message(platform="slack", channel_id=C, message_id="9.9") is None
    assert store.run_for_message(platform="teams", channel_id=C, message_id="1.1") is None
    assert store.run_for_message(platform="slack", channel_id="C2", message_id="1.1") is None
    assert store.for_run(run_id=run_id + 100) == []


def test_several_messages_of_one_run_in_one_channel_are_all_kept(store, workflow_service):
    run_id = start_run(workflow_service)
    copies = [
        posted(run_id, "1.1"),
        posted(run_id, "2.2"),
        posted(run_id, "2.2", platform="teams", language="en"),
        posted(run_id, "3.3", channel="C2"),
    ]
    for copy in copies:
        store.remember(posted=copy)

    def key(p):
        return (p.platform, p.channel_id, p.message_id)

    assert sorted(store.for_run(run_id=run_id), key=key) == sorted(copies, key=key)
    assert store.run_for_message(platform="slack", channel_id=C, message_id="1.1") == run_id
    assert store.run_for_message(platform="slack", channel_id=C, message_id="2.2") == run_id


def test_remembering_a_message_again_refreshes_its_language_and_time(store, workflow_service):
    run_id = start_run(workflow_service)
    store.remember(posted=posted(run_id, "1.1"))
    later = posted(run_id, "1.1", language="en", at=T0 + timedelta(hours=1))
    store.remember(posted=later)
    assert store.for_run(run_id=run_id) == [later]


def test_posted_checklists_of_different_runs_stay_apart(store, workflow_service):
    report = start_run(workflow_service)
    upload = start_run(workflow_service, procedure="results-upload")
    store.remember(posted=posted(report, "1.1"))
    store.remember(posted=posted(upload, "2.2"))
    assert [p.message_id for p in store.for_run(run_id=report)] == ["1.1"]
    assert [p.message_id for p in store.for_run(run_id=upload)] == ["2.2"]
    assert store.run_for_message(platform="slack", channel_id=C, message_id="2.2") == upload


# --- conversation references ---------------------------------------------------------------------------------


def test_a_conversation_is_saved_replaced_and_read(store):
    assert store.conversation(channel_id="19:abc@thread.tacv2") is None
    first = StoredConversation(
        channel_id="19:abc@thread.tacv2",
        platform="teams",
        reference='{"serviceUrl": "https://a"}',
        updated_at=T0,
    )
    store.save_conversation(conversation=first)
    assert store.conversation(channel_id="19:abc@thread.tacv2") == first
    second = first.model_copy(
        update={"reference": '{"serviceUrl": "https://b"}', "updated_at": T0 + timedelta(1)}
    )
    store.save_conversation(conversation=second)
    assert store.conversation(channel_id="19:abc@thread.tacv2") == second
    assert store.conversation(channel_id="other") is None
