"""Years outside 2000-2099 are refused where dates are read, never silently moved to another century."""

from datetime import date

import pytest

from workflows.dates import parse_date, search_date
from workflows.errors import DateOutOfRange, InvalidDate


@pytest.mark.parametrize("text", ["01.01.0001", "31.12.9999", "1999-12-31", "1. januar 2100", "Jan 1, 0001"])
def test_years_out_of_range_are_refused(text):
    with pytest.raises(DateOutOfRange):
        parse_date(text)


def test_a_year_out_of_range_is_an_invalid_date_for_callers_that_only_know_that():
    with pytest.raises(InvalidDate):
        search_date("vi slutter 01.01.0001")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("01.01.2000", date(2000, 1, 1)),
        ("31.12.2099", date(2099, 12, 31)),
        ("31.08.25", date(2025, 8, 31)),
    ],
)
def test_the_window_s_edges_and_two_digit_years_are_read(text, expected):
    assert parse_date(text) == expected
