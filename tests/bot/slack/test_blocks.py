"""Block Kit from typed views: answers with sources and feedback, checklists with buttons, and the App Home tab."""

import json
from datetime import date

import pytest

from bot.engine.home import HomeOverview, ProjectSummary, RunSummary, build_home
from bot.engine.models import AnswerPart
from bot.slack import ids
from bot.slack.blocks import MAX_BLOCKS, answer_blocks, checklist_blocks, checklist_text, home_view
from core.language import Language
from knowledge.models import Answer, AnswerKind, Citation, ProgrammeQuote, ProgrammeSplit
from workflows.models import Role
from workflows.reminders.models import Deadline, DeadlineKind
from workflows.transitions import StepAction
from workflows.views import build_checklist_view

NB, EN = Language.NB, Language.EN
C = "C1"
COORD, ANA, BEA = "UCOORD", "UANA", "UBEA"
NUMBER = "2020-1-NO01-KA229-012345"
END = date(2025, 12, 19)
URL = "https://erasmuspluss.no/skoleutvekslingspartnerskap"
WJ = "\u2060"


# --- answers -------------------------------------------------------------------------------------------------


def citation(**fields):
    values = {
        "title": "Skoleutvekslingspartnerskap",
        "url": URL,
        "section": "Sluttrapportering",
        "text": "Sluttrapporten leveres innen 60 dager.",
        "score": 0.8,
        "language": NB,
        "updated": date(2024, 1, 3),
    }
    return Citation(**{**values, **fields})


def answer(
    *, language=NB, kind=AnswerKind.EXTRACTIVE, body="Sluttrapporten leveres **innen 60 dager**.", cited=None
):
    cited = (citation(),) if cited is None else cited
    return Answer(
        question="Når er fristen?",
        text=f"{body}\n\nKilde: …" if body else "Jeg fant ikke noe svar i veiledningen.",
        language=language,
        kind=kind,
        citations=cited,
        confidence=0.8,
        body=body,
        cited=cited,
    )


def drawn(answer, answer_id):
    """What the responder passes for an answer: its typed parts and the reply's language."""
    return {"part": AnswerPart.of(answer, answer_id=answer_id), "language": answer.language}


def by_block_id(blocks, block_id):
    return next(b for b in blocks if b.get("block_id") == block_id)


def test_an_answer_has_its_body_as_the_first_section():
    blocks = answer_blocks(**drawn(answer(), None))
    first = blocks[0]
    assert first["type"] == "section" and first["block_id"] == ids.ANSWER_BLOCK
    assert first["text"] == {"type": "mrkdwn", "text": "Sluttrapporten leveres *innen 60 dager*."}


def test_the_sources_block_links_the_citation_with_section_and_date_in_norwegian():
    sources = by_block_id(answer_blocks(**drawn(answer(), None)), ids.SOURCES_BLOCK)
    assert sources["type"] == "context"
    [element] = sources["elements"]
    assert element["type"] == "mrkdwn"
    assert (
        element["text"]
        == f"📄 <{URL}|Skoleutvekslingspartnerskap> › Sluttrapportering · sist oppdatert 3. januar 2024"
    )


def test_the_sources_block_in_english_with_the_unofficial_translation_note():
    english = citation(
        title="School exchange partnerships", section="Final report", language=EN, official=False,
        url="https://erasmuspluss.no/en/school-exchange",
    )  # fmt: skip
    blocks = answer_blocks(**drawn(answer(language=EN, body="Within **60 days**.", cited=(english,)), None))
    text = by_block_id(blocks, ids.SOURCES_BLOCK)["elements"][0]["text"]
    assert text.startswith(
        "📄 <https://erasmuspluss.no/en/school-exchange|School exchange partnerships> › Final report"
    )
    assert "last updated 3 January 2024" in text
    assert text.endswith("\n_Unofficial English translation; the Norwegian page is authoritative._")


