from datetime import date

import pytest

from workflows.commands import CommandKind
from workflows.definitions import load_procedures
from workflows.errors import (
    InvalidDate,
    InvalidProjectNumber,
    MissingArgument,
    UnknownCommand,
    UnknownCountry,
)
from workflows.models import Role
from workflows.parsing import parse

PROCEDURES = load_procedures()


def p(text):
    return parse(text, procedures=PROCEDURES)


def test_project_add_with_number_date_and_name():
    command = p("project add 2020-1-NO01-KA229-012345 31.08.2025 Vann i Europa")
    assert command.kind is CommandKind.PROJECT_ADD
    assert (command.number, command.end_date, command.name) == (
        "2020-1-NO01-KA229-012345",
        date(2025, 8, 31),
        "Vann i Europa",
    )
    english = p("project add 2020-1-no01-ka229-012345 August 31, 2025")
    assert english.end_date == date(2025, 8, 31) and english.name is None
    assert p("prosjekt legg til 2020-1-NO01-KA229-012345 31. august 2025 Vann").name == "Vann"


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("project add 2020-1-NO1-KA229-012345 31.08.2025", InvalidProjectNumber),
        ("project add 2020-1-NO01-KA229-012345 31.02.2025", InvalidDate),
        ("project add 2020-1-NO01-KA229-012345 next summer", InvalidDate),
        ("project add 2020-1-NO01-KA229-012345", MissingArgument),
        ("project add", MissingArgument),
        ("project end 32.01.2025", InvalidDate),
        ("prosjektet vårt slutter i sommer", InvalidDate),
        ("partner add Escola X, Atlantis", UnknownCountry),
        ("partner add Escola", MissingArgument),
        ("member add U1 headmaster", MissingArgument),
        ("member add U1 partner", MissingArgument),
        ("project frobnicate", UnknownCommand),
        ("/frobnicate", UnknownCommand),
        ("start", MissingArgument),
    ],
)
def test_bad_input_raises_a_clear_domain_error(text, error):
    with pytest.raises(error):
        p(text)


def test_end_date_in_plain_norwegian_and_english():
    for text in [
        "prosjektet vårt slutter 31.08.2025",
        "Our project ends on August 31, 2025",
        "sluttdato er 2025-08-31",
    ]:
        command = p(text)
        assert command.kind is CommandKind.PROJECT_END and command.end_date == date(2025, 8, 31), text


def test_partners_with_codes_names_and_commas():
    assert (p("add partner Escola X, PT").name, p("add partner Escola X, PT").country) == ("Escola X", "PT")
    assert p("partner add Gymnasium Berlin Tyskland").country == "DE"
    assert p("legg til partner IES Sevilla Spain").name == "IES Sevilla"
    assert p("partner add Bristol Academy United Kingdom").country == "UK"


def test_members_with_slack_mentions_and_roles():
    coordinator = p("member add <@U0123ABC> coordinator")
    assert (coordinator.member_id, coordinator.role) == ("U0123ABC", Role.COORDINATOR)
    partner = p("member add U77 partner Escola X")
    assert (partner.role, partner.partner_name) == (Role.PARTNER, "Escola X")
    plain = p("legg til U88 som partner for Escola X")
    assert (plain.member_id, plain.role, plain.partner_name) == ("U88", Role.PARTNER, "Escola X")
    assert p("add <@U9> as coordinator").role is Role.COORDINATOR


@pytest.mark.parametrize(
    ("text", "procedure"),
    [
        ("start final-report", "final-report"),
        ("start results-upload", "results-upload"),
        ("start budget-change", "budget-change"),
        ("la oss starte sluttrapporten", "final-report"),
        ("I want to start the final report", "final-report"),
        ("begynn på budsjettendringen", "budget-change"),
        ("start tax-return", "tax-return"),  # the service says it does not exist, with the choices
    ],
)
def test_start_in_commands_and_words(text, procedure):
    command = p(text)
    assert command.kind is CommandKind.START and command.procedure_id == procedure


@pytest.mark.parametrize(
    ("text", "kind", "step", "explicit"),
    [
        ("done", CommandKind.DONE, None, True),
        ("ferdig", CommandKind.DONE, None, True),
        ("done invoices", CommandKind.DONE, "invoices", True),
        ("skip invoices", CommandKind.SKIP, "invoices", True),
        ("hopp over", CommandKind.SKIP, None, True),
        ("undo submit", CommandKind.UNDO, "submit", True),
        ("angre", CommandKind.UNDO, None, True),
        ("back", CommandKind.BACK, None, True),
        ("tilbake", CommandKind.BACK, None, True),
        ("status", CommandKind.STATUS, None, True),
        ("jeg er ferdig", CommandKind.DONE, None, False),
        ("I'm done.", CommandKind.DONE, None, False),
        ("neste", CommandKind.DONE, None, False),
        ("We have completed our part.", CommandKind.DONE, None, False),
        ("I've finished my part of the report", CommandKind.DONE, None, False),
        ("Our part is done!", CommandKind.DONE, None, False),
        ("vi er ferdige med vår del", CommandKind.DONE, None, False),
        ("Vi har fullført vår del av rapporten.", CommandKind.DONE, None, False),
        ("min del er ferdig", CommandKind.DONE, None, False),
        ("skip this", CommandKind.SKIP, None, False),
        ("gå tilbake", CommandKind.BACK, None, False),
        ("hvor er vi?", CommandKind.STATUS, None, False),
    ],
)
def test_step_commands_and_their_plain_equivalents(text, kind, step, explicit):
    command = p(text)
    assert (command.kind, command.step_id, command.explicit) == (kind, step, explicit)


