"""WorkflowCommands over a real service and database: words in, typed replies out, in Bokmål and English."""

import pytest

from bot.engine.commands import WorkflowCommands
from bot.engine.models import IncomingMessage
from core.language import Language, Platform
from storage import SqlWorkflowStore, create_database
from workflows.definitions import load_procedures
from workflows.display import draw_people
from workflows.service import WorkflowService
from workflows.views import ChecklistView, StepState

NB, EN = Language.NB, Language.EN
C = "C1"


@pytest.fixture
def commands(workflow_service):
    return WorkflowCommands(service=workflow_service)


def say(commands, user, text, language=EN, channel=C):
    message = IncomingMessage(user_id=user, channel_id=channel, text=text, platform=Platform.SLACK)
    return commands.try_handle(message, language=language)


def setup(commands):
    say(commands, "coord", "project add 2020-1-NO01-KA229-012345 31.08.2025 Vann i Europa")
    say(commands, "coord", "add partner Escola X, PT")
    say(commands, "coord", "partner add Gymnasium Y Tyskland")
    say(commands, "coord", "member add <@ana> partner Escola X")
    say(commands, "coord", "legg til bea som partner i Gymnasium Y", NB)


def test_help_lists_the_commands_in_the_users_language(commands):
    english, norwegian = say(commands, "u", "help"), say(commands, "u", "hjelp", NB)
    for reply in (english, norwegian):
        assert "project add <project number> <end date> [name]" in reply.lines()
        assert "member add <user-id> coordinator" in reply.lines() and reply.private
    assert "Commands" in english.lines() and "Kommandoer" in norwegian.lines()


def test_questions_are_left_to_the_knowledge_base(commands):
    setup(commands)
    assert say(commands, "coord", "Hva er fristen for sluttrapporten?", NB) is None
    assert say(commands, "coord", "I'm done", EN) is None  # plain words only count during a procedure


def test_a_question_in_the_channel_carries_the_projects_number_for_its_members(commands):
    setup(commands)

    def asked(user, channel=C):
        return IncomingMessage(
            user_id=user, channel_id=channel, text="Når er fristen?", platform=Platform.SLACK
        )

    assert commands.project_number(asked("coord")) == "2020-1-NO01-KA229-012345"
    assert commands.project_number(asked("ana")) == "2020-1-NO01-KA229-012345"
    assert commands.project_number(asked("stranger")) is None  # not a member: nothing about the project
    assert commands.project_number(asked("coord", channel="C-other")) is None


def test_project_show_has_the_end_date_and_the_final_report_deadline(commands):
    created = say(commands, "coord", "project add 2020-1-NO01-KA229-012345 31.08.2025 Vann i Europa", NB)
    assert "30.10.2025" in created.lines() and "koordinator" in created.lines()
    say(commands, "coord", "prosjektet vårt slutter 30. september 2025", NB)
    shown = say(commands, "coord", "project show", EN)
    assert "Ends 30 Sep 2025" in shown.lines() and "29 Nov 2025" in shown.lines()
    assert "coord (coordinator)" in draw_people(shown.lines())


def test_bad_input_gets_a_clear_message(commands):
    setup(commands)
    assert "31.02.2025" in say(commands, "coord", "project end 31.02.2025").text
    assert "Hvilken dato" in say(commands, "coord", "prosjektet vårt slutter snart", NB).lines()
    assert "2020-1-NO01-KA229-012345" in say(commands, "x", "project add 2020-NO-1 31.08.2025", EN).lines()
    assert "frobnicate" in say(commands, "coord", "/frobnicate").text
    say(commands, "coord", "start final-report")
    unknown_step = say(commands, "coord", "done make-coffee")
    assert "make-coffee" in unknown_step.lines() and "qualitative-content" in unknown_step.lines()
    assert "final-report" in say(commands, "coord", "start tax-return").text
    assert "Escola X" in say(commands, "coord", "member add U9 partner Nowhere").text


def test_refusals_say_why(commands):
    setup(commands)
    say(commands, "coord", "start final-report")
    partner = say(commands, "ana", "done ready-for-submission", NB)
    assert "koordinator" in partner.lines() and partner.private
    coordinator = say(commands, "coord", "done partner-use-of-funds")
    assert "each partner school" in coordinator.lines()
    outsider = say(commands, "eve", "status")
    assert "not part of project 2020-1-NO01-KA229-012345" in outsider.lines()
    assert "Only the coordinator" in say(commands, "ana", "partner add Liceo Z, IT").text
    assert "no project" in say(commands, "coord", "status", channel="C_OTHER").text


