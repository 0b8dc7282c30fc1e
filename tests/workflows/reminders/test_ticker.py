"""The reminder ticker over real stores (SQLite and PostgreSQL) with a recording poster; time is moved by hand."""

from datetime import timedelta

import pytest

from core.language import Language
from storage.reminder_store import SqlReminderStore
from tests.workflows.reminders.scenario import (
    ANA,
    BEA,
    COORD,
    C,
    RecordingPoster,
    complete_final_report,
    complete_results_upload,
    make_project,
    make_reminders,
    make_ticker,
    rows,
    tick_steps,
    utc,
)
from workflows.notices import DeliveryFailed
from workflows.reminders.ticker import DeliveryPolicy

PROJECT_END = utc(2025, 8, 29, 7, 0)  # 09:00 CEST on the end date
THIRTY_DAYS = utc(2025, 9, 26, 7, 0)  # 28.09 is a Sunday -> Friday 26.09
FOURTEEN_DAYS = utc(2025, 10, 14, 7, 0)
SEVEN_DAYS = utc(2025, 10, 21, 7, 0)
DEADLINE = utc(2025, 10, 28, 8, 0)  # 09:00 CET
WEEK_OVER = utc(2025, 11, 4, 8, 0)


@pytest.fixture
def poster():
    return RecordingPoster()


@pytest.fixture
def ready(workflow_service, clock):
    clock.now = utc(2025, 8, 1, 12, 0)
    make_project(workflow_service)
    return workflow_service


def test_a_reminder_names_what_is_missing_and_mentions_only_those_who_owe(database, ready, poster):
    ticker = make_ticker(database, ready, poster)
    ticker.tick(utc(2025, 8, 1, 12, 0))  # plans
    ticker.tick(PROJECT_END)
    poster.notices.clear()
    ready.start(channel_id=C, user_id=COORD, procedure_id="final-report")
    tick_steps(ready, COORD, "qualitative-content", "ready-for-submission")
    tick_steps(ready, COORD, "invoices", skip=True)
    tick_steps(ready, ANA, "partner-use-of-funds", "partner-confirmation")

    before = ticker.tick(THIRTY_DAYS - timedelta(minutes=1))
    report = ticker.tick(THIRTY_DAYS)
    again = ticker.tick(THIRTY_DAYS + timedelta(minutes=1))

    assert before.sent == [] and len(report.sent) == 1 and again.sent == []
    [notice] = poster.notices
    assert notice.channel_id == C and notice.run_id is not None
    assert set(notice.mention_user_ids) == {BEA, COORD}  # Escola X (ANA) has done its part
    assert "Gymnasium Y" in notice.text and "Escola X" not in notice.text
    assert "28.10.2025" in notice.text and "om 32 dager" in notice.text
    assert "Send inn" in notice.text or "submit" in notice.text.lower()


def test_before_the_run_is_started_the_reminder_says_so_and_mentions_the_coordinator(database, ready, poster):
    ticker = make_ticker(database, ready, poster)
    ticker.tick(utc(2025, 8, 1, 12, 0))

    ticker.tick(PROJECT_END)

    [notice] = poster.notices
    assert notice.mention_user_ids == (COORD,) and notice.run_id is None
    assert "slutter 29.08.2025" in notice.text and "ikke startet" in notice.text


def test_after_the_report_the_upload_is_reminded_to_the_coordinator_alone(database, ready, poster):
    ticker = make_ticker(database, ready, poster)
    ticker.tick(PROJECT_END)
    complete_final_report(ready)

    report = ticker.tick(THIRTY_DAYS)

    assert len(report.sent) == 1
    notice = poster.notices[-1]
    assert notice.mention_user_ids == (COORD,)
    assert "Project Results Platform" in notice.text and "Gymnasium Y" not in notice.text


def test_a_run_completed_in_between_gets_no_more_reminders(database, ready, poster, clock):
    ticker = make_ticker(database, ready, poster)
    ticker.tick(utc(2025, 8, 1, 12, 0))
    ticker.tick(PROJECT_END)
    complete_final_report(ready)
    complete_results_upload(ready)

    report = ticker.tick(THIRTY_DAYS)
    later = [ticker.tick(moment) for moment in (FOURTEEN_DAYS, DEADLINE, WEEK_OVER)]

    assert len(poster.notices) == 1  # only the one before completion
    assert report.sent == [] and len(report.skipped) == 1
    assert all(r.sent == [] for r in later)
    statuses = {r.plan_key.split("@")[0]: (r.status, r.note) for r in rows(database)}
    assert statuses["d-30"] == ("skipped", "complete")


