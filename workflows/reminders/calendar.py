"""Working days in Norway and local posting times: reminders never fall on a weekend or a public holiday."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays


@lru_cache(maxsize=32)
def _holidays(year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays("NO", years=year))


def is_working_day(day: date) -> bool:
    """True on Monday to Friday when the day is not a Norwegian public holiday."""
    return day.weekday() < 5 and day not in _holidays(day.year)


def working_day_on_or_before(day: date) -> date:
    """``day`` itself when it is a working day, else the nearest working day before it."""
    while not is_working_day(day):
        day -= timedelta(days=1)
    return day


def local_moment(day: date, *, at: time, timezone: str) -> datetime:
    """The aware UTC instant of ``at`` o'clock on ``day`` in ``timezone`` (DST handled by zoneinfo)."""
    return datetime.combine(day, at, tzinfo=ZoneInfo(timezone)).astimezone(UTC)


def local_date(moment: datetime, *, timezone: str) -> date:
    """The calendar day ``moment`` falls on in ``timezone``."""
    return moment.astimezone(ZoneInfo(timezone)).date()
