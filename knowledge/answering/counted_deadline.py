"""The day a deadline falls on, counted from the end date the asker gives.

The guidance says "within 60 days of the end of the project"; a coordinator asks «Prosjektet sluttet 31. august
2025, når må rapporten være inne?». The quote is right, but the asker still has to count. When the question
asks when, names the end and gives one date, and the quote sets a period after the end, the answer also says
the day it comes to, marked as counted by the bot, not quoted from the guidance.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from core.dates import DateStyle, format_date
from core.language import Language
from knowledge.answering.messages import text
from knowledge.loaders.dates import WrittenDate, dates_in
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


def due_date(end: WrittenDate, amount: int, unit: str) -> WrittenDate | None:
    """The date ``amount`` ``unit`` after ``end``; without a year, only when leap years do not change it."""
    if end.year is not None:
        due = _add(date(end.year, end.month, end.day), amount, unit)
        return WrittenDate(day=due.day, month=due.month, year=due.year)
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
    return WrittenDate(day=day, month=month, year=None)


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


def _written(given: WrittenDate, language: Language) -> str:
    """``given`` with the month in words, and the year when it is known."""
    written = format_date(date(given.year or 2000, given.month, given.day), language, style=DateStyle.LONG)
    return written if given.year is not None else written.rsplit(" ", 1)[0]
