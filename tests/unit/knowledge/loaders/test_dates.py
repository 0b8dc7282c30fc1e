"""Tests for date and "last updated" parsing."""

from __future__ import annotations

from datetime import date

import pytest

from knowledge.loaders.dates import LastUpdated, parse_date, parse_last_updated, split_last_updated

JAN_3 = date(2024, 1, 3)


@pytest.mark.parametrize(
    "text",
    ["2024-01-03", "03.01.2024", "3.1.2024", "3. januar 2024", "3 januar 2024", "3. jan. 2024",
     "3 January 2024", "January 3, 2024", "Jan 3rd 2024", " 3. Januar 2024 "],
)  # fmt: skip
def test_known_forms(text: str) -> None:
    assert parse_date(text) == JAN_3


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("17. mai 2023", date(2023, 5, 17)),
        ("1. desember 2022", date(2022, 12, 1)),
        ("5 October 2021", date(2021, 10, 5)),
    ],
)
def test_month_names_in_both_languages(text: str, expected: date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["", "i går", "31.02.2024", "3. foo 2024", "2024", "3. januar"])
def test_unknown_or_impossible_dates(text: str) -> None:
    assert parse_date(text) is None


@pytest.mark.parametrize(
    "line",
    ["Sist oppdatert : 3. januar 2024", "Sist oppdatert: 03.01.2024", "Last updated: 3 January 2024",
     "Last updated 2024-01-03", "sist endret 3.1.2024"],
)  # fmt: skip
def test_last_updated_lines(line: str) -> None:
    assert parse_last_updated(line) == JAN_3


@pytest.mark.parametrize(
    "line",
    ["Sist oppdatert: snart", "Fristen er 3. januar 2024", "Last updated by HK-dir on 3 January 2024"],
)
def test_other_lines_are_not_last_updated(line: str) -> None:
    assert parse_last_updated(line) is None


def test_a_line_glued_to_the_date_is_given_back_and_a_tail_of_the_date_line_is_dropped() -> None:
    glued = "Sist oppdatert : 3. januar 2024For prosjekt godkjende i 2024"
    assert split_last_updated(glued) == LastUpdated(date=JAN_3, rest="For prosjekt godkjende i 2024")
    assert split_last_updated("Last updated: 3 January 2024 by HK-dir") == LastUpdated(date=JAN_3)
    assert split_last_updated("Sist oppdatert: 03.01.2024") == LastUpdated(date=JAN_3)
    assert split_last_updated("Updated on 08.11.22") == LastUpdated(date=date(2022, 11, 8))
    assert split_last_updated("Sist oppdatert den 3. januar 2024") == LastUpdated(date=JAN_3)
    assert split_last_updated("Sist oppdatert: snart") is None
    assert split_last_updated("Fristen er 3. januar 2024") is None
