"""A project's reminder plan is stored in the transaction that creates the project or moves its end date, so a
ticker that never ran in between still posts the newest missed reminder, once, marked late."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from storage import SqlWorkflowStore
from storage.reminder_store import SqlReminderStore
from tests.workflows.reminders.scenario import COORD, C, RecordingPoster, make_project, make_ticker, rows, utc
from workflows.definitions import load_procedures
from workflows.reminders.plan import future_plan
from workflows.reminders.ticker import ReminderTicker
from workflows.service import WorkflowService

SEVEN_DAYS = utc(2025, 10, 21, 7, 0)  # 7 days before the 28.10.2025 deadline, 09:00 in Oslo


@pytest.fixture
def planned_service(database, clock):
    clock.now = utc(2025, 8, 1, 12, 0)
    store = SqlWorkflowStore(
        database=database,
        planner=lambda project, at: future_plan(project, now=at, hour=9, timezone="Europe/Oslo"),
    )
    return WorkflowService(store=store, procedures=load_procedures(), clock=clock)


def test_the_plan_exists_as_soon_as_the_project_does(database, planned_service):
    make_project(planned_service)
    keys = {r.plan_key.split("@")[0] for r in rows(database) if r.plan_key}
    assert {"d-60", "d-30", "d-14", "d-7", "d-2", "d+0"} <= keys  # d-60: the day the project ends


def test_with_no_tick_between_creation_and_the_end_of_downtime_the_newest_missed_reminder_is_posted_late(
    database, planned_service
):
    make_project(planned_service)  # created on 1 August; cron is down until 21 October
    poster = RecordingPoster()
    report = make_ticker(database, planned_service, poster).tick(SEVEN_DAYS + timedelta(hours=3))
    [notice] = poster.notices
    assert notice.text.startswith("(Forsinket") and "om 7 dager" in notice.text
    by_key = {r.plan_key.split("@")[0]: r for r in rows(database) if r.plan_key}
    assert by_key["d-7"].status == "sent" and by_key["d-7"].late and report.sent == [by_key["d-7"].id]
    assert {by_key[k].status for k in ("d-60", "d-30", "d-14")} == {"superseded"}


def test_a_new_end_date_replans_in_the_same_change(database, planned_service, clock):
    make_project(planned_service)
    planned_service.update_project(channel_id=C, user_id=COORD, end_date=date(2025, 9, 30))
    pending = [r for r in rows(database) if r.status == "pending" and r.plan_key]
    assert pending and all(r.plan_key.endswith("@2025-09-30") for r in pending)


def test_every_tick_prunes_event_ledger_entries_older_than_a_day(database, planned_service):
    from core.event_ledger import MemoryEventLedger  # the ledger's in-memory twin; the SQL one is wired

    ledger = MemoryEventLedger()
    ledger.claim(key="slack:old", owner="a", at=utc(2025, 8, 1, 12, 0), lease=timedelta(seconds=30))
    ledger.claim(key="slack:new", owner="a", at=utc(2025, 8, 3, 11, 0), lease=timedelta(seconds=30))
    ticker = ReminderTicker(
        store=SqlReminderStore(database=database),
        workflows=planned_service,
        poster=RecordingPoster(),
        ledgers=[ledger],
    )
    ticker.tick(utc(2025, 8, 3, 12, 0))
    assert ledger.state_of("slack:old") is None and ledger.state_of("slack:new") is not None
