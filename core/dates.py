"""Dates and moments written for people, in Bokmål or English, from one month table."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from enum import StrEnum

from core.language import Language

MONTHS: dict[Language, tuple[str, ...]] = {
    Language.NB: (
        "januar", "februar", "mars", "april", "mai", "juni",
        "juli", "august", "september", "oktober", "november", "desember",
    ),
    Language.EN: (
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ),
}  # fmt: skip


class DateStyle(StrEnum):
    """How a date is written: in figures (31.08.2025 / 31 Aug 2025) or with the month in words."""

    SHORT = "short"
    LONG = "long"


def format_date(day: date, language: Language, *, style: DateStyle = DateStyle.SHORT) -> str:
    """A date the way readers of ``language`` write it.

    Args:
        day: The date.
        language: Whose convention: Bokmål or English.
        style: ``SHORT``: 31.08.2025 / 31 Aug 2025; ``LONG``: 31. august 2025 / 31 August 2025.
    """
    month = MONTHS[language][day.month - 1]
    if style is DateStyle.LONG:
        return (
            f"{day.day}. {month} {day.year}" if language is Language.NB else f"{day.day} {month} {day.year}"
        )
    if language is Language.NB:
        return day.strftime("%d.%m.%Y")
    return f"{day.day} {month[:3]} {day.year}"


def format_moment(moment: datetime, language: Language) -> str:
    """A moment as people read it: 21.11.2025 kl. 14:05 / 21 Nov 2025 14:05, in the moment's own zone.

    Views and the audit hand over local times (``RAPPORTLOS_TIMEZONE``); a UTC (or naive) moment is marked UTC.
    """
    clock = moment.strftime("%H:%M")
    joiner = " kl. " if language is Language.NB else " "
    zone = " UTC" if moment.utcoffset() in (None, timedelta(0)) and moment.tzname() in (None, "UTC") else ""
    return f"{format_date(moment.date(), language)}{joiner}{clock}{zone}"
