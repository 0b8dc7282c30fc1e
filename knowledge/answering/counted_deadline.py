"""The day a deadline falls on, counted from the end date the asker gives.

The guidance says "within 60 days of the end of the project"; a coordinator asks «Prosjektet sluttet 31. august
2025, når må rapporten være inne?». The quote is right, but the asker still has to count. When the question
asks when, names the end and gives one date, and the quote sets a period after the end, the answer also says
the day it comes to, marked as counted by the bot, not quoted from the guidance.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from core.dates import MONTHS, DateStyle, format_date
from core.language import Language
from knowledge.answering.messages import text
from knowledge.text.question_words import TIME, asked_in_clauses
from knowledge.text.tokens import tokenize

# Words that name the end of a project, in Bokmål, Nynorsk and English ("etter endt prosjekt", "of the end").
_END_WORDS = frozenset(
    {
        "slutt", "slutter", "sluttet", "slutta", "sluttdato", "sluttdatoen", "avslutt", "avslutter", "avsluttet",
        "avsluttes", "avslutta", "endt", "ender", "endte", "ferdig", "end", "ends", "ended", "ending", "finish",
        "finished", "finishes", "over",
    }
)  # fmt: skip
_UNIT = r"(?P<unit>dager|dagar|days|uker|veker|weeks|måneder|månader|months)"
# A period that runs from the end: "innen 60 dager etter endt prosjekt", "within 60 days of the end".
_PERIOD = re.compile(
    rf"(?P<amount>\d{{1,3}})\s+{_UNIT}\s+(?:etter|after|of|from|fra|frå)\b(?P<what>[^.!?\n]{{0,40}})",
    re.IGNORECASE,
)
_CYCLE = (2001, 2002, 2003, 2004)
_MONTH_NUMBERS = {
    name.lower()[:length]: number
    for names in MONTHS.values()
    for number, name in enumerate(names, start=1)
    for length in (3, len(name))
} | {"sept": 9, "okt": 10, "des": 12}
_MONTH = r"(?P<month>[^\W\d_]{3,9})\.?"
_DAY = r"(?P<day>\d{1,2})"
_YEAR = r"(?:,?\s+(?P<year>\d{4}))?"
_DATES = (
    re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})\b"),
    re.compile(r"\b(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?:(?P<year>\d{4})\b|(?!\d))"),
    re.compile(rf"\b{_DAY}\.?\s+{_MONTH}{_YEAR}", re.IGNORECASE),
    re.compile(rf"\b{_MONTH}\s+{_DAY}(?:st|nd|rd|th)?\b{_YEAR}", re.IGNORECASE),
)


@dataclass(frozen=True)
class Given:
    """A date as the asker wrote it (the year may be left out)."""

    day: int
    month: int
    year: int | None


def dates_in(text: str) -> list[Given]:
    """Every valid date written in ``text`` (``2025-08-31``, ``31.08.2025``, ``31. august 2025``, ``30 June``,
    ``June 30, 2025``), in no particular order, each once."""
    found: set[Given] = set()
    for pattern in _DATES:
        for match in pattern.finditer(text):
            month_text = match.group("month")
            month = int(month_text) if month_text.isdigit() else _MONTH_NUMBERS.get(month_text.lower())
            year = int(match.group("year")) if match.group("year") else None
            if month and _valid(int(match.group("day")), month, year):
                found.add(Given(day=int(match.group("day")), month=month, year=year))
    return sorted(found, key=lambda given: (given.year or 0, given.month, given.day))


def _valid(day: int, month: int, year: int | None) -> bool:
    if not 1 <= month <= 12:
        return False
    return 1 <= day <= calendar.monthrange(year or 2000, month)[1]  # 29 February with no year: allowed


def period_after_end(quote: str) -> tuple[int, str] | None:
    """``(amount, unit)`` of the first period in ``quote`` that runs from the end ("60 dager etter endt
    prosjekt"), the unit one of "days", "weeks", "months"; None without one."""
    for match in _PERIOD.finditer(quote):
        if _END_WORDS & set(tokenize(match.group("what"))):
            unit = match.group("unit").lower()
            kind = "days" if unit.startswith("da") else "weeks" if unit[0] in "uwv" else "months"
            return int(match.group("amount")), kind
    return None


def _add(start: date, amount: int, unit: str) -> date:
    if unit == "days":
        return start + timedelta(days=amount)
    if unit == "weeks":
        return start + timedelta(weeks=amount)
    months = start.month - 1 + amount
    year, month = start.year + months // 12, months % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def due_date(end: Given, amount: int, unit: str) -> Given | None:
    """The date ``amount`` ``unit`` after ``end``; without a year, only when leap years do not change it."""
    if end.year is not None:
        due = _add(date(end.year, end.month, end.day), amount, unit)
        return Given(day=due.day, month=due.month, year=due.year)
    if (end.month, end.day) == (2, 29):
        return None
    # Four years in a row hold one leap day whichever February the period crosses.
    days = {
        (due.month, due.day)
        for due in (_add(date(year, end.month, end.day), amount, unit) for year in _CYCLE)
    }
    if len(days) != 1:
        return None
    month, day = days.pop()
    return Given(day=day, month=month, year=None)


def deadline_line(question: str, quote: str, language: Language) -> str | None:
    """A line for the answer: the deadline counted from the end date in the question (see the module), in
    ``language``; None when the question and the quote do not give what it needs."""
    if not _asks_when(question) or not _END_WORDS & set(tokenize(question)):
        return None
    given = dates_in(question)
    period = period_after_end(quote)
    if len(given) != 1 or period is None:
        return None
    due = due_date(given[0], *period)
    if due is None:
        return None
    return text("counted_deadline", language, end=_written(given[0], language), due=_written(due, language))


def _asks_when(question: str) -> bool:
    """Whether the question, or a clause of it («Prosjektet sluttet 31. august, når må rapporten være inne?»),
    asks when."""
    return TIME in asked_in_clauses(question)


def _written(given: Given, language: Language) -> str:
    """``given`` with the month in words, and the year when it is known."""
    written = format_date(date(given.year or 2000, given.month, given.day), language, style=DateStyle.LONG)
    return written if given.year is not None else written.rsplit(" ", 1)[0]
