"""Pure tests of the Teams cards, payload parsing and outgoing activities: plain input -> output."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any

from microsoft_agents.activity import ChannelAccount

from bot.engine.models import AnswerPart, Reply, ReplyKind
from bot.teams.action_ids import ADAPTIVE_CARD, FEEDBACK_VERB, STEP_VERB
from bot.teams.activities import card_activity, mention_activity, text_activity
from bot.teams.cards import answer_card, checklist_card
from bot.teams.payloads import (
    feedback_data,
    mentioned_people,
    split_conversation_id,
    step_data,
    strip_mentions,
)
from core.language import Language
from knowledge.answering.formatting import source_line
from knowledge.models import Answer, AnswerKind, Citation, ProgrammeQuote, ProgrammeSplit
from workflows.definitions import load_procedures
from workflows.display import person
from workflows.models import ChecklistRun, MarkStatus, Member, Partner, Project, Role, StepMark
from workflows.service import RunState
from workflows.transitions import StepAction
from workflows.views import build_checklist_view

AT = datetime(2025, 9, 1, 8, 5, tzinfo=UTC)
OFFICIAL = Citation(
    title="Sluttrapport",
    url="https://erasmuspluss.no/sluttrapport",
    section="Frister",
    text="Rapporten leveres innen 60 dager.",
    score=0.9,
    language=Language.NB,
    updated=date(2024, 1, 3),
)
TRANSLATED = Citation(
    title="Final report",
    url=None,
    section="Deadlines",
    text="The report is due within 60 days.",
    score=0.8,
    language=Language.EN,
    official=False,
    original_title="Sluttrapport",
    original_url="https://erasmuspluss.no/sluttrapport",
)


def _answer_reply(language: Language, *citations: Citation, answer_id: int | None = None) -> Reply:
    body = "Rapporten leveres innen 60 dager."
    text = "\n\n".join([body, "\n".join(source_line(c, language) for c in citations)])
    answer = Answer(
        question="frist?",
        text=text,
        language=language,
        kind=AnswerKind.EXTRACTIVE,
        citations=citations,
        body=body,
        cited=citations,
    )
    part = AnswerPart.of(answer, answer_id=answer_id)
    return Reply(kind=ReplyKind.ANSWER, language=language, answer=part)


def _texts(card: dict[str, Any]) -> list[str]:
    found: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if node.get("type") == "TextBlock":
                found.append(node["text"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(card)
    return found


def _actions(card: dict[str, Any]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if str(node.get("type", "")).startswith("Action.") and "fallback" not in str(node.get("type")):
                found.append(node)
                return
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(card)
    return found


def test_an_answer_card_shows_the_text_then_each_source_as_a_link_with_section_and_date() -> None:
    card = answer_card(_answer_reply(Language.NB, OFFICIAL, answer_id=42))
    texts = _texts(card)
    assert card["type"] == "AdaptiveCard" and card["version"] == "1.5"
    assert texts[0] == "Rapporten leveres innen 60 dager."  # the plain source line is not repeated
    assert "**Kilde:** [Sluttrapport › Frister](https://erasmuspluss.no/sluttrapport)" in texts
    assert "Sist oppdatert 03.01.2024" in texts
    assert not any("Uoffisiell" in t for t in texts)


def test_an_unofficial_translation_says_so_and_links_the_original() -> None:
    texts = _texts(answer_card(_answer_reply(Language.EN, TRANSLATED, answer_id=1)))
    assert "**Source:** Final report › Deadlines" in texts  # no URL: the title alone
    assert (
        "Unofficial translation – the original: [Sluttrapport](https://erasmuspluss.no/sluttrapport)" in texts
    )


def test_feedback_buttons_carry_the_answer_id_and_are_left_out_without_one() -> None:
    card = answer_card(_answer_reply(Language.EN, OFFICIAL, answer_id=42))
    helpful, not_helpful = card["actions"]
    assert helpful["type"] == "Action.Submit" and helpful["title"] == "Helpful"
    assert helpful["data"] == {"verb": FEEDBACK_VERB, "answer_id": 42, "helpful": True, "language": "en"}
    assert not_helpful["data"]["helpful"] is False
    assert feedback_data(helpful["data"]) is not None
    assert "actions" not in answer_card(_answer_reply(Language.EN, OFFICIAL, answer_id=None))


def test_a_reply_to_a_message_that_could_not_be_searched_has_no_feedback_buttons() -> None:
    reply = _answer_reply(Language.EN, answer_id=7)
    assert reply.answer is not None
    invalid = reply.model_copy(
        update={"answer": reply.answer.model_copy(update={"kind": AnswerKind.INVALID})}
    )

    assert "actions" in answer_card(reply)
    assert "actions" not in answer_card(invalid)


def test_a_split_answer_card_shows_each_programmes_quote_above_its_own_source() -> None:
    other = OFFICIAL.model_copy(update={"title": "Sluttrapport KA220", "url": "https://example.org/ka220"})
    split = ProgrammeSplit(
        lead="Veiledningen svarer ulikt for ulike programmer.",
        quotes=(
            ProgrammeQuote(label="KA210 (småskalapartnerskap)", quote="Innen 60 dager.", citation=OFFICIAL),
            ProgrammeQuote(label="KA220 (samarbeidspartnerskap)", quote="Innen 90 dager.", citation=other),
        ),
    )
    reply = _answer_reply(Language.NB, OFFICIAL, other, answer_id=3)
    assert reply.answer is not None
    answer = reply.answer.answer.model_copy(update={"split": split})
    split_reply = reply.model_copy(
        update={"answer": AnswerPart.of(answer, answer_id=3), "hint": "Du er på steg 2."}
    )

    texts = _texts(answer_card(split_reply))

    assert texts == [
        "Veiledningen svarer ulikt for ulike programmer.",
        "**KA210 (småskalapartnerskap):** Innen 60 dager.",
        "**Kilde:** [Sluttrapport › Frister](https://erasmuspluss.no/sluttrapport)",
        "Sist oppdatert 03.01.2024",
        "**KA220 (samarbeidspartnerskap):** Innen 90 dager.",
        "**Kilde:** [Sluttrapport KA220 › Frister](https://example.org/ka220)",
        "Sist oppdatert 03.01.2024",
        "Du er på steg 2.",
    ]


PROJECT = Project(
    id=1,
    number="2020-1-NO01-KA229-012345",
    name="Vann",
    end_date=date(2025, 8, 31),
    channel_id="19:vann@thread.tacv2",
    partners=(Partner(id=1, name="Escola X", country="PT"),),
    members=(
        Member(user_id="29:coord", role=Role.COORDINATOR),
        Member(user_id="29:ana", role=Role.PARTNER, partner_id=1),
    ),
)


def _view(language: Language) -> Any:
    marks = (
        StepMark(
            step_id="qualitative-content", status=MarkStatus.DONE, user_id="29:coord", at=AT, platform="teams"
        ),
    )
    run = ChecklistRun(
        id=7,
        project_id=1,
        procedure_id="final-report",
        version=3,
        started_by="29:coord",
        started_at=AT,
        marks=marks,
    )
    state = RunState(project=PROJECT, procedure=load_procedures().get("final-report"), run=run)
    return build_checklist_view(state, viewer_id="", language=language)


def test_a_checklist_card_shows_every_step_with_its_state_and_who_settled_it() -> None:
    texts = _texts(checklist_card(_view(Language.NB)))
    assert texts[0] == "Sluttrapport i Mobility Tool+ – 2020-1-NO01-KA229-012345"
    assert "Vann · versjon 3" in texts
    assert "Frist: 30.10.2025." in texts
    assert "☑ 1. Fullfør det kvalitative innholdet" in texts
    assert "29:coord, 01.09.2025 kl. 10:05" in texts  # Oslo time, no platform name
    assert any(t.startswith("☐ 2. ") for t in texts)
    assert "☐ Escola X (PT)" in texts


def test_step_buttons_are_action_execute_with_a_submit_fallback_carrying_the_click() -> None:
    view = _view(Language.EN)
    actions = _actions(checklist_card(view))
    first = [a for a in actions if a["data"]["step_id"] == "qualitative-content"]
    assert [a["data"]["action"] for a in first] == ["undo"]  # a done step can only be undone
    second = next(a for a in actions if a["data"]["step_id"] == "invoices")
    assert second["type"] == "Action.Execute" and second["verb"] == STEP_VERB
    assert second["fallback"]["type"] == "Action.Submit" and second["fallback"]["data"] == second["data"]
    parsed = step_data(second["data"])
    assert parsed is not None
    assert (parsed.run_id, parsed.version, parsed.language) == (7, 3, Language.EN)
    assert parsed.action in (StepAction.DONE, StepAction.SKIP)


def test_action_data_that_is_not_ours_or_is_malformed_is_ignored() -> None:
    assert step_data({"verb": FEEDBACK_VERB, "answer_id": 1, "helpful": True}) is None
    assert step_data({"verb": STEP_VERB, "run_id": "x"}) is None
    assert step_data(None) is None
    assert feedback_data({"verb": STEP_VERB, "run_id": 1, "step_id": "a", "version": 1}) is None


def test_the_bots_mention_is_stripped_and_other_mentions_keep_their_names() -> None:
    assert strip_mentions("<at>Rapportlos</at> status", names=("Rapportlos",)) == "status"
    assert (
        strip_mentions("<at>Rapportlos</at>  member add <at>Ana</at>", names=("Rapportlos",))
        == "member add Ana"
    )
    assert strip_mentions("  hei  ", names=()) == "hei"
    assert strip_mentions(None, names=("Rapportlos",)) == ""


def test_a_thread_conversation_id_splits_into_channel_and_thread() -> None:
    assert split_conversation_id("19:abc@thread.tacv2;messageid=1700") == ("19:abc@thread.tacv2", "1700")
    assert split_conversation_id("a:personal") == ("a:personal", None)


def test_outgoing_activities_carry_the_card_and_the_mention_entities() -> None:
    card = checklist_card(_view(Language.EN))
    attachment = card_activity(card).attachments[0]
    assert attachment.content_type == ADAPTIVE_CARD and attachment.content == card
    activity = mention_activity("Deadline soon", [ChannelAccount(id="29:ana", name="Ana")])
    dumped = json.loads(activity.model_dump_json(by_alias=True, exclude_none=True))
    assert dumped["text"] == "<at>Ana</at> Deadline soon"
    assert dumped["entities"] == [
        {"type": "mention", "mentioned": {"id": "29:ana", "name": "Ana"}, "text": "<at>Ana</at>"}
    ]


def test_a_mentioned_person_becomes_their_id_so_member_add_needs_no_29_id():
    people = mentioned_people(
        [("<at>Rapportlos</at>", "28:bot"), ("<at>Ana Silva</at>", "29:ana")], bot_id="28:bot"
    )
    assert people == {"Ana Silva": "29:ana"}
    text = strip_mentions(
        "<at>Rapportlos</at> member add <at>Ana Silva</at> partner Escola Azul",
        names=("Rapportlos",),
        people=people,
    )
    assert text == "member add <@29:ana> partner Escola Azul"


def test_a_person_in_a_text_reply_is_shown_by_their_id():
    assert text_activity(f"Waiting for the coordinator ({person('29:1abc')}): Submit").text == (
        "Waiting for the coordinator (29:1abc): Submit"
    )
