"""What a question word asks for (pure)."""

from __future__ import annotations

import pytest

from knowledge.text.question_words import (
    AGE,
    AMOUNT,
    FREQUENCY,
    NUMBER,
    PROCEDURE,
    REASON,
    ROLE,
    STEPS,
    TIME,
    YEAR,
    AnswerCue,
    asked_cues,
    asked_directly,
    asked_in_clauses,
    gives,
    is_date_word,
    search_hints,
)


def test_question_words_in_both_languages_name_the_kind_of_answer() -> None:
    assert asked_cues("Hvorfor må vi laste opp resultater?") == (REASON,)
    assert asked_cues("Who submits the report?") == (ROLE,)
    assert NUMBER in asked_cues("How many steps are there?")
    assert asked_cues("Kan vi flytte midler?") == ()


def test_a_question_word_inside_another_word_does_not_count() -> None:
    assert asked_cues("somewhy odd") == ()


def test_a_sentence_gives_a_number_by_digit_or_word() -> None:
    assert gives(NUMBER, "innen 60 dager")
    assert gives(NUMBER, "Dette gjøres i tre steg:")
    assert gives(NUMBER, "Saman med kontrakten sender vi ut fire vedlegg.")
    assert gives(NUMBER, "It has twelve members.")
    assert not gives(NUMBER, "Go to the page and send it to the agency.")  # "to" is not read as two
    assert not gives(NUMBER, "Koordinator sender inn rapporten.")


def test_only_reason_questions_steer_the_search() -> None:
    assert "derfor" in search_hints("Hvorfor må vi laste opp resultater?")
    assert search_hints("Hvem sender inn rapporten?") == ""


def test_amounts_times_procedures_and_steps() -> None:
    assert AMOUNT in asked_cues("Hvor mye penger får vi?")
    assert gives(AMOUNT, "120 000 euro, 250 000 euro eller 400 000 euro")
    assert not gives(AMOUNT, "innen 60 dager")
    assert gives(TIME, "Group mobility can last from two to thirty days")
    assert PROCEDURE in asked_cues("How do I apply for a new Erasmus+ project?")
    assert gives(PROCEDURE, "I Erasmusportalen finn du søknadsskjemaet")
    assert STEPS in asked_cues("Hvordan laster vi opp resultater?")
    assert gives(STEPS, "Kortfattet er stegene som følger:")
    assert gives(ROLE, "Rektor skriver under kontrakten.")


def test_a_giving_word_counts_as_a_word_with_its_endings_not_inside_another() -> None:
    assert gives(ROLE, "Partnerne må fylle ut sin del.")
    assert gives(ROLE, "The coordinators submit it.")
    assert not gives(ROLE, "Skoleutvekslingspartnerskap skal levere én rapport.")
    assert not gives(ROLE, "The partnerships report once.")
    assert not gives(TIME, "This step is mandatory.")  # "dato" inside a word
    assert not gives(TIME, "The page was updated.")
    assert gives(TIME, "Sett inn dato for avslutning.")
    assert not gives(AGE, "The grant is managed by your school.")
    assert gives(NUMBER, "Maksimalt ti deltakere.")
    assert gives(ROLE, "Policy forvaltes av Europakommisjonen.")  # the end of a compound
    assert gives(ROLE, "Samarbeidspartnerne får en e-post.")


def test_how_often_asks_for_a_frequency() -> None:
    assert asked_cues("How often are the labels given out?") == (FREQUENCY,)
    assert FREQUENCY in asked_cues("Hvor ofte må vi rapportere?")
    assert gives(FREQUENCY, "Merket deles ut bare én gang i året.")
    assert gives(FREQUENCY, "Reports are due twice a year.")
    assert gives(FREQUENCY, "Vi sender ut nyhetsbrev kvar månad.")
    assert not gives(FREQUENCY, "Merket deles ut av den sentrale støttetjenesten.")


def test_which_year_asks_for_a_year() -> None:
    assert asked_cues("Hvilket år ble eTwinning en del av Erasmus+?") == (YEAR,)
    assert YEAR in asked_cues("In what year did the programme start?")
    assert gives(YEAR, "eTwinning ble lansert i 2005.")
    assert not gives(YEAR, "Rapporten leveres innen 60 dager.")
    assert not gives(YEAR, "Prosjektnummeret er 12345.")


