"""Parsing of dates and "last updated" lines in Norwegian and English, and finding the dates a text mentions."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

_NORWEGIAN_MONTHS = (
    "januar", "februar", "mars", "april", "mai", "juni",
    "juli", "august", "september", "oktober", "november", "desember",
)  # fmt: skip
_ENGLISH_MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
_MONTHS: dict[str, int] = {
    spelling: number
    for names in (_NORWEGIAN_MONTHS, _ENGLISH_MONTHS)
    for number, name in enumerate(names, start=1)
    for spelling in (name, name[:3])
} | {"sept": 9}

_ISO = re.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})")
# The year may be left out ("30. juni", "June 30", "30.06."): such a date is found in a text but never parsed.
_NUMERIC = re.compile(r"(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?:(?P<year>\d{4})\b|(?!\d))")
_DAY_MONTH = re.compile(r"(?P<day>\d{1,2})\.?\s+(?P<month>[^\W\d_]+)\.?(?:,?\s+(?P<year>\d{4}))?")
_MONTH_DAY = re.compile(
    r"(?P<month>[^\W\d_]+)\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>\d{4}))?"
)
_PATTERNS = (_ISO, _NUMERIC, _DAY_MONTH, _MONTH_DAY)

_LAST_UPDATED = re.compile(
    r"^\s*(?:sist\s+(?:oppdatert|endret)|last\s+(?:updated|modified)|updated)\s*:?\s*(?:(?:on|den)\s+)?"
    r"(?P<date>.+?)\s*$",
    re.IGNORECASE,
)
# A "last updated" line may give the year in two digits ("Updated on 08.11.22"): this century's.
_SHORT_YEAR = re.compile(r"(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{2})(?!\d)")


def parse_date(text: str) -> date | None:
    """Parse a single date written in one of the usual Norwegian or English forms.

    Understands ``2024-01-03``, ``03.01.2024``, ``3. januar 2024``, ``3 January 2024`` and
    ``January 3, 2024``.

    Args:
        text: The text holding only the date (surrounding whitespace is ignored).

    Returns:
        The date, or None when the text is not a date this parser knows or is not a valid day.
    """
    cleaned = text.strip()
    for pattern in _PATTERNS:
        match = pattern.fullmatch(cleaned)
        if match is not None:
            return _build(match)
    return None


@dataclass(frozen=True)
class WrittenDate:
    """A date as a text gives it: the year may be left out."""

    day: int
    month: int
    year: int | None


def dates_in(text: str) -> list[WrittenDate]:
    """Every valid date ``text`` mentions, in any of the forms :func:`parse_date` reads or without its year
    ("30. juni", "June 30th", "30.06."), each once, earliest first (those without a year first)."""
    found: set[WrittenDate] = set()
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            if match.start() and text[match.start() - 1].isalnum():
                continue  # inside a word or a number
            written = _written(match)
            if written is not None:
                found.add(written)
    return sorted(found, key=lambda given: (given.year or 0, given.month, given.day))


def _written(match: re.Match[str]) -> WrittenDate | None:
    month = _month(match.group("month"))
    day, year = int(match.group("day")), match.group("year")
    if month is None or not 1 <= month <= 12:
        return None
    leap_if_unknown = int(year) if year else 2000  # 29 February without a year is a day
    if not 1 <= day <= calendar.monthrange(leap_if_unknown, month)[1]:
        return None
    return WrittenDate(day=day, month=month, year=int(year) if year else None)


def _month(text: str) -> int | None:
    return int(text) if text.isdigit() else _MONTHS.get(text.lower())


@dataclass(frozen=True)
class LastUpdated:
    """A "last updated" line read: its date, and the text a saved page glued to it (``rest``)."""

    date: date
    rest: str = ""


def split_last_updated(line: str) -> LastUpdated | None:
    """Read a "last updated" line, also where a saved page glued the next line to its date (``Sist oppdatert :
    26. september 2024For prosjekt godkjende i 2024``): that text is given back as ``rest`` when it starts a
    new sentence or heading (a capital letter), and dropped as part of the line otherwise ("… 2024 av HK-dir").

    Returns:
        The date and the glued text, or None when the line is not a "last updated" line with a readable date.
    """
    match = _LAST_UPDATED.match(line)
    if match is None:
        return None
    text = match.group("date")
    for pattern in (*_PATTERNS, _SHORT_YEAR):
        found = pattern.match(text)
        built = _build(found) if found is not None else None
        if found is not None and built is not None:
            rest = text[found.end() :].strip()
            return LastUpdated(date=built, rest=rest if rest[:1].isupper() else "")
    return None


def parse_last_updated(line: str) -> date | None:
    """Read the date from a "last updated" line such as ``Sist oppdatert : 3. januar 2024``.

    Args:
        line: One line of page text.

    Returns:
        The date, or None when the line is not a "last updated" line with a readable date.
    """
    found = split_last_updated(line)
    return found.date if found is not None else None


def _build(match: re.Match[str]) -> date | None:
    month = _month(match.group("month"))
    if month is None or match.group("year") is None:
        return None
    year = int(match.group("year"))
    try:
        return date(year + 2000 if year < 100 else year, month, int(match.group("day")))
    except ValueError:
        return None
