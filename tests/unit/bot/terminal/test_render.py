from datetime import UTC, date, datetime

from bot.engine.models import Reply, ReplyKind
from bot.terminal.render import render_checklist, render_reply
from core.language import Language
from workflows.definitions import load_procedures
from workflows.display import person
from workflows.models import ChecklistRun, MarkStatus, Member, Partner, Project, Role, StepMark
from workflows.service import RunState
from workflows.views import build_checklist_view

AT = datetime(2025, 9, 1, 8, 5, tzinfo=UTC)
PROJECT = Project(
    id=1,
    number="2020-1-NO01-KA229-012345",
    name="Vann",
    end_date=date(2025, 8, 31),
    channel_id="C1",
    partners=(Partner(id=1, name="Escola X", country="PT"), Partner(id=2, name="Gymnasium Y", country="DE")),
    members=(
        Member(user_id="coord", role=Role.COORDINATOR),
        Member(user_id="ana", role=Role.PARTNER, partner_id=1),
    ),
)
MARKS = (
    StepMark(step_id="qualitative-content", status=MarkStatus.DONE, user_id="coord", at=AT, platform="slack"),
    StepMark(step_id="invoices", status=MarkStatus.SKIPPED, user_id="coord", at=AT, platform="teams"),
    StepMark(
        step_id="partner-use-of-funds",
        partner_id=1,
        status=MarkStatus.DONE,
        user_id="ana",
        at=AT,
        platform="terminal",
    ),
)


def view(language, viewer="coord"):
    run = ChecklistRun(
        id=7,
        project_id=1,
        procedure_id="final-report",
        version=4,
        started_by="coord",
        started_at=AT,
        marks=MARKS,
    )
    state = RunState(project=PROJECT, procedure=load_procedures().get("final-report"), run=run)
    return build_checklist_view(state, viewer_id=viewer, language=language)


def test_the_checklist_shows_who_did_what_and_when_in_local_time_with_titles_not_ids():
    text = render_checklist(view(Language.NB))
    assert "Sluttrapport i Mobility Tool+ - 2020-1-NO01-KA229-012345 (versjon 4)" in text
    assert "Frist: 30.10.2025." in text
    # 08:05 UTC is 10:05 in Oslo in September; no raw step ids, no platform names.
    assert "[x] 1. Fullfør det kvalitative innholdet  (coord, 01.09.2025 kl. 10:05)" in text
    assert "[-] 2. " in text and "hoppet over av coord" in text and "(kan hoppes over)" in text
    assert "[ ] 3. Marker rapporten «Ready for submission»  <- du er her" in text
    assert "[~] 4. " in text
    assert "[x] Escola X (PT)  (ana, 01.09.2025 kl. 10:05)" in text
    assert "[ ] Gymnasium Y (DE)" in text
    assert "Escola X (PT): 1 av 2 - mangler Partneren bekrefter og melder «Ready for submission»" in text
    assert "mangler Partneren fullfører sin del (bruken av midler) og Partneren bekrefter" in text
    assert "Partnerne:" in text and "Partnership Dashboard" not in text
    assert "-of-" not in text and "UTC" not in text and "slack" not in text


def test_english_rendering_and_the_partners_own_position():
    text = render_checklist(view(Language.EN, viewer="ana"))
    assert "(version 4)" in text and "Due: 30 Oct 2025." in text
    # Ana stands at her own next step (her confirmation), never at the coordinator's.
    assert text.count("<- you are here") == 1
    assert '[ ] 5. Partner confirms and marks "Ready for submission"  <- you are here' in text


def test_a_reply_without_a_checklist_is_just_its_text():
    assert render_reply(Reply.message("Hei", Language.NB)) == "Hei"
    with_view = render_reply(
        Reply(kind=ReplyKind.CHECKLIST, text="Status", language=Language.EN, checklist=view(Language.EN))
    )
    assert with_view.startswith("Status\n\n") and "Partners:" in with_view
    ticked = Reply(
        kind=ReplyKind.STEP_CHANGED,
        text="Ticked",
        language=Language.EN,
        checklist=view(Language.EN),
        changed_run_id=7,
    )
    assert render_reply(ticked) == "Ticked"  # a tick is confirmed in one line, not a reprinted checklist


def test_a_person_in_a_reply_is_shown_by_their_id():
    assert render_reply(Reply.message(f"{person('ana')} is added as partner at Escola X.", Language.EN)) == (
        "ana is added as partner at Escola X."
    )
