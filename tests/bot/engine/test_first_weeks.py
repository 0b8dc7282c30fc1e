"""Issue 12 through WorkflowCommands on a real service and database: corrections without dead ends,
questions answered from the project's state, phone typing, and the order of the final report."""

import pytest

from bot.engine.commands import WorkflowCommands
from bot.engine.models import IncomingMessage
from core.language import Language, Platform
from workflows.errors import NoProject

NB, EN = Language.NB, Language.EN
C = "C1"
NUMBER = "2022-1-NO01-KA229-012345"


@pytest.fixture
def commands(workflow_service):
    return WorkflowCommands(service=workflow_service)


def say(commands, user, text, language=NB, channel=C):
    message = IncomingMessage(user_id=user, channel_id=channel, text=text, platform=Platform.SLACK)
    return commands.try_handle(message, language=language)


def setup(commands):
    say(commands, "kari", f"opprett prosjekt {NUMBER} 30.06.2027 Vennskap")
    say(commands, "kari", "legg til partner Liceo Galilei fra Italia")
    say(commands, "kari", "partner add Escola Básica Azul, PT")
    say(commands, "kari", "member add <@luca> partner Liceo Galilei")
    say(commands, "kari", "member add <@ana> partner escola basica azul")


def test_mistakes_can_be_corrected_and_accents_do_not_matter(commands, workflow_service):
    assert say(commands, "kari", f"opprett prosjekt {NUMBER} 30.06.2027 Vennskap").text.startswith(
        "Prosjektet"
    )
    added = say(commands, "kari", "legg til partner Liceo Galilei fra Italia")
    assert "Liceo Galilei (IT)" in added.text and "fra" not in added.text.split("(")[0]
    say(commands, "kari", "partner add Escola Básica Azul, PT")
    assert (
        "partner i Escola Básica Azul"
        in say(commands, "kari", "member add <@ana> partner escola basica azul").text
    )
    say(commands, "kari", "partner add Skole Feil, DE")
    assert "heter nå Skola Riktig" in say(commands, "kari", "partner rename skole feil = Skola Riktig").text
    assert "fjernet" in say(commands, "kari", "fjern partneren Skola Riktig").text
    say(commands, "kari", "member add <@bob> coordinator")
    assert "ikke lenger med" in say(commands, "kari", "member remove <@bob>").text
    project = workflow_service.project(channel_id=C, user_id="kari")
    assert [p.name for p in project.partners] == ["Liceo Galilei", "Escola Básica Azul"]
    assert project.member("bob") is None
    assert "minst én koordinator" in say(commands, "kari", "member remove <@kari>").text


def test_a_far_end_date_is_asked_back_and_a_date_without_a_year_asks_for_it(commands, workflow_service):
    far = say(commands, "kari", f"project add {NUMBER} 30.06.2072 Vennskap")
    assert "30.06.2072 er mer enn ti år" in far.text and "bekreft" in far.text and far.private
    no_year = say(commands, "kari", f"project add {NUMBER} 30. juni Vennskap")
    assert no_year.text.startswith("Hvilket år?") and "30. juni 2027" in no_year.text
    with pytest.raises(NoProject):
        workflow_service.project(channel_id=C, user_id="kari")  # nothing was created
    say(commands, "kari", f"project add {NUMBER} 30.06.2072 Vennskap bekreft")
    assert workflow_service.project(channel_id=C, user_id="kari").end_date.year == 2072


def test_a_withdrawn_partner_no_longer_blocks_the_report(commands, workflow_service):
    setup(commands)
    say(commands, "kari", "start final-report")
    for line in ("ferdig", "hopp over", "ferdig"):
        say(commands, "kari", line)
    say(commands, "luca", "done", EN)
    say(commands, "luca", "done", EN)
    blocked = say(commands, "kari", "done submit")
    assert "kan ikke krysses av ennå" in blocked.text and "Escola Básica Azul" in blocked.text
    assert "Liceo Galilei" not in blocked.text
    assert "trukket" in say(commands, "kari", "Escola Básica Azul har trukket seg").text
    submitted = say(commands, "kari", "done submit")
    assert "Alle stegene" in submitted.text and "Laste opp resultater" in submitted.text
    log = say(commands, "kari", "logg").text
    assert "trakk seg fra prosjektet" in log and "(Escola Básica Azul)" in log