def test_an_official_source_has_no_unofficial_note():
    text = by_block_id(answer_blocks(**drawn(answer(), None)), ids.SOURCES_BLOCK)["elements"][0]["text"]
    assert "Uoffisiell" not in text and "\n" not in text


def test_a_source_without_url_or_date_is_a_bold_escaped_title():
    bare = citation(url=None, updated=None, title="A & <B>", section="A & <B>")
    text = by_block_id(answer_blocks(**drawn(answer(cited=(bare,)), None)), ids.SOURCES_BLOCK)["elements"][0][
        "text"
    ]
    assert text == "📄 *A &amp; &lt;B&gt;*"


def test_repeated_citations_are_shown_once_and_at_most_three():
    many = tuple(citation(title=f"Side {i}", url=f"https://x.no/{i}") for i in range(5))
    elements = by_block_id(answer_blocks(**drawn(answer(cited=(many[0], *many)), None)), ids.SOURCES_BLOCK)[
        "elements"
    ]
    assert [e["text"].split("|")[1].split(">")[0] for e in elements] == ["Side 0", "Side 1", "Side 2"]


def test_a_page_quoted_in_two_sections_is_one_source_naming_both():
    # "Who submits the final report?" quotes the page's «Final reporting» section and its introduction.
    cited = (citation(section="Sluttrapportering"), citation(section="Skoleutvekslingspartnerskap"),
             citation(section="Dokumentasjon"), citation(title="Annen side", url="https://x.no/annen", section=""))  # fmt: skip
    elements = by_block_id(answer_blocks(**drawn(answer(cited=cited), None)), ids.SOURCES_BLOCK)["elements"]
    assert [e["text"] for e in elements] == [
        f"📄 <{URL}|Skoleutvekslingspartnerskap> › Sluttrapportering, Dokumentasjon · sist oppdatert 3. januar 2024",
        "📄 <https://x.no/annen|Annen side> · sist oppdatert 3. januar 2024",
    ]


def test_feedback_buttons_carry_the_answer_id():
    blocks = answer_blocks(**drawn(answer(), 42))
    feedback = by_block_id(blocks, ids.FEEDBACK_BLOCK)
    assert blocks[-1] is feedback and feedback["type"] == "actions"
    helpful, not_helpful = feedback["elements"]
    assert (helpful["action_id"], helpful["value"]) == (ids.FEEDBACK_HELPFUL, "42")
    assert (not_helpful["action_id"], not_helpful["value"]) == (ids.FEEDBACK_NOT_HELPFUL, "42")
    assert helpful["text"]["text"] == "👍 Nyttig" and not_helpful["text"]["text"] == "👎 Ikke nyttig"
    assert ids.FEEDBACK_ACTIONS.match(helpful["action_id"]) and ids.FEEDBACK_ACTIONS.match(
        not_helpful["action_id"]
    )


def test_feedback_buttons_in_english():
    feedback = by_block_id(answer_blocks(**drawn(answer(language=EN), 1)), ids.FEEDBACK_BLOCK)
    assert [e["text"]["text"] for e in feedback["elements"]] == ["👍 Helpful", "👎 Not helpful"]


def test_no_feedback_buttons_without_an_answer_id():
    assert all(b.get("block_id") != ids.FEEDBACK_BLOCK for b in answer_blocks(**drawn(answer(), None)))
    assert all(b["type"] != "actions" for b in answer_blocks(**drawn(answer(), None)))


def test_no_feedback_buttons_on_an_invalid_answer():
    invalid = answer(kind=AnswerKind.INVALID, body="", cited=())
    assert all(b["type"] != "actions" for b in answer_blocks(**drawn(invalid, 9)))


