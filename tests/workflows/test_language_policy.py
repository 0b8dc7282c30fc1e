"""The person's language comes from their sentences, never from command words (issue 12, point 1)."""

from datetime import date

import pytest

from core.language import Language
from workflows.language_policy import default_language, overview_language, sentence_language
from workflows.models import Member, Partner, Project, Role

NB, EN = Language.NB, Language.EN


@pytest.mark.parametrize(
    "text",
    [
        "project add 2022-1-NO01-KA229-012345 30.06.2027 Vennskap",
        "legg til partner Liceo Galilei, Italia",
        "legg til partner Liceo Galilei, IT",  # a country code, not the English "it"
        "add partner Escola Azul, PT",
        "add partner Escola Azul, Portugal",
        "start final-report",
        "status",
        "frist?",
        "logg",
        "remind remove 1",
        "member add <@U123> partner Escola Azul",
        "done",
        "ferdi",
        "ok",
        "/erasmus status",
    ],
)
def test_command_words_say_nothing_about_the_person(text):
    assert sentence_language(text) is None


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("hva er neste steg?", NB),
        ("hvem mangler?", NB),
        ("når er fristen vår?", NB),
        ("ferdig med det kvalitative innholdet", NB),
        ("Hei! Jeg er koordinator for prosjektet", NB),
        ("what is my next step?", EN),
        ("who is missing?", EN),
        ("I have finished our part of the report", EN),
        ("It is done for our school", EN),
    ],
)
def test_sentences_tell_the_language(text, language):
    assert sentence_language(text) is language


def test_a_partner_abroad_defaults_to_english_and_others_to_the_projects_language():
    project = Project(
        id=1,
        number="2022-1-NO01-KA229-012345",
        name="Vennskap",
        end_date=date(2027, 6, 30),
        channel_id="C1",
        partners=(
            Partner(id=1, name="Liceo Galilei", country="IT"),
            Partner(id=2, name="Bø skule", country="NO"),
        ),
        members=(
            Member(user_id="kari", role=Role.COORDINATOR),
            Member(user_id="luca", role=Role.PARTNER, partner_id=1),
            Member(user_id="per", role=Role.PARTNER, partner_id=2),
        ),
    )
    assert default_language(project, "luca") is EN
    assert default_language(project, "per") is NB and default_language(project, "kari") is NB
    english = project.model_copy(update={"language": EN})
    assert default_language(english, "kari") is EN and default_language(english, "stranger") is EN


def test_outside_a_channel_a_person_gets_their_first_projects_choice_and_else_bokmal():
    italy = Partner(id=1, name="Liceo Galilei", country="IT")
    project = Project(
        id=1, number="2022-1-NO01-KA229-012345", name="Vennskap", end_date=date(2027, 6, 30), channel_id="C1",
        partners=(italy,),
        members=(Member(user_id="kari", role=Role.COORDINATOR), Member(user_id="luca", role=Role.PARTNER, partner_id=1)),
    )  # fmt: skip
    english = project.model_copy(update={"id": 2, "language": EN})
    assert overview_language([project], "luca") is EN  # a partner abroad
    assert overview_language([project, english], "kari") is NB and overview_language([english], "kari") is EN
    assert overview_language([], "stranger") is None