def test_project_questions_are_answered_from_its_state(commands):
    assert say(commands, "kari", "hvem mangler?") is None  # no project here: a guidance question
    setup(commands)
    assert "Ingen prosedyre er i gang" in say(commands, "kari", "hva er neste steg?").text
    say(commands, "kari", "start final-report")
    assert (
        "Neste steg for deg i «Sluttrapport i Mobility Tool+»: Fullfør det kvalitative innholdet"
        in say(commands, "kari", "hva er neste steg?").text
    )
    mine = say(commands, "luca", "what is my next step?", EN).text
    assert "Your next step" in mine and "Partner completes its part (use of funds)" in mine
    missing = say(commands, "kari", "hvem mangler?").text
    assert (
        "Liceo Galilei mangler: Partneren fullfører sin del (bruken av midler) og Partneren bekrefter"
        in missing
    )
    assert "Fakturaer" not in missing and "fakturaer" not in missing  # the optional step is not missing
    assert missing.splitlines()[0].startswith(
        "Koordinator mangler: Fullfør det kvalitative"
    )  # opens in capitals
    deadline = say(commands, "kari", "når er fristen vår?").text
    assert "slutter 30.06.2027" in deadline and "29.08.2027" in deadline and "om 727 dager" in deadline
    assert say(commands, "kari", "Når er fristen for sluttrapporten?") is None  # guidance, not state


def test_what_happens_next_names_the_runs_next_step_and_whom_it_waits_for(commands):
    setup(commands)
    assert "Ingen prosedyre er i gang" in say(commands, "kari", "hva skjer nå?").text
    say(commands, "kari", "start final-report")
    first = say(commands, "luca", "what happens next?", EN).text.splitlines()
    assert first == [
        'Next in "Final report in Mobility Tool+": step 1, Complete the qualitative content - waiting for the coordinator.',
        "Next for you: Partner completes its part (use of funds).",
    ]
    mine = say(commands, "kari", "hva skjer nå?").text
    assert "steg 1, Fullfør det kvalitative innholdet – venter på koordinator." in mine
    assert "Det steget er ditt" in mine
    for step in ("qualitative-content", "ready-for-submission"):
        say(commands, "kari", f"ferdig {step}")
    say(commands, "luca", "We have completed our part.", EN)
    partners = say(commands, "kari", "hva skjer videre?").text  # the optional invoices step is not next
    assert "Partneren fullfører sin del (bruken av midler) – venter på Escola Básica Azul." in partners
    assert "Liceo Galilei" not in partners.splitlines()[0]  # Liceo has done that part


def test_partners_are_pointed_at_their_own_steps(commands):
    setup(commands)
    say(commands, "kari", "start final-report")
    question = IncomingMessage(
        user_id="luca", channel_id=C, text="What is Mobility Tool+?", platform=Platform.SLACK
    )
    hint = commands.resume_hint(question, language=EN)
    assert "Partner completes its part" in hint and "qualitative" not in hint
    first = say(commands, "luca", "done", EN)
    assert first.text.startswith("Ticked: Partner completes its part (use of funds) for Liceo Galilei.")
    last = say(commands, "luca", "done", EN).text
    assert (
        "You have done all your part" in last and "Escola Básica Azul" in last and "the coordinator" in last
    )
    assert "Every step" not in last
    again = say(commands, "luca", "done", EN)
    assert "You have done all your part" in again.text and "ready-for-submission" not in again.text


@pytest.mark.parametrize("typed", ["ferdi", "fredig", "ferdig med det kvalitative innholdet"])
def test_phone_typing_ticks_the_step(commands, typed, workflow_service):
    setup(commands)
    say(commands, "kari", "start final-report")
    reply = say(commands, "kari", typed)
    assert reply.text.startswith("Avkrysset: Fullfør det kvalitative innholdet.")


def test_a_bare_ok_is_acknowledged_not_searched(commands):
    setup(commands)
    assert say(commands, "kari", "ok").text == "👍"
    say(commands, "kari", "start final-report")
    assert "Neste for deg: Fullfør det kvalitative innholdet" in say(commands, "kari", "ok").text


def test_status_lists_every_open_run_and_uses_titles(commands):
    setup(commands)
    say(commands, "kari", "start budget-change")
    say(commands, "kari", "start final-report")
    status = say(commands, "kari", "status").text
    assert "Åpne prosedyrer i prosjektet:" in status and "Endringer i budsjettet" in status
    assert "partner-use-of-funds" not in status and "Partneren fullfører sin del" in status


def test_the_project_language_is_set_by_the_coordinator_and_a_partner_sets_their_own(
    commands, workflow_service
):
    setup(commands)
    assert say(commands, "kari", "project language en").text.startswith("Reminders and checklists")
    assert workflow_service.project(channel_id=C, user_id="kari").language is EN
    assert "Only the coordinator" in say(commands, "luca", "project language nb", EN).text
    chosen = say(commands, "luca", "language en", NB)
    assert chosen.language is EN and chosen.sets_language
    luca = IncomingMessage(user_id="luca", channel_id=C, text="done", platform=Platform.SLACK)
    assert commands.default_language(luca) is EN  # a partner abroad, before any sentence
    kari = IncomingMessage(user_id="kari", channel_id=C, text="done", platform=Platform.SLACK)
    assert commands.default_language(kari) is EN  # the project's language, now English