def test_an_abstained_answer_shows_its_text_and_no_sources_block():
    abstained = answer(kind=AnswerKind.ABSTAINED, body="", cited=(citation(),))
    blocks = answer_blocks(**drawn(abstained, 5))
    assert blocks[0]["text"]["text"] == "Jeg fant ikke noe svar i veiledningen."
    assert all(b.get("block_id") != ids.SOURCES_BLOCK for b in blocks)
    assert by_block_id(blocks, ids.FEEDBACK_BLOCK)["elements"][0]["value"] == "5"  # abstaining can be rated


def test_answer_text_is_escaped_so_it_cannot_ping_or_link():
    blocks = answer_blocks(**drawn(answer(body="Skriv til <!channel> & @here"), None))
    assert blocks[0]["text"]["text"] == f"Skriv til &lt;!channel&gt; &amp; @{WJ}here"


def test_a_hint_is_an_extra_context_block_before_the_buttons():
    blocks = answer_blocks(**drawn(answer(), 3), hint="Spør **gjerne** igjen")
    assert blocks[-2] == {"type": "context", "elements": [{"type": "mrkdwn", "text": "Spør *gjerne* igjen"}]}


def test_a_long_answer_is_split_into_sections_within_slacks_limit():
    body = "\n".join(f"Avsnitt {i}: " + "tekst " * 80 for i in range(30))
    sections = [b for b in answer_blocks(**drawn(answer(body=body), None)) if b["type"] == "section"]
    assert len(sections) > 1 and all(len(s["text"]["text"]) <= 3000 for s in sections)


def split_answer(language=NB):
    """An answer split by programme: a KA210 and a KA220 page give different deadlines."""
    small = citation(title="Sluttrapport KA210", url="https://example.org/ka210", updated=date(2024, 2, 1))
    cooperation = citation(
        title="Sluttrapport KA220", url="https://example.org/ka220", updated=date(2024, 3, 1)
    )
    split = ProgrammeSplit(
        lead="Veiledningen svarer ulikt for ulike programmer.",
        quotes=(
            ProgrammeQuote(label="KA210 (småskalapartnerskap)", quote="Innen **60 dager**.", citation=small),
            ProgrammeQuote(
                label="KA220 (samarbeidspartnerskap)", quote="Innen 90 dager.", citation=cooperation
            ),
        ),
    )
    return answer(language=language, cited=(small, cooperation)).model_copy(update={"split": split})


def test_a_split_answer_shows_each_programmes_quote_above_its_own_source():
    blocks = answer_blocks(**drawn(split_answer(), 4))
    lead, small, small_source, cooperation, cooperation_source, feedback = blocks
    assert lead["block_id"] == ids.ANSWER_BLOCK
    assert lead["text"]["text"] == "Veiledningen svarer ulikt for ulike programmer."
    assert small["text"]["text"] == "*KA210 (småskalapartnerskap):* Innen *60 dager*."
    assert small_source["block_id"] == ids.SOURCES_BLOCK
    assert small_source["elements"][0]["text"] == (
        "📄 <https://example.org/ka210|Sluttrapport KA210> › Sluttrapportering · sist oppdatert 1. februar 2024"
    )
    assert cooperation["text"]["text"] == "*KA220 (samarbeidspartnerskap):* Innen 90 dager."
    assert "<https://example.org/ka220|Sluttrapport KA220>" in cooperation_source["elements"][0]["text"]
    given = [b["block_id"] for b in blocks if "block_id" in b]
    assert len(set(given)) == len(given)  # Slack refuses a message with a block id twice
    assert feedback["block_id"] == ids.FEEDBACK_BLOCK


# --- checklists ----------------------------------------------------------------------------------------------


@pytest.fixture
def database(sqlite_database):
    """Rendering needs a real run, not both databases: SQLite only."""
    return sqlite_database


def make_project(service, *, end=END):
    service.add_project(channel_id=C, user_id=COORD, number=NUMBER, end_date=end, name="Vann & <Europa>")
    service.add_partner(channel_id=C, user_id=COORD, name="Escola X", country="PT")
    service.add_partner(channel_id=C, user_id=COORD, name="Gymnasium Y", country="DE")
    service.add_member(channel_id=C, user_id=COORD, member_id=ANA, role=Role.PARTNER, partner_name="Escola X")
    service.add_member(
        channel_id=C, user_id=COORD, member_id=BEA, role=Role.PARTNER, partner_name="Gymnasium Y"
    )