@pytest.mark.parametrize(
    "text",
    [
        "Hva er fristen for sluttrapporten?",
        "help me understand the budget rules",
        "start date of the project?",
        "status of Erasmus+ in Norway",
        "Når slutter prosjektet?",
        "We have completed the application, what now with the budget?",
        "Vi har gjort endringer i budsjettet, må vi si fra?",
        "",
    ],
)
def test_questions_are_not_commands(text):
    command = p(text)
    assert command is None or not command.explicit


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("ferdi", CommandKind.DONE),
        ("fredig", CommandKind.DONE),
        ("stauts", CommandKind.STATUS),
        ("ok", CommandKind.ACK),
        ("hva er neste steg?", CommandKind.NEXT_STEP),
        ("what is my next step?", CommandKind.NEXT_STEP),
        ("what happens next?", CommandKind.WHAT_NEXT),
        ("hva skjer nå?", CommandKind.WHAT_NEXT),
        ("what do i do now?", CommandKind.NEXT_STEP),
        ("hvem mangler?", CommandKind.WHO_MISSING),
        ("who is missing?", CommandKind.WHO_MISSING),
        ("når er fristen vår?", CommandKind.DEADLINE),
        ("frist?", CommandKind.DEADLINE),
        ("partner remove Escola Basica", CommandKind.PARTNER_REMOVE),
        ("fjern partneren Escola Azul", CommandKind.PARTNER_REMOVE),
        ("partner rename Liceo Galilei fra = Liceo Galilei", CommandKind.PARTNER_RENAME),
        ("partner withdraw Escola Azul", CommandKind.PARTNER_WITHDRAW),
        ("Escola Azul har trukket seg", CommandKind.PARTNER_WITHDRAW),
        ("member remove <@U123>", CommandKind.MEMBER_REMOVE),
        ("project language en", CommandKind.PROJECT_LANGUAGE),
        ("language en", CommandKind.LANGUAGE),
    ],
)
def test_phone_typing_and_plain_phrasings(text, kind):
    assert p(text).kind is kind


@pytest.mark.parametrize(
    ("text", "end", "name"),
    [
        ("nytt prosjekt 2024-1-NO01-KA220-SCH-000012345 sluttdato 2025-08-31", date(2025, 8, 31), None),
        (
            "opprett prosjekt 2024-1-NO01-KA220-SCH-000012345 med sluttdato 31.08.2025",
            date(2025, 8, 31),
            None,
        ),
        (
            "opprett prosjekt 2022-1-NO01-KA229-012345 som slutter 30.06.2027 Vennskap",
            date(2027, 6, 30),
            "Vennskap",
        ),
        (
            "new project 2024-1-NO01-KA220-SCH-000012345 ending on 31 August 2025 Water",
            date(2025, 8, 31),
            "Water",
        ),
        ("create project 2024-1-NO01-KA220-SCH-000012345 with end date 31.08.2025", date(2025, 8, 31), None),
    ],
)
def test_a_project_created_in_a_sentence_reads_its_end_date(text, end, name):
    command = p(text)
    assert command.kind is CommandKind.PROJECT_ADD
    assert (command.end_date, command.name) == (end, name)


def test_new_project_without_a_number_is_a_question():
    assert p("New project rules for 2025?") is None
    assert p("Nytt prosjekt – hva må vi gjøre først?") is None


def test_typos_are_only_read_when_one_command_word_is_meant():
    assert p("dine") is None  # too short to guess
    assert p("Når er fristen for sluttrapporten?") is None  # a guidance question, not the project's state
    assert p("What is the deadline for the final report?") is None


def test_sentences_that_name_a_step_and_create_things():
    assert p("ferdig med det kvalitative innholdet").step_id == "qualitative-content"
    created = p("opprett prosjekt 2022-1-NO01-KA229-012345 30.06.2027 Vennskap")
    assert created.kind is CommandKind.PROJECT_ADD and created.name == "Vennskap"
    partner = p("legg til partner Liceo Galilei fra Italia")
    assert (partner.name, partner.country) == ("Liceo Galilei", "IT")
    renamed = p("partner rename Liceo Galilei fra = Liceo Galilei")
    assert (renamed.partner_name, renamed.name) == ("Liceo Galilei fra", "Liceo Galilei")
    assert p("project end 30.06.2072 bekreft").confirmed and not p("project end 30.06.2072").confirmed
