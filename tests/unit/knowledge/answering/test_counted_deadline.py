"""The deadline counted from the end date the asker gives, added under the quote that sets the period."""

from __future__ import annotations

import pytest

from core.language import Language
from knowledge.answering.counted_deadline import deadline_line, due_date, period_after_end
from knowledge.loaders.dates import WrittenDate as Given
from knowledge.loaders.dates import dates_in

NB_QUOTE = "Skoleutvekslingspartnerskap skal levere en sluttrapport innen 60 dager etter endt prosjekt."
EN_QUOTE = "School exchange partnerships must submit a final report within 60 days of the end of the project."


@pytest.mark.parametrize(
    ("text", "given"),
    [
        ("sluttet 2025-08-31", Given(31, 8, 2025)),
        ("sluttet 31.08.2025.", Given(31, 8, 2025)),
        ("sluttet 31. august 2025", Given(31, 8, 2025)),
        ("ended on 30 June", Given(30, 6, None)),
        ("ends June 30th, 2026", Given(30, 6, 2026)),
        ("slutter 30.06. i år", Given(30, 6, None)),
        ("ended 3 Sept 2025", Given(3, 9, 2025)),
    ],
)
def test_dates_are_read_as_people_write_them(text: str, given: Given) -> None:
    assert dates_in(text) == [given]


def test_no_impossible_date_and_no_number_is_read_as_a_date() -> None:
    assert dates_in("31.02.2025, 60 dager, 2 partnere, versjon 1.3.3") == []


def test_the_period_must_run_from_the_end() -> None:
    assert period_after_end(NB_QUOTE) == (60, "days")
    assert period_after_end(EN_QUOTE) == (60, "days")
    assert period_after_end("Rapporten leveres innen 2 måneder etter sluttdato.") == (2, "months")
    assert period_after_end("Søknaden behandles innen 30 dager etter søknadsfristen.") is None
    assert period_after_end("Prosjektet varer i 24 måneder.") is None


def test_a_date_without_a_year_is_counted_only_when_leap_years_do_not_move_it() -> None:
    assert due_date(Given(30, 6, None), 60, "days") == Given(29, 8, None)
    assert due_date(Given(31, 12, None), 60, "days") is None  # 1 March, or 29 February in a leap year
    assert due_date(Given(31, 12, 2023), 60, "days") == Given(29, 2, 2024)
    assert due_date(Given(31, 1, 2025), 1, "months") == Given(28, 2, 2025)


def test_the_line_gives_the_end_date_and_the_day_it_comes_to_in_the_askers_language() -> None:
    norwegian = deadline_line(
        "Vi avsluttet prosjektet 31. august 2025, når må rapporten være inne?", NB_QUOTE, Language.NB
    )
    english = deadline_line(
        "Our project ended on 30 June. Roughly by when must the report be in?", EN_QUOTE, Language.EN
    )

    assert norwegian is not None and "31. august 2025" in norwegian and "30. oktober 2025" in norwegian
    assert "regnet ut her" in norwegian
    assert english is not None and "30 June" in english and "29 August" in english
    assert "not quoted from the guidance" in english


@pytest.mark.parametrize(
    "question",
    [
        "Når er fristen for sluttrapporten?",  # no date
        "Vi startet 1. september 2024, når er fristen?",  # a date, but not the end
        "Prosjektet startet 1.9.2023 og slutter 31.8.2025. Når er fristen?",  # two dates: which is meant
        "Prosjektet sluttet 31. august 2025. Hvem sender inn rapporten?",  # does not ask when
    ],
)
def test_no_line_unless_the_question_asks_when_and_gives_one_end_date(question: str) -> None:
    assert deadline_line(question, NB_QUOTE, Language.NB) is None


def test_no_line_when_the_quote_sets_no_period_after_the_end() -> None:
    quote = "Koordinator sender inn rapporten på vegne av hele partnerskapet."
    assert deadline_line("Prosjektet sluttet 31. august 2025, når er fristen?", quote, Language.NB) is None
