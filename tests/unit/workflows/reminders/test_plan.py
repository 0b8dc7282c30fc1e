"""The default plan and the working-day calendar: exact dates and local times, holidays and DST."""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from workflows.models import Project
from workflows.reminders.calendar import is_working_day, working_day_on_or_before
from workflows.reminders.models import Reminder, ReminderKind, ReminderStatus
from workflows.reminders.plan import default_plan, future_plan, next_overdue, split_superseded

OSLO = ZoneInfo("Europe/Oslo")


def project(end: date) -> Project:
    return Project(id=1, number="2020-1-NO01-KA229-012345", name="x", end_date=end, channel_id="C1")


def test_a_project_ending_on_good_friday_has_every_reminder_on_a_working_day_at_nine_in_oslo():
    plan = default_plan(project(date(2027, 3, 26)), hour=9, timezone="Europe/Oslo")  # Good Friday

    local = [(item.offset_days, item.due_at.astimezone(OSLO).isoformat()) for item in plan]
    assert local == [
        (-60, "2027-03-24T09:00:00+01:00"),  # Good Friday and Maundy Thursday are holidays; still CET
        (-30, "2027-04-23T09:00:00+02:00"),  # Sunday 25.04 -> Friday; CEST after 28.03
        (-14, "2027-05-11T09:00:00+02:00"),
        (-7, "2027-05-18T09:00:00+02:00"),  # the day after 17 May (Monday, Constitution Day)
        (-2, "2027-05-21T09:00:00+02:00"),  # Sunday 23.05 -> Friday 21.05
        (0, "2027-05-25T09:00:00+02:00"),  # the deadline: 26.03 + 60 days
        (7, "2027-06-01T09:00:00+02:00"),
    ]
    assert plan[0].due_at == datetime(2027, 3, 24, 8, 0, tzinfo=UTC)
    assert plan[1].due_at == datetime(2027, 4, 23, 7, 0, tzinfo=UTC)
    assert plan[0].key == "d-60@2027-03-26"


def test_a_friday_before_a_holiday_stays_and_holidays_move_to_the_working_day_before():
    assert working_day_on_or_before(date(2027, 5, 14)) == date(2027, 5, 14)  # Friday before 17 May (Mon)
    assert working_day_on_or_before(date(2027, 5, 17)) == date(2027, 5, 14)
    assert working_day_on_or_before(date(2026, 5, 14)) == date(2026, 5, 13)  # Kristi himmelfartsdag
    assert working_day_on_or_before(date(2025, 12, 26)) == date(2025, 12, 24)  # julaften is no holiday
    assert not is_working_day(date(2025, 5, 17)) and is_working_day(date(2025, 5, 16))


def test_winter_reminders_are_at_nine_cet():
    plan = default_plan(project(date(2025, 8, 29)), hour=9, timezone="Europe/Oslo")
    deadline = next(item for item in plan if item.offset_days == 0)
    assert deadline.due_at == datetime(2025, 10, 28, 8, 0, tzinfo=UTC)  # 09:00 CET
    two_days = next(item for item in plan if item.offset_days == -2)
    assert two_days.due_at == datetime(2025, 10, 24, 7, 0, tzinfo=UTC)  # Sunday 26.10 -> Friday, CEST


def test_weekly_overdue_reminders_follow_one_another():
    p = project(date(2025, 8, 29))
    first = next_overdue(p, after=datetime(2025, 10, 28, 8, 0, tzinfo=UTC), hour=9, timezone="Europe/Oslo")
    second = next_overdue(p, after=first.due_at, hour=9, timezone="Europe/Oslo")
    assert (first.offset_days, second.offset_days) == (7, 14)
    assert second.due_at - first.due_at == timedelta(days=7)
    late = future_plan(p, now=datetime(2026, 1, 8, 12, 0, tzinfo=UTC), hour=9, timezone="Europe/Oslo")
    assert [item.offset_days for item in late] == [77]  # only the next weekly one, never the past


def test_of_several_due_reminders_of_a_project_only_the_newest_are_kept():
    def reminder(i: int, project_id: int, hour: int) -> Reminder:
        due = datetime(2025, 10, 1, hour, tzinfo=UTC)
        return Reminder(
            id=i, project_id=project_id, kind=ReminderKind.DEFAULT, due_at=due, status=ReminderStatus.PENDING
        )

    due = [reminder(1, 1, 7), reminder(2, 1, 9), reminder(3, 1, 9), reminder(4, 2, 7)]
    newest = {1: datetime(2025, 10, 1, 9, tzinfo=UTC), 2: datetime(2025, 10, 1, 7, tzinfo=UTC)}
    keep, older = split_superseded(due, newest=newest)
    assert [r.id for r in keep] == [2, 3, 4] and [r.id for r in older] == [1]


def test_two_reminders_moved_to_the_same_friday_are_merged_into_one():
    end = date(2025, 8, 2)  # the first end date from here whose deadline falls on a Sunday
    while (end + timedelta(days=60)).weekday() != 6:
        end += timedelta(days=1)
    plan = default_plan(project(end), hour=9, timezone="Europe/Oslo")
    moments = [item.due_at for item in plan]
    assert len(moments) == len(set(moments))  # no two reminders at the same moment
    friday = [item for item in plan if item.due_at.astimezone(OSLO).date() == end + timedelta(days=58)]
    assert [item.offset_days for item in friday] == [0]  # the deadline reminder, which says it was moved
    assert -2 not in [item.offset_days for item in plan]
