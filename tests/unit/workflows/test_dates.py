from datetime import date

import pytest

from workflows.dates import match_date, parse_date, search_date
from workflows.errors import DateWithoutYear, InvalidDate

AUG_31 = date(2025, 8, 31)


@pytest.mark.parametrize(
    "text",
    [
        "31.08.2025",
        "31/08/2025",
        "31-08-2025",
        "2025-08-31",
        "31. august 2025",
        "31 august 2025",
        "31. aug. 2025",
        "August 31, 2025",
        "Aug 31 2025",
        "31 Aug 2025",
        "31st August 2025",
        "31.8.25",
        "08/31/2025",
    ],
)
def test_norwegian_and_english_formats(text):
    assert parse_date(text) == AUG_31


def test_day_first_wins_when_both_readings_exist():
    assert parse_date("01/02/2025") == date(2025, 2, 1)
    assert parse_date("1. mai 2026") == date(2026, 5, 1)
    assert parse_date("May 1, 2026") == date(2026, 5, 1)
    assert parse_date("17. desember 2024") == date(2024, 12, 17)


@pytest.mark.parametrize("text", ["31.02.2025", "2025-13-01", "30. februar 2024", "soon", "31.08", ""])
def test_dates_that_cannot_be_read_or_do_not_exist(text):
    with pytest.raises(InvalidDate):
        parse_date(text)


def test_29_february_only_in_leap_years():
    assert parse_date("29.02.2024") == date(2024, 2, 29)
    with pytest.raises(InvalidDate):
        parse_date("29.02.2025")


def test_dates_inside_sentences():
    assert search_date("prosjektet vårt slutter 31.08.2025.") == AUG_31
    assert search_date("Our project ends on August 31, 2025!") == AUG_31
    assert search_date("2020-1-NO01-KA229-012345 ends 2025-08-31") == AUG_31
    assert search_date("no date here") is None


def test_match_date_returns_the_rest():
    assert match_date("31. august 2025 Vann i Europa") == (AUG_31, "Vann i Europa")
    assert match_date("Vann 31.08.2025") is None


@pytest.mark.parametrize("text", ["30. juni", "30 juni", "June 30", "30.06", "30. juni Vennskap"])
def test_a_date_without_a_year_asks_for_the_year(text):
    with pytest.raises(DateWithoutYear) as error:
        match_date(text)
    assert error.value.text.lower().startswith(("30", "june"))


def test_a_date_with_its_year_is_not_asked_again():
    assert match_date("30. juni 2027 Vennskap") == (date(2027, 6, 30), "Vennskap")
