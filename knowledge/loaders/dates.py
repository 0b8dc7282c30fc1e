"""Parsing of dates and "last updated" lines in Norwegian and English."""

from __future__ import annotations

import re
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
_NUMERIC = re.compile(r"(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})")
_DAY_MONTH = re.compile(r"(?P<day>\d{1,2})\.?\s+(?P<month>[^\W\d_]+)\.?,?\s+(?P<year>\d{4})")
_MONTH_DAY = re.compile(r"(?P<month>[^\W\d_]+)\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})")

_LAST_UPDATED = re.compile(
    r"^\s*(?:sist\s+(?:oppdatert|endret)|last\s+(?:updated|modified)|updated)\s*:?\s*(?P<date>.+?)\s*$",
    re.IGNORECASE,
)


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
    for pattern in (_ISO, _NUMERIC, _DAY_MONTH, _MONTH_DAY):
        match = pattern.fullmatch(cleaned)
        if match is not None:
            return _build(match)
    return None


def parse_last_updated(line: str) -> date | None:
    """Read the date from a "last updated" line such as ``Sist oppdatert : 3. januar 2024``.

    Args:
        line: One line of page text.

    Returns:
        The date, or None when the line is not a "last updated" line with a readable date.
    """
    match = _LAST_UPDATED.match(line)
    return parse_date(match.group("date")) if match else None


def _build(match: re.Match[str]) -> date | None:
    month_text = match.group("month")
    month = int(month_text) if month_text.isdigit() else _MONTHS.get(month_text.lower())
    if month is None:
        return None
    try:
        return date(int(match.group("year")), month, int(match.group("day")))
    except ValueError:
        return None