def tick(service, user, step_id, action=StepAction.DONE):
    return service.change_step(
        channel_id=C, user_id=user, action=action, platform="slack", step_id=step_id
    ).state


@pytest.fixture
def started(workflow_service):
    make_project(workflow_service)
    workflow_service.start(channel_id=C, user_id=COORD, procedure_id="final-report")
    tick(workflow_service, COORD, "qualitative-content")
    return tick(workflow_service, ANA, "partner-use-of-funds")


def test_checklist_header_names_the_procedure_and_project(started):
    blocks = checklist_blocks(build_checklist_view(started, viewer_id="", language=NB))
    assert blocks[0] == {
        "type": "header",
        "text": {"type": "plain_text", "text": f"Sluttrapport i Mobility Tool+ – {NUMBER}", "emoji": True},
    }
    facts = blocks[1]["elements"][0]["text"]
    assert facts == "Vann &amp; &lt;Europa&gt; · 1 av 6 steg ferdig · Frist: 17.02.2026."


def test_one_section_per_step_in_order(started):
    view = build_checklist_view(started, viewer_id="", language=NB)
    steps = [b for b in checklist_blocks(view) if b.get("block_id", "").startswith("step:")]
    assert [b["block_id"] for b in steps] == [f"step:{s.id}" for s in view.steps]
    assert all(b["type"] == "section" for b in steps)
    assert steps[0]["text"]["text"].startswith("✅ *1. Fullfør det kvalitative innholdet*")
    assert steps[2]["text"]["text"].startswith("⬜ *3. Marker rapporten «Ready for submission»*")


def test_open_and_partial_steps_have_a_done_button_and_settled_ones_none(started):
    view = build_checklist_view(started, viewer_id="", language=NB)
    blocks = {b["block_id"]: b for b in checklist_blocks(view) if b.get("block_id", "").startswith("step:")}
    assert "accessory" not in blocks["step:qualitative-content"]
    partial = blocks["step:partner-use-of-funds"]
    assert partial["text"]["text"].startswith("🟡")
    for step_id in (
        "invoices",
        "ready-for-submission",
        "partner-use-of-funds",
        "partner-confirmation",
        "submit",
    ):
        button = blocks[f"step:{step_id}"]["accessory"]
        assert button["type"] == "button" and button["style"] == "primary"
        assert button["action_id"] == f"{ids.STEP_DONE_PREFIX}{step_id}" and ids.STEP_DONE.match(
            button["action_id"]
        )
        assert json.loads(button["value"]) == {"r": view.run_id, "s": step_id, "v": view.version}
        assert button["text"]["text"] == "Ferdig ✓"


def test_a_ticked_step_shows_who_and_when(started):
    blocks = checklist_blocks(build_checklist_view(started, viewer_id="", language=NB))
    text = by_block_id(blocks, "step:qualitative-content")["text"]["text"]
    assert text == "✅ *1. Fullfør det kvalitative innholdet*\n_<@UCOORD>, 01.09.2025 kl. 10:00_"


def test_partner_rows_show_each_partner_and_its_mark(started):
    blocks = checklist_blocks(build_checklist_view(started, viewer_id="", language=EN))
    lines = by_block_id(blocks, "step:partner-use-of-funds")["text"]["text"].split("\n")
    assert lines[1] == "    ✅ Escola X (PT) – _<@UANA>, 1 Sep 2025 10:00_"
    assert lines[2] == "    ⬜ Gymnasium Y (DE)"


