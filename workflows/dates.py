"""Reading Norwegian and English dates: 31.08.2025, 2025-08-31, 31. august 2025, Aug 31, 2025."""

from __future__ import annotations

import re
from datetime import date

from workflows.errors import DateOutOfRange, DateWithoutYear, InvalidDate

_MONTHS = {
    "januar": 1, "january": 1, "jan": 1,
    "februar": 2, "february": 2, "feb": 2,
    "mars": 3, "march": 3, "mar": 3,
    "april": 4, "apr": 4,
    "mai": 5, "may": 5,
    "juni": 6, "june": 6, "jun": 6,
    "juli": 7, "july": 7, "jul": 7,
    "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9,
    "oktober": 10, "october": 10, "okt": 10, "oct": 10,
    "november": 11, "nov": 11,
    "desember": 12, "december": 12, "des": 12, "dec": 12,
}  # fmt: skip
_MONTH = "(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th|\.)?"
_YEAR = r"(?P<year>\d{4})"
_PATTERNS = (
    re.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})(?!\d|[./-]\d)"),
    re.compile(r"(?P<a>\d{1,2})(?P<sep>[./-])(?P<b>\d{1,2})(?P=sep)(?P<year>\d{4}|\d{2})(?!\d|[./-]\d)"),
    re.compile(rf"{_DAY}\s*(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),
)
EXAMPLE = "31.08.2025"
FIRST_YEAR, LAST_YEAR = (
    2000,
    2099,
)  # project and reminder dates; also keeps date arithmetic far from year 9999
# A day and a month but no year («30. juni», "June 30", 30.06): the person is asked for the year.
_NO_YEAR = (
    re.compile(rf"{_DAY}\s*(?:of\s+)?{_MONTH}(?=[\s,.!?]|$)", re.IGNORECASE),
    re.compile(rf"{_MONTH}\s+{_DAY}(?=[\s,.!?]|$)", re.IGNORECASE),
    re.compile(r"(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.?(?=\s|$)"),
)


def _build(match: re.Match[str]) -> date:
    groups = match.groupdict()
    year = int(groups["year"])
    year = year + 2000 if len(groups["year"]) == 2 else year
    if not FIRST_YEAR <= year <= LAST_YEAR:  # "0001" is not "2001"
        raise DateOutOfRange(text=match.group(0))
    if groups.get("a") is not None:
        first, second = int(groups["a"]), int(groups["b"])
        # Day first (Norwegian and British); month first only when the text cannot be read day first.
        day, month = (second, first) if groups["sep"] == "/" and second > 12 >= first else (first, second)
    else:
        raw_month = groups["month"].lower().rstrip(".")
        month = int(raw_month) if raw_month.isdigit() else _MONTHS[raw_month]
        day = int(groups["day"])
    try:
        return date(year, month, day)
    except ValueError:
        raise InvalidDate(text=match.group(0)) from None


def match_date(text: str) -> tuple[date, str] | None:
    """A date at the start of ``text`` and the text after it, or None when none starts there.

    Raises:
        InvalidDate: the text starts like a date that does not exist (e.g. 31.02.2025).
        DateWithoutYear: the text starts with a day and a month but no year («30. juni»).
    """
    stripped = text.lstrip()
    for pattern in _PATTERNS:
        match = pattern.match(stripped)
        if match:
            return _build(match), stripped[match.end() :].strip()
    _refuse_missing_year(stripped)
    return None


def _refuse_missing_year(text: str) -> None:
    """Raise :class:`DateWithoutYear` when ``text`` starts with a day and a month but no year."""
    for pattern in _NO_YEAR:
        match = pattern.match(text)
        if match and 1 <= int(match["day"]) <= 31:
            raise DateWithoutYear(text=match.group(0).rstrip(" ,.!?") or text)


def search_date(text: str) -> date | None:
    """The first date anywhere in ``text``, or None.

    Raises:
        InvalidDate: the text holds something shaped like a date that does not exist.
    """
    found = [(m.start(), m) for pattern in _PATTERNS for m in [pattern.search(text)] if m]
    if not found:
        return None
    return _build(min(found, key=lambda item: item[0])[1])


def parse_date(text: str) -> date:
    """The date ``text`` holds and nothing else.

    Raises:
        InvalidDate: when it cannot be read or does not exist.
    """
    matched = match_date(text)
    if matched is None or matched[1]:
        raise InvalidDate(text=text.strip())
    return matched[0]
