"""The reminder store: idempotent plans and leases that no two claimers share (SQLite and PostgreSQL)."""

import threading
from datetime import UTC, date, datetime, timedelta

from storage import SqlWorkflowStore
from storage.reminder_store import SqlReminderStore
from workflows.models import NewProject
from workflows.reminders.models import PlannedReminder

AT = datetime(2025, 8, 1, 12, 0, tzinfo=UTC)


def _projects(database, count):
    store = SqlWorkflowStore(database=database)
    return [
        store.create_project(
            new=NewProject(
                number=f"2020-1-NO01-KA229-0123{i:02d}",
                name="x",
                end_date=date(2025, 8, 29),
                channel_id=f"C{i}",
            ),
            coordinator_id="coord",
            at=AT,
        )
        for i in range(count)
    ]


def _planned(hours):
    return [
        PlannedReminder(key=f"d{h}@2025-08-29", offset_days=h, due_at=AT + timedelta(hours=h)) for h in hours
    ]


def test_planning_the_same_end_date_twice_stores_each_reminder_once(database):
    [project] = _projects(database, 1)
    store = SqlReminderStore(database=database)
    store.plan(project_id=project.id, end_date=project.end_date, planned=_planned([1, 2]), at=AT)
    store.plan(project_id=project.id, end_date=project.end_date, planned=_planned([1, 2, 3]), at=AT)
    assert [r.plan_key for r in store.pending(project_id=project.id)] == [
        "d1@2025-08-29", "d2@2025-08-29", "d3@2025-08-29"
    ]  # fmt: skip
    assert store.projects_to_plan() == []


def test_racing_claimers_never_share_a_reminder(database):
    projects = _projects(database, 6)
    for project in projects:
        SqlReminderStore(database=database).plan(
            project_id=project.id, end_date=project.end_date, planned=_planned([1]), at=AT
        )
    now = AT + timedelta(hours=2)
    stores = [SqlReminderStore(database=database) for _ in range(4)]
    barrier = threading.Barrier(len(stores))
    claimed: list[list[int]] = []
    errors: list[BaseException] = []

    def claim(store, token):
        barrier.wait()
        try:
            claimed.append([r.id for r in store.claim_due(now=now, lease_seconds=60, token=token).reminders])
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=claim, args=(s, f"t{i}")) for i, s in enumerate(stores)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)

    ids = [i for batch in claimed for i in batch]
    assert errors == [] and sorted(ids) == sorted(set(ids)) and len(ids) == len(projects)
    assert (
        SqlReminderStore(database=database).claim_due(now=now, lease_seconds=60, token="late").reminders == ()
    )