def test_the_partnership_dashboard_and_closing_hint(started):
    blocks = checklist_blocks(build_checklist_view(started, viewer_id="", language=EN))
    dashboard, closing = blocks[-2], blocks[-1]
    assert dashboard["type"] == "context"
    assert dashboard["elements"][0]["text"] == "*Partners:* Escola X (PT): 1 of 2 · Gymnasium Y (DE): 0 of 2"
    assert closing["elements"][0]["text"] == 'Say "done" in this thread, or press the buttons.'
    assert len(blocks) <= MAX_BLOCKS


def test_norwegian_and_english_labels_differ(started):
    norwegian = checklist_blocks(build_checklist_view(started, viewer_id="", language=NB))
    english = checklist_blocks(build_checklist_view(started, viewer_id="", language=EN))
    assert english[0]["text"]["text"] == f"Final report in Mobility Tool+ – {NUMBER}"
    assert (
        english[1]["elements"][0]["text"]
        == "Vann &amp; &lt;Europa&gt; · 1 of 6 steps settled · Due: 17 Feb 2026."
    )
    assert by_block_id(english, "step:submit")["accessory"]["text"]["text"] == "Done ✓"
    assert by_block_id(norwegian, "step:submit")["accessory"]["text"]["text"] == "Ferdig ✓"
    assert norwegian[-2]["elements"][0]["text"].endswith("Escola X (PT): 1 av 2 · Gymnasium Y (DE): 0 av 2")


def test_a_skipped_step_says_so(started, workflow_service):
    state = tick(workflow_service, COORD, "invoices", StepAction.SKIP)
    text = by_block_id(
        checklist_blocks(build_checklist_view(state, viewer_id="", language=EN)), "step:invoices"
    )
    assert text["text"]["text"].startswith("⏭️ *2. Attach invoices")
    assert "\n_skipped by <@UCOORD>, 1 Sep 2025 10:00_" in text["text"]["text"]
    assert "accessory" not in text


def test_a_complete_checklist_has_no_buttons_and_says_it_is_done(started, workflow_service):
    tick(workflow_service, COORD, "invoices", StepAction.SKIP)
    tick(workflow_service, COORD, "ready-for-submission")
    tick(workflow_service, BEA, "partner-use-of-funds")
    tick(workflow_service, ANA, "partner-confirmation")
    tick(workflow_service, BEA, "partner-confirmation")
    state = tick(workflow_service, COORD, "submit")
    view = build_checklist_view(state, viewer_id="", language=EN)
    assert view.complete
    blocks = checklist_blocks(view)
    assert all("accessory" not in b for b in blocks)
    assert blocks[-1]["elements"][0]["text"] == 'Every step of "Final report in Mobility Tool+" is done.'
    assert checklist_text(view) == f"Final report in Mobility Tool+ – {NUMBER}: 6 of 6 steps settled"


def test_checklist_text_is_the_escaped_notification_text(started):
    view = build_checklist_view(started, viewer_id="", language=NB)
    assert checklist_text(view) == f"Sluttrapport i Mobility Tool+ – {NUMBER}: 1 av 6 steg ferdig"


def test_a_partner_step_without_partners_says_none_are_registered_yet(workflow_service):
    workflow_service.add_project(channel_id=C, user_id=COORD, number=NUMBER, end_date=END, name="Alone")
    state = workflow_service.start(channel_id=C, user_id=COORD, procedure_id="final-report")
    blocks = checklist_blocks(build_checklist_view(state, viewer_id="", language=EN))
    lines = by_block_id(blocks, "step:partner-use-of-funds")["text"]["text"].split("\n")
    assert len(lines) == 2 and lines[1].startswith("    _") and lines[1].endswith("_")
    assert all("Partners:" not in e["text"] for b in blocks if b["type"] == "context" for e in b["elements"])


# --- the App Home tab ----------------------------------------------------------------------------------------


def overview(**fields):
    values = {"user_id": COORD, "language": EN, "today": date(2025, 12, 1), "projects": (), "deadlines": ()}
    return HomeOverview(**{**values, **fields})


