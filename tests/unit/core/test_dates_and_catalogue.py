"""Dates for people from the one month table, and the one catalogue shape."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from core.catalogue import Catalogue
from core.dates import DateStyle, format_date, format_moment
from core.language import Language


@pytest.mark.parametrize(
    ("language", "style", "written"),
    [
        (Language.NB, DateStyle.SHORT, "03.01.2024"),
        (Language.EN, DateStyle.SHORT, "3 Jan 2024"),
        (Language.NB, DateStyle.LONG, "3. januar 2024"),
        (Language.EN, DateStyle.LONG, "3 January 2024"),
    ],
)
def test_a_date_in_each_language_and_style(language: Language, style: DateStyle, written: str) -> None:
    assert format_date(date(2024, 1, 3), language, style=style) == written


def test_a_moment_is_written_in_utc() -> None:
    moment = datetime(2025, 11, 21, 14, 5, tzinfo=UTC)
    assert format_moment(moment, Language.NB) == "21.11.2025 kl. 14:05 UTC"
    assert format_moment(moment, Language.EN) == "21 Nov 2025 14:05 UTC"


def test_a_catalogue_fills_in_values_and_refuses_a_key_twice() -> None:
    catalogue = Catalogue({"hi": ("Hei {name}", "Hi {name}")})
    assert catalogue.say("hi", Language.NB, name="Ana") == "Hei Ana"
    assert catalogue.say("hi", Language.EN, name="Ana") == "Hi Ana" and "hi" in catalogue
    with pytest.raises(ValueError, match="hi"):
        Catalogue({"hi": ("a", "b")}, {"hi": ("c", "d")})