def test_a_period_or_the_latest_date_asks_for_a_time() -> None:
    assert TIME in asked_cues("Our school is accredited. What time span does the yearly request cover?")
    assert TIME in asked_cues("Hvis vi trenger mer tid, hva er det seneste prosjektet kan vare til?")
    assert TIME in asked_cues("Hvilken periode dekker søknaden?")
    assert TIME in asked_cues("What is the shortest and longest a small-scale partnership can run?")
    assert TIME not in asked_cues("Hvilke aktiviteter kan vi gjennomføre?")


def test_which_organisation_asks_for_a_role() -> None:
    assert ROLE in asked_cues("Which organisation is behind the eTwinning central support service?")
    assert ROLE in asked_cues("Hvilken organisasjon deler ut merket?")
    assert ROLE not in asked_cues("Which form do we choose?")


def test_a_percentage_or_a_share_asks_for_an_amount() -> None:
    assert AMOUNT in asked_cues("What percentage of the grant is paid out as pre-financing?")
    assert AMOUNT in asked_cues("Når kommer utbetalingen, og hvor stor andel er det?")
    assert AMOUNT not in asked_cues("Hvor stor kan gruppen være?")
    assert gives(AMOUNT, "Forhåndsutbetalingen er 80 % av tilskuddet.")


def test_how_old_asks_for_an_age_that_a_duration_does_not_give() -> None:
    assert asked_cues("Is there a minimum age for pupils on long-term mobility?") == (AGE,)
    assert AGE in asked_cues("Hvor gamle må elevene være for å reise alene?")
    assert gives(AGE, "Elever fra 14 år kan delta i langvarig mobilitet.")
    assert gives(AGE, "Pupils aged 14 or older can take part.")
    assert gives(AGE, "Deltakarane må vere mellom 13 og 19 år.")
    assert not gives(AGE, "Long-term mobility can last from one month to one year.")
    assert not gives(AGE, "Mobiliteten varer fra 10 til 29 dager.")


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        # "when" and "who" that join a clause ask for nothing
        ("Hvilket dokument må signeres når en elev reiser alene?", ()),
        ("Is the grant taxable income for the teachers who travel?", ()),
        ("Når må sluttrapporten leveres?", (TIME,)),
        ("Our project ended on 30 June. Roughly by when must the report be in?", (TIME,)),
        ("Så når må vi levere?", (TIME,)),
        ("Who submits the final report?", (ROLE,)),
        # a deadline after a preposition is the topic, not what is asked
        ("Vi rekker ikke sluttrapporten innen fristen – hva gjør vi?", ()),
        ("Can we submit after the deadline?", ()),
        ("frist?", (TIME,)),
        ("What's the deadline for the final report?", (TIME,)),
        ("Hva er fristen for sluttrapporten?", (TIME,)),
    ],
)
def test_a_question_word_asks_only_where_it_stands_as_one(
    question: str, asked: tuple[AnswerCue, ...]
) -> None:
    assert asked_cues(question) == asked


def test_a_page_saying_no_application_is_needed_answers_how_to_apply() -> None:
    assert gives(PROCEDURE, "Det europeiske kvalitetsmerket – det er ikke nødvendig å søke!")
    assert gives(PROCEDURE, "Schools do not need to apply for the label.")
    assert not gives(PROCEDURE, "Merket deles ut én gang i året.")


def test_numbers_and_months_are_the_askers_details() -> None:
    assert is_date_word("30") and is_date_word("30.06.2026") and is_date_word("June") and is_date_word("juni")
    assert not is_date_word("minimum") and not is_date_word("report")


def test_a_question_word_after_a_verb_of_deciding_asks_what_decides_it() -> None:
    assert not asked_directly(AMOUNT, "Is funding guaranteed, and what decides how much we get?")
    assert not asked_directly(AMOUNT, "Hva avgjør hvor mye vi får tildelt?")
    assert not asked_directly(AMOUNT, "Kva avheng av kor mykje de får?")
    assert asked_directly(AMOUNT, "Hvor mye får vi, og hva avgjør det?")
    assert asked_directly(AMOUNT, "What decides it, and how much do we get?")
    assert asked_directly(PROCEDURE, "How do we apply?")


def test_a_question_word_after_a_comma_counts_when_choosing_what_to_quote() -> None:
    question = "Prosjektet vårt slutter 30.06.2026, når må sluttrapporten være levert?"
    assert TIME not in asked_cues(question)  # «, når» often joins clauses: the decline signals leave it out
    assert TIME in asked_in_clauses(question)
    assert asked_in_clauses("Who submits the report?") == asked_cues("Who submits the report?") == (ROLE,)