def texts(view):
    """Every text of a view, in order (section text, context elements, header text)."""
    found = []
    for block in view["blocks"]:
        if "text" in block:
            found.append(block["text"]["text"])
        found.extend(e["text"] for e in block.get("elements", []))
    return found


def test_home_is_a_home_view_with_a_title():
    view = home_view(overview())
    assert view["type"] == "home"
    assert view["blocks"][0] == {
        "type": "header",
        "text": {"type": "plain_text", "text": "Rapportlos – your Erasmus+ projects", "emoji": True},
    }


def test_home_without_projects_explains_how_to_start_with_escaped_placeholders():
    found = texts(home_view(overview(language=NB)))
    assert any(t.startswith("Du er ikke med i noe prosjekt ennå.") for t in found)
    assert any("`/erasmus project add &lt;prosjektnummer&gt; &lt;sluttdato&gt; [navn]`" in t for t in found)
    assert "Ingen kommende frister." in found


def test_home_shows_a_project_with_its_deadline_role_and_open_run():
    run = RunSummary(run_id=1, title="Final report in Mobility Tool+", settled=2, total=6, next_step="Submit")
    project = ProjectSummary(
        number=NUMBER, name="Vann & Europa", channel_id="C1", end_date=END, report_deadline=date(2026, 2, 17),
        role=Role.COORDINATOR, runs=(run,),
    )  # fmt: skip
    found = texts(home_view(overview(projects=(project,))))
    assert (
        f"*{NUMBER}* Vann &amp; Europa\nEnds 19 Dec 2025 · final report due 17 Feb 2026 · channel <#C1> · you are coordinator"
        in found
    )
    assert "• Final report in Mobility Tool+: 2 of 6 steps settled · next: Submit" in found
    assert not any(t.startswith("You are not in any project") for t in found)


def test_a_project_without_runs_and_a_non_slack_channel():
    project = ProjectSummary(
        number=NUMBER, name="x", channel_id="19:abc<b>@thread.tacv2", end_date=END,
        report_deadline=date(2026, 2, 17), role=Role.PARTNER, runs=(),
    )  # fmt: skip
    found = texts(home_view(overview(language=NB, projects=(project,))))
    head = next(t for t in found if t.startswith(f"*{NUMBER}*"))
    assert "kanal 19:abc&lt;b&gt;@thread.tacv2" in head and head.endswith("du er partner")
    assert "Ingen prosedyre startet. Skriv `/erasmus start final-report` i kanalen." in found


def deadline(*, due, today=date(2025, 12, 1), kind=DeadlineKind.FINAL_REPORT):
    return Deadline(
        project_id=1, project_number=NUMBER, project_name="x", channel_id=C, kind=kind, due=due,
        days_left=(due - today).days,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("due", "language", "expected"),
    [
        (date(2025, 12, 19), EN, f"• 19 Dec 2025: final report in Mobility Tool+ ({NUMBER}) – in 18 days"),
        (date(2025, 12, 1), EN, f"• 1 Dec 2025: final report in Mobility Tool+ ({NUMBER}) – *today*"),
        (
            date(2025, 11, 28),
            EN,
            f"• 28 Nov 2025: final report in Mobility Tool+ ({NUMBER}) – *3 days overdue*",
        ),
        (date(2025, 12, 19), NB, f"• 19.12.2025: sluttrapporten i Mobility Tool+ ({NUMBER}) – om 18 dager"),
        (date(2025, 12, 1), NB, f"• 01.12.2025: sluttrapporten i Mobility Tool+ ({NUMBER}) – *i dag*"),
        (
            date(2025, 11, 28),
            NB,
            f"• 28.11.2025: sluttrapporten i Mobility Tool+ ({NUMBER}) – *3 dager på overtid*",
        ),
    ],
)
def test_deadlines_say_days_left_today_or_overdue(due, language, expected):
    view = home_view(overview(language=language, deadlines=(deadline(due=due),)))
    assert view["blocks"][-2]["text"]["text"] == (
        "Upcoming deadlines" if language is EN else "Kommende frister"
    )
    assert view["blocks"][-1] == {"type": "section", "text": {"type": "mrkdwn", "text": expected}}