def test_a_restart_between_claim_and_post_neither_loses_nor_doubles(database, ready, poster):
    make_ticker(database, ready, poster).tick(utc(2025, 8, 1, 12, 0))
    crashed = SqlReminderStore(database=database).claim_due(now=PROJECT_END, lease_seconds=300, token="dead")
    assert len(crashed.reminders) == 1  # the crashed process held it and never posted

    restarted = make_ticker(database, ready, RecordingPoster())
    during_lease = restarted.tick(PROJECT_END + timedelta(minutes=4))
    after_lease = restarted.tick(PROJECT_END + timedelta(minutes=5, seconds=1))
    once_more = restarted.tick(PROJECT_END + timedelta(minutes=6))

    assert during_lease.sent == [] and once_more.sent == []
    assert after_lease.sent == [crashed.reminders[0].id]
    assert (
        SqlReminderStore(database=database).mark_sent(
            reminder_id=crashed.reminders[0].id, token="dead", message_id="x", at=PROJECT_END, late=False
        )
        is False
    )  # the dead lease cannot overwrite the outcome


def test_a_short_retry_after_is_waited_out_and_the_post_retried_once(database, ready, poster):
    sleeps: list[float] = []
    ticker = make_ticker(database, ready, poster, sleeps=sleeps)
    ticker.tick(utc(2025, 8, 1, 12, 0))
    poster.failures.append(DeliveryFailed("ratelimited", retry_after=7))

    report = ticker.tick(PROJECT_END)

    assert sleeps == [7] and poster.attempts == 2 and len(poster.notices) == 1
    assert len(report.sent) == 1


def test_a_long_retry_after_is_respected_by_the_next_ticks(database, ready, poster):
    ticker = make_ticker(database, ready, poster)
    ticker.tick(utc(2025, 8, 1, 12, 0))
    poster.failures.append(DeliveryFailed("ratelimited", retry_after=120))

    first = ticker.tick(PROJECT_END)
    too_soon = ticker.tick(PROJECT_END + timedelta(seconds=119))
    after = ticker.tick(PROJECT_END + timedelta(seconds=120))

    assert first.retrying and too_soon.sent == [] and len(after.sent) == 1
    assert len(poster.notices) == 1 and poster.attempts == 2


def test_repeated_failure_is_reported_to_the_coordinator_and_never_posted_twice(database, ready, poster):
    ticker = make_ticker(database, ready, poster)
    ticker.tick(utc(2025, 8, 1, 12, 0))
    poster.always_fail = DeliveryFailed("unreachable")

    moment, outcomes = PROJECT_END, []
    for wait in (60, 300, 900, 3600, 3600):  # the backoff schedule, then the last attempt
        outcomes.append(ticker.tick(moment))
        moment += timedelta(seconds=wait)
    final = ticker.tick(moment + timedelta(days=1))

    assert [bool(o.retrying) for o in outcomes] == [True, True, True, True, False]
    assert len(outcomes[-1].failed) == 1 and final.sent == final.failed == []
    assert poster.attempts == 5 and poster.notices == []
    [(user, text)] = poster.directs
    assert user == COORD and "unreachable" in text and "ikke startet" in text
    [end_row] = [r for r in rows(database) if r.plan_key and r.plan_key.startswith("d-60")]
    assert end_row.status == "failed" and COORD in (end_row.note or "")


def test_a_permanent_failure_is_reported_at_once(database, ready, poster):
    ticker = make_ticker(database, ready, poster)
    ticker.tick(utc(2025, 8, 1, 12, 0))
    poster.failures.append(DeliveryFailed("not_in_channel", permanent=True))

    report = ticker.tick(PROJECT_END)

    assert len(report.failed) == 1 and poster.attempts == 1
    assert [user for user, _ in poster.directs] == [COORD]


def test_after_downtime_only_the_latest_missed_reminder_is_posted_and_marked_late(database, ready, poster):
    ticker = make_ticker(database, ready, poster)
    ticker.tick(utc(2025, 8, 1, 12, 0))

    report = ticker.tick(SEVEN_DAYS + timedelta(hours=3))  # down from August until 21.10 at noon

    [notice] = poster.notices
    assert notice.text.startswith("(Forsinket") and "21.10.2025 kl. 09:00" in notice.text
    assert "om 7 dager" in notice.text
    by_key = {r.plan_key.split("@")[0]: r for r in rows(database) if r.plan_key}
    assert by_key["d-7"].status == "sent" and by_key["d-7"].late and report.sent == [by_key["d-7"].id]
    assert {by_key[k].status for k in ("d-60", "d-30", "d-14")} == {"superseded"}
    assert by_key["d-2"].status == "pending"


def test_weekly_reminders_while_overdue_until_the_run_is_complete(database, ready, poster):
    ticker = make_ticker(database, ready, poster)
    ticker.tick(utc(2025, 8, 1, 12, 0))
    for moment in (PROJECT_END, THIRTY_DAYS, FOURTEEN_DAYS, SEVEN_DAYS, utc(2025, 10, 24, 7, 0), DEADLINE):
        ticker.tick(moment)
    assert "I dag er fristen" in poster.notices[-1].text

    weeks = [WEEK_OVER + timedelta(days=7 * i) for i in range(3)]
    for moment in weeks:
        ticker.tick(moment - timedelta(minutes=1))
        ticker.tick(moment)
    overdue = [n.text for n in poster.notices[-3:]]
    assert ["for 7 dager siden" in overdue[0], "for 14 dager siden" in overdue[1]] == [True, True]
    assert "for 21 dager siden" in overdue[2] and len(poster.notices) == 9

    complete_final_report(ready)
    complete_results_upload(ready)
    ticker.tick(weeks[-1] + timedelta(days=7))
    ticker.tick(weeks[-1] + timedelta(days=14))
    assert len(poster.notices) == 9
    assert [r.status for r in rows(database) if r.status == "pending"] == []