def test_walking_through_shows_step_source_and_checklist(commands):
    setup(commands)
    started = say(commands, "coord", "la oss starte sluttrapporten", NB)
    assert "Steg 1 av 6" in started.lines() and "Sluttrapportering" in started.lines()
    assert "https://erasmuspluss.no/skoleutvekslingspartnerskap" in started.lines()
    assert isinstance(started.checklist, ChecklistView)
    ticked = say(commands, "coord", "ferdig", NB)  # a short confirmation naming the next own step
    assert ticked.text.startswith("Avkrysset: Fullfør det kvalitative innholdet.")
    assert "Neste for deg: Legg ved fakturaer" in ticked.text and "«status»" in ticked.text
    assert len(ticked.lines().splitlines()) == 2 and ticked.changed_run_id is not None
    skipped = say(commands, "coord", "hopp over", NB)
    assert skipped.checklist.steps[1].state is StepState.SKIPPED
    back = say(commands, "coord", "back")
    assert "Step 2 of 6" in back.lines()
    stale = say(commands, "coord", "skip")
    assert "already skipped by coord" in stale.lines() and "Nothing was changed" in stale.lines()
    undone = say(commands, "coord", "undo")
    assert "open again" in undone.lines() and undone.checklist.steps[1].state is StepState.OPEN


def test_a_procedure_written_for_another_action_says_so_when_it_starts(commands):
    say(commands, "coord", "project add 2023-1-NO01-KA210-SCH-000123456 31.08.2025 Småskala", channel="C9")
    started = say(commands, "coord", "start sluttrapport", NB, channel="C9")
    assert "for KA229, og prosjektet ditt er et KA210-prosjekt" in started.lines()
    assert "Steg 1 av 6" in started.lines()  # the steps are still there to follow
    setup(commands)
    own = say(commands, "coord", "start final report")
    assert "KA229" not in own.lines().split("Step 1")[0]


def test_status_is_a_partnership_dashboard(commands):
    setup(commands)
    say(commands, "coord", "start final-report")
    say(commands, "ana", "done partner-use-of-funds")
    status = say(commands, "coord", "status", NB)
    view = status.checklist
    assert [(row.partner, row.done, row.total) for row in view.dashboard] == [
        ("Escola X", 1, 2),
        ("Gymnasium Y", 0, 2),
    ]
    shown = draw_people(status.lines(), lambda user: f"<@{user}>")  # people are references the platform draws
    assert "Venter på Gymnasium Y (<@bea>)" in shown
    assert "Venter på koordinator (<@coord>)" in shown
    assert view.steps[3].state is StepState.PARTIAL


def test_people_in_replies_are_references_each_platform_draws(commands):
    setup(commands)
    shown = lambda reply: draw_people(reply.text, lambda user: f"<@{user}>")  # noqa: E731 - as Slack draws them
    assert shown(say(commands, "coord", "member add <@cleo> coordinator", NB)).startswith(
        "<@cleo> er lagt til"
    )
    assert "<@ana> (partner i Escola X)" in shown(say(commands, "coord", "project", NB))
    assert shown(say(commands, "coord", "member remove <@cleo>", NB)).startswith("<@cleo> er ikke lenger med")
    say(commands, "coord", "start final-report")
    say(commands, "coord", "done")
    assert "<@coord>" in shown(say(commands, "coord", "logg", NB))
    assert (
        draw_people(say(commands, "coord", "member add <@dan> coordinator").text)
        == "dan is added as coordinator."
    )


def test_plain_words_during_a_run_and_the_resume_hint(commands):
    setup(commands)
    say(commands, "coord", "start final-report")
    message = IncomingMessage(user_id="coord", channel_id=C, text="What counts as exceptional costs?")
    assert commands.try_handle(message, language=EN) is None
    assert "step 1 of 6" in commands.resume_hint(message, language=EN)
    assert "Ticked" in say(commands, "coord", "I'm done").text
    outsider = IncomingMessage(user_id="eve", channel_id=C, text="hello")
    assert commands.resume_hint(outsider, language=EN) is None


def test_the_audit_trail_is_for_the_coordinator(commands):
    setup(commands)
    say(commands, "coord", "start final-report")
    say(commands, "coord", "done")
    say(commands, "ana", "done partner-use-of-funds")
    audit = draw_people(say(commands, "coord", "audit", NB).lines())
    # Step titles, local time (10:00 in Oslo for 08:00 UTC), no platform names.
    assert "ana · krysset av · Partneren fullfører sin del (bruken av midler) (Escola X)" in audit
    assert "kl. 10:00 · coord · krysset av · Fullfør det kvalitative innholdet" in audit
    assert "slack" not in audit and "UTC" not in audit
    assert "Only the coordinator" in say(commands, "ana", "audit").text


def test_a_database_outage_gets_a_friendly_reply(tmp_path, clock):
    path = tmp_path / "db.sqlite"
    database = create_database(f"sqlite:///{path}")
    workflow_service = WorkflowService(
        store=SqlWorkflowStore(database=database), procedures=load_procedures(), clock=clock
    )
    commands = WorkflowCommands(service=workflow_service)
    setup(commands)
    database.close()
    path.unlink()
    reply = say(commands, "coord", "done", NB)
    assert "Ingenting ble endret" in reply.lines() and "prøv igjen" in reply.lines()