def test_several_deadlines_are_one_line_each():
    deadlines = (
        deadline(due=date(2026, 2, 17)),
        deadline(due=date(2026, 2, 17), kind=DeadlineKind.RESULTS_UPLOAD),
    )
    text = home_view(overview(deadlines=deadlines))["blocks"][-1]["text"]["text"]
    assert text == (
        f"• 17 Feb 2026: final report in Mobility Tool+ ({NUMBER}) – in 78 days\n"
        f"• 17 Feb 2026: results on the Erasmus+ Project Results Platform ({NUMBER}) – in 78 days"
    )


def test_storage_unavailable_home_says_so_and_not_that_there_are_no_projects():
    found = texts(home_view(overview(unavailable=True)))
    assert any(t.startswith("I could not save anything - the database is not answering") for t in found)
    assert not any(t.startswith("You are not in any project") for t in found)


def test_home_built_from_a_real_service(workflow_service):
    make_project(workflow_service)
    workflow_service.start(channel_id=C, user_id=COORD, procedure_id="final-report")
    tick(workflow_service, COORD, "qualitative-content")
    home = build_home(workflow_service, user_id=COORD, language=EN, today=date(2025, 12, 1))
    assert not home.unavailable and [p.number for p in home.projects] == [NUMBER]
    found = texts(home_view(home))
    head = next(t for t in found if t.startswith(f"*{NUMBER}*"))
    assert head.endswith("final report due 17 Feb 2026 · channel <#C1> · you are coordinator")
    assert (
        "• Final report in Mobility Tool+: 1 of 6 steps settled · next: Attach invoices (exceptional costs / special needs)"
        in found
    )
    assert (
        f"• 17 Feb 2026: final report in Mobility Tool+ ({NUMBER}) – in 78 days\n"
        f"• 17 Feb 2026: results on the Erasmus+ Project Results Platform ({NUMBER}) – in 78 days"
    ) in found


def test_home_of_a_partner_from_a_real_service_in_norwegian(workflow_service):
    make_project(workflow_service)
    home = build_home(workflow_service, user_id=ANA, language=NB, today=date(2026, 2, 20))
    found = texts(home_view(home))
    head = next(t for t in found if t.startswith(f"*{NUMBER}*"))
    assert head.endswith("du er partner")
    assert f"• 17.02.2026: sluttrapporten i Mobility Tool+ ({NUMBER}) – *3 dager på overtid*" in "\n".join(
        found
    )


def test_home_of_a_stranger_from_a_real_service_is_empty(workflow_service):
    make_project(workflow_service)
    found = texts(
        home_view(build_home(workflow_service, user_id="UNOBODY", language=EN, today=date(2025, 12, 1)))
    )
    assert any(t.startswith("You are not in any project yet.") for t in found)
    assert "No upcoming deadlines." in found


def test_the_optional_invoices_step_has_a_skip_button_beside_done(started):
    view = build_checklist_view(started, viewer_id="", language=NB)
    blocks = checklist_blocks(view)
    skips = [b for b in blocks if b.get("block_id", "").startswith("skip:")]
    assert [b["block_id"] for b in skips] == ["skip:invoices"]  # only the optional step
    (button,) = skips[0]["elements"]
    assert button["text"]["text"] == "Hopp over" and ids.STEP_SKIP.match(button["action_id"])
    assert json.loads(button["value"]) == {"r": view.run_id, "s": "invoices", "v": view.version}
    ids_in_order = [b.get("block_id") for b in blocks]
    assert ids_in_order.index("skip:invoices") == ids_in_order.index("step:invoices") + 1