def test_a_new_end_date_replans_the_default_reminders_and_keeps_custom_ones(database, ready, poster, clock):
    ticker = make_ticker(database, ready, poster)
    ticker.tick(utc(2025, 8, 1, 12, 0))
    reminders = make_reminders(database, ready, clock)
    from datetime import date

    reminders.add(
        channel_id=C,
        user_id=COORD,
        on_date=date(2025, 9, 10),
        at_time=None,
        text="Møte",
        language=Language.NB,
    )
    ready.update_project(channel_id=C, user_id=COORD, end_date=date(2025, 9, 30))

    ticker.tick(utc(2025, 8, 2, 12, 0))
    ticker.tick(PROJECT_END)  # the old end date: nothing any more

    assert poster.notices == []
    pending = reminders.reminders(channel_id=C, user_id=COORD).reminders
    defaults = [r for r in pending if r.kind == "default"]
    assert {r.plan_key.split("@")[1] for r in defaults} == {"2025-09-30"}
    assert [r.text for r in pending if r.kind == "custom"] == ["Møte"]
    cancelled = [r for r in rows(database) if r.status == "cancelled"]
    assert len(cancelled) == 7 and {r.note for r in cancelled} == {"replanned"}


def test_paused_reminders_are_skipped_until_resumed(database, ready, poster, clock):
    ticker = make_ticker(database, ready, poster)
    ticker.tick(utc(2025, 8, 1, 12, 0))
    reminders = make_reminders(database, ready, clock)

    reminders.set_paused(channel_id=C, user_id=COORD, paused=True, language=Language.EN)
    paused = ticker.tick(PROJECT_END)
    reminders.set_paused(channel_id=C, user_id=COORD, paused=False, language=Language.EN)
    resumed = ticker.tick(THIRTY_DAYS)

    assert paused.sent == [] and len(paused.skipped) == 1
    assert len(resumed.sent) == 1 and "is due by 28 Oct 2025 - in 32 days" in poster.notices[0].text


def test_a_tight_lease_policy_still_posts_once(database, ready, poster):
    ticker = make_ticker(database, ready, poster, policy=DeliveryPolicy(lease_seconds=1))
    ticker.tick(utc(2025, 8, 1, 12, 0))
    ticker.tick(PROJECT_END)
    ticker.tick(PROJECT_END + timedelta(seconds=2))
    assert len(poster.notices) == 1


def test_a_custom_reminder_due_with_a_default_one_is_posted_in_the_same_message(
    database, ready, poster, clock
):
    from datetime import date

    ticker = make_ticker(database, ready, poster)
    ticker.tick(utc(2025, 8, 1, 12, 0))  # plans the defaults; the project ends 29.08 (09:00)
    reminders = make_reminders(database, ready, clock)
    added = reminders.add(
        channel_id=C, user_id=COORD, on_date=date(2025, 8, 29), at_time=None, text="Møte med partnerne",
        language=Language.NB,
    )  # fmt: skip
    assert added.reminder.due_at == PROJECT_END

    report = ticker.tick(PROJECT_END)

    [notice] = poster.notices
    lines = notice.text.splitlines()
    assert lines[0].startswith("Prosjektet 2020-1-NO01-KA229-012345") and "slutter 29.08.2025" in lines[0]
    assert lines[1] == "Påminnelse for 2020-1-NO01-KA229-012345: Møte med partnerne"
    assert notice.text.count("Skriv «status»") == 1  # what is missing and the footer once
    assert len(report.sent) == 2 and added.reminder.id in report.sent
    sent = {r.id: r for r in rows(database) if r.status == "sent"}
    assert set(sent) == set(report.sent) and {r.message_id for r in sent.values()} == {"1.000100"}


def test_reminders_due_together_are_retried_together_and_posted_once(database, ready, poster, clock):
    from datetime import date

    ticker = make_ticker(database, ready, poster)
    ticker.tick(utc(2025, 8, 1, 12, 0))
    make_reminders(database, ready, clock).add(
        channel_id=C,
        user_id=COORD,
        on_date=date(2025, 8, 29),
        at_time=None,
        text="Møte",
        language=Language.NB,
    )
    poster.failures.append(DeliveryFailed("ratelimited", retry_after=120))

    first = ticker.tick(PROJECT_END)
    after = ticker.tick(PROJECT_END + timedelta(seconds=120))

    assert len(first.retrying) == 2 and len(after.sent) == 2
    assert len(poster.notices) == 1 and poster.attempts == 2
