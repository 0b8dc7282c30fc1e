"""The default reminder plan, derived from a project's end date (pure functions)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from workflows.models import FINAL_REPORT_DAYS, Project
from workflows.reminders.calendar import local_date, local_moment, working_day_on_or_before
from workflows.reminders.models import PlannedReminder, Reminder

BEFORE_DEADLINE_DAYS = (30, 14, 7, 2)
OVERDUE_EVERY_DAYS = 7


def planned_day(deadline: date, offset_days: int) -> date:
    """The working day a reminder ``offset_days`` from ``deadline`` is posted on."""
    return working_day_on_or_before(deadline + timedelta(days=offset_days))


def _item(deadline: date, offset_days: int, *, end_date: date, hour: int, timezone: str) -> PlannedReminder:
    day = planned_day(deadline, offset_days)
    return PlannedReminder(
        key=f"d{offset_days:+d}@{end_date.isoformat()}",
        offset_days=offset_days,
        due_at=local_moment(day, at=time(hour), timezone=timezone),
    )


def default_plan(project: Project, *, hour: int, timezone: str) -> list[PlannedReminder]:
    """The project's default reminders up to the first overdue one, earliest first.

    When the project ends; 30, 14, 7 and 2 days before the final report deadline; on the day; and a week
    after it (later weekly ones are added one at a time by ``next_overdue``). Each falls on the working day
    on or before its date, at ``hour`` o'clock in ``timezone``; two that fall on the same moment are one.
    """
    deadline = project.final_report_deadline
    offsets = (-FINAL_REPORT_DAYS, *(-days for days in BEFORE_DEADLINE_DAYS), 0, OVERDUE_EVERY_DAYS)
    items = [_item(deadline, o, end_date=project.end_date, hour=hour, timezone=timezone) for o in offsets]
    return merge_same_moment(items)


def merge_same_moment(items: list[PlannedReminder]) -> list[PlannedReminder]:
    """One reminder per moment, earliest first: when a weekend or holiday moves two reminders to the same
    working day («2 days before» and «the deadline» both on Friday), the one nearer the deadline is kept."""
    by_moment: dict[datetime, PlannedReminder] = {}
    for item in items:
        kept = by_moment.get(item.due_at)
        if kept is None or item.offset_days > kept.offset_days:
            by_moment[item.due_at] = item
    return sorted(by_moment.values(), key=lambda item: item.due_at)


def next_overdue(project: Project, *, after: datetime, hour: int, timezone: str) -> PlannedReminder:
    """The first weekly overdue reminder due after ``after``."""
    deadline = project.final_report_deadline
    weeks = max(1, (local_date(after, timezone=timezone) - deadline).days // OVERDUE_EVERY_DAYS)
    while True:
        item = _item(
            deadline, weeks * OVERDUE_EVERY_DAYS, end_date=project.end_date, hour=hour, timezone=timezone
        )
        if item.due_at > after:
            return item
        weeks += 1


def future_plan(project: Project, *, now: datetime, hour: int, timezone: str) -> list[PlannedReminder]:
    """The default reminders still ahead at ``now``; a project already overdue gets its next weekly one."""
    items = [item for item in default_plan(project, hour=hour, timezone=timezone) if item.due_at > now]
    if items:
        return items
    return [next_overdue(project, after=now, hour=hour, timezone=timezone)]


def split_superseded(
    due: list[Reminder], *, newest: dict[int, datetime]
) -> tuple[list[Reminder], list[Reminder]]:
    """Due reminders to post, and those superseded by a newer due (or already sent) one of their project.

    After downtime several reminders of one project can be due at once; only the newest says what is true
    now, so the older ones are kept as superseded rather than posted. Reminders due at the same moment as
    the newest (a custom one at 09:00 beside a default one) are all kept; the ticker posts them as one message.
    """
    keep = [r for r in due if r.due_at >= newest.get(r.project_id, r.due_at)]
    return keep, [r for r in due if r not in keep]
