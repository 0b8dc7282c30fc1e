"""Button clicks on a real WorkflowService and SqlChatStore: step ticks with role checks, posted copies, feedback."""

from datetime import UTC, date, datetime

import pytest

from bot.engine.actions import ChecklistActions, FeedbackActions, StepClick
from core.language import Language, Platform
from core.records import PostedChecklist
from knowledge.models import Answer, AnswerKind, Citation
from storage.chat_store import SqlChatStore
from workflows.models import Role
from workflows.transitions import StepAction
from workflows.views import StepState

NB, EN = Language.NB, Language.EN
C = "C1"
COORD, ANA = "UCOORD", "UANA"
T1 = datetime(2025, 9, 2, 10, 30, tzinfo=UTC)


@pytest.fixture
def chat_store(database):
    return SqlChatStore(database=database)


@pytest.fixture
def actions(workflow_service, chat_store):
    return ChecklistActions(service=workflow_service, messages=chat_store, clock=lambda: T1)


@pytest.fixture
def run(workflow_service):
    workflow_service.add_project(
        channel_id=C,
        user_id=COORD,
        number="2020-1-NO01-KA229-012345",
        end_date=date(2025, 8, 29),
        name="Vann",
    )
    workflow_service.add_partner(channel_id=C, user_id=COORD, name="Escola X", country="PT")
    workflow_service.add_member(
        channel_id=C, user_id=COORD, member_id=ANA, role=Role.PARTNER, partner_name="Escola X"
    )
    return workflow_service.start(channel_id=C, user_id=COORD, procedure_id="final-report").run


def click(run, *, user=COORD, step="qualitative-content", version=None, action=StepAction.DONE, language=EN):
    return StepClick(
        platform=Platform.SLACK, user_id=user, channel_id=C, run_id=run.id, step_id=step,
        version=run.version if version is None else version, action=action, language=language,
    )  # fmt: skip


def step_state(actions, run_id, step_id):
    view = actions.channel_view(actions.run_state(run_id), language=EN)
    return next(s for s in view.steps if s.id == step_id)


def test_a_coordinator_tick_returns_the_new_state(actions, run):
    outcome = actions.click(click(run))
    assert outcome.notice is None and outcome.state is not None
    assert outcome.state.run.version == run.version + 1
    mark = outcome.state.run.mark("qualitative-content")
    assert mark is not None and mark.user_id == COORD and mark.platform == "slack"
    assert (
        step_state(actions, run.id, "qualitative-content").state is StepState.DONE
    )  # stored, not just returned


def test_a_skip_click_skips_the_step(actions, run):
    outcome = actions.click(click(run, step="invoices", action=StepAction.SKIP))
    assert outcome.notice is None
    assert step_state(actions, run.id, "invoices").state is StepState.SKIPPED


def test_a_partner_clicking_a_coordinator_step_gets_a_private_notice_and_nothing_changes(actions, run):
    outcome = actions.click(click(run, user=ANA, step="submit"))
    assert outcome.state is None and outcome.notice is not None
    assert outcome.notice.private and outcome.notice.language is EN
    assert outcome.notice.text == (
        'Step "Submit the report for the whole partnership" is the coordinator\'s, and you take part as a '
        "partner - so you cannot tick it."
    )
    assert actions.run_state(run.id).run.version == run.version
    assert step_state(actions, run.id, "submit").state is StepState.OPEN


def test_a_refusal_is_in_the_clickers_language(actions, run):
    outcome = actions.click(click(run, user=ANA, step="submit", language=NB))
    assert outcome.notice is not None and outcome.notice.language is NB
    assert outcome.notice.text.startswith(
        "Steget «Send inn rapporten for hele partnerskapet» gjøres av koordinator"
    )


def test_a_partner_tick_on_a_partner_step_works(actions, run):
    outcome = actions.click(click(run, user=ANA, step="partner-use-of-funds"))
    assert outcome.notice is None and outcome.state is not None
    assert step_state(actions, run.id, "partner-use-of-funds").state is StepState.DONE  # the only partner


def test_a_stranger_is_refused(actions, run):
    outcome = actions.click(click(run, user="UNOBODY"))
    assert outcome.state is None and outcome.notice is not None and outcome.notice.private
    assert actions.run_state(run.id).run.version == run.version


def test_a_stale_click_on_a_settled_step_says_it_was_already_done(actions, run):
    first = actions.click(click(run))
    assert first.state is not None
    again = actions.click(click(run, version=run.version))  # the old button, pressed on an old copy
    assert again.state is None and again.notice is not None and again.notice.private
    assert again.notice.text == (
        '"Complete the qualitative content" was already ticked by UCOORD, 1 Sep 2025 08:00 UTC. Nothing was changed.\n'
        'The checklist had changed since you saw it. Type "status" to see it as it is now.'
    )
    assert actions.run_state(run.id).run.version == first.state.run.version


def test_skipping_a_skipped_step_again_says_so_in_norwegian(actions, run):
    actions.click(click(run, step="invoices", action=StepAction.SKIP))
    again = actions.click(click(run, step="invoices", action=StepAction.SKIP, language=NB))
    assert again.state is None and again.notice is not None
    assert again.notice.text.startswith(
        "«Legg ved fakturaer (exceptional costs / special needs)» ble allerede hoppet over av UCOORD"
    )


def test_done_on_a_skipped_step_ticks_it_after_all(actions, run):
    actions.click(click(run, step="invoices", action=StepAction.SKIP))
    outcome = actions.click(click(run, step="invoices"))
    assert outcome.notice is None
    assert step_state(actions, run.id, "invoices").state is StepState.DONE


def test_a_stale_click_on_an_open_step_still_ticks_it(actions, run):
    actions.click(click(run))
    outcome = actions.click(click(run, step="ready-for-submission", version=run.version))
    assert outcome.notice is None and outcome.state is not None
    assert outcome.state.run.mark("ready-for-submission") is not None


def test_undo_of_an_open_step_has_nothing_to_undo(actions, run):
    outcome = actions.click(click(run, action=StepAction.UNDO))
    assert outcome.state is None and outcome.notice is not None
    assert outcome.notice.text == "You have not ticked anything in this procedure yet."
    assert actions.run_state(run.id).run.version == run.version


def test_a_click_on_a_run_of_another_channel_is_refused(actions, run, workflow_service):
    other = StepClick(
        platform=Platform.SLACK, user_id=COORD, channel_id="C2", run_id=run.id, step_id="qualitative-content",
        version=run.version, language=EN,
    )  # fmt: skip
    outcome = actions.click(other)
    assert outcome.state is None and outcome.notice is not None
    assert actions.run_state(run.id).run.version == run.version


def test_the_channel_view_is_the_same_for_everyone(actions, run):
    actions.click(click(run))
    view = actions.channel_view(actions.run_state(run.id), language=NB)
    assert view.viewer_id == "" and view.current_step_id is None and view.language is NB
    assert view.title == "Sluttrapport i Mobility Tool+" and view.settled == 1


def test_remember_post_and_copies(actions, run, chat_store):
    actions.remember_post(run_id=run.id, platform=Platform.SLACK, channel_id=C, message_id="1.1", language=NB)
    actions.remember_post(
        run_id=run.id, platform=Platform.TEAMS, channel_id="19:x", message_id="a-1", language=EN
    )
    expected = [
        PostedChecklist(
            run_id=run.id, platform="slack", channel_id=C, message_id="1.1", language="nb", posted_at=T1
        ),
        PostedChecklist(
            run_id=run.id, platform="teams", channel_id="19:x", message_id="a-1", language="en", posted_at=T1
        ),
    ]
    assert sorted(actions.copies(run.id), key=lambda p: p.platform) == expected
    assert actions.run_for_message(platform=Platform.SLACK, channel_id=C, message_id="1.1") == run.id
    assert actions.run_for_message(platform=Platform.SLACK, channel_id=C, message_id="nope") is None
    assert chat_store.for_run(run_id=run.id) == actions.copies(run.id)


# --- feedback ------------------------------------------------------------------------------------------------


@pytest.fixture
def feedback(chat_store):
    return FeedbackActions(log=chat_store, clock=lambda: T1)


def an_answer():
    source = Citation(
        title="Skoleutvekslingspartnerskap", url="https://erasmuspluss.no/skoleutvekslingspartnerskap",
        section="Sluttrapportering", text="…", score=0.8, language=NB,
    )  # fmt: skip
    no_url = source.model_copy(update={"url": None, "title": "Håndbok"})
    return Answer(
        question="Når er fristen?", text="Innen 60 dager.", language=NB, kind=AnswerKind.EXTRACTIVE,
        citations=(source, no_url), body="Innen 60 dager.", cited=(source,),
    )  # fmt: skip


def test_record_answer_returns_an_id_and_stores_the_answer(feedback, chat_store):
    answer_id = feedback.record_answer(
        answer=an_answer(), platform=Platform.SLACK, channel_id="D1", user_id=ANA
    )
    assert isinstance(answer_id, int)
    stored = chat_store.answer(answer_id=answer_id)
    assert stored is not None
    assert (stored.platform, stored.channel_id, stored.user_id, stored.kind) == (
        "slack",
        "D1",
        ANA,
        "extractive",
    )
    assert (stored.question, stored.answer, stored.at) == ("Når er fristen?", "Innen 60 dager.", T1)
    assert stored.sources == ("https://erasmuspluss.no/skoleutvekslingspartnerskap", "Håndbok")


@pytest.mark.parametrize(
    ("helpful", "language", "thanks"),
    [
        (True, NB, "Takk! Bra at svaret hjalp."),
        (True, EN, "Thanks! Glad the answer helped."),
        (False, NB, "Takk for at du sa fra. Spør gjerne på en annen måte, eller skriv til HK-dir."),
        (False, EN, "Thanks for telling us. Try asking another way, or write to HK-dir."),
    ],
)
def test_record_feedback_thanks_privately_and_stores_the_verdict(
    feedback, chat_store, helpful, language, thanks
):
    answer_id = feedback.record_answer(
        answer=an_answer(), platform=Platform.SLACK, channel_id="D1", user_id=ANA
    )
    assert answer_id is not None
    reply = feedback.record_feedback(
        answer_id=answer_id, user_id=ANA, helpful=helpful, platform=Platform.SLACK, language=language
    )
    assert reply.text == thanks and reply.private and reply.language is language
    [verdict] = chat_store.feedback_for(answer_id=answer_id)
    assert (verdict.user_id, verdict.helpful, verdict.platform, verdict.at) == (ANA, helpful, "slack", T1)


def test_a_second_verdict_replaces_the_first(feedback, chat_store):
    answer_id = feedback.record_answer(
        answer=an_answer(), platform=Platform.TEAMS, channel_id="19:x", user_id=ANA
    )
    assert answer_id is not None
    for helpful in (True, False):
        feedback.record_feedback(
            answer_id=answer_id, user_id=ANA, helpful=helpful, platform=Platform.TEAMS, language=EN
        )
    assert [f.helpful for f in chat_store.feedback_for(answer_id=answer_id)] == [False]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (NB, "Jeg finner ikke det svaret lenger, så tilbakemeldingen ble ikke lagret."),
        (EN, "I cannot find that answer any more, so the feedback was not stored."),
    ],
)
def test_feedback_on_an_unknown_answer_is_explained_not_raised(feedback, chat_store, language, text):
    reply = feedback.record_feedback(
        answer_id=4242, user_id=ANA, helpful=True, platform=Platform.SLACK, language=language
    )
    assert reply.text == text and reply.private
    assert chat_store.feedback_for(answer_id=4242) == []


def test_the_done_button_on_submit_says_which_partner_is_missing_and_changes_nothing(actions, run):
    for step in ("qualitative-content", "ready-for-submission"):
        run = actions.click(click(run, step=step)).state.run
    outcome = actions.click(click(run, step="submit", language=NB))
    assert outcome.state is None and outcome.notice.private
    assert outcome.notice.text.startswith(
        "«Send inn rapporten for hele partnerskapet» kan ikke krysses av ennå"
    )
    assert "(Escola X)" in outcome.notice.text and "submit" not in outcome.notice.text
    assert step_state(actions, run.id, "submit").state is StepState.OPEN


def test_channel_copies_use_the_project_language_once_it_is_set(actions, run, workflow_service):
    workflow_service.set_language(channel_id=C, user_id=COORD, language=NB)
    view = actions.channel_view(actions.run_state(run.id), language=EN)
    assert view.language is NB and view.title == "Sluttrapport i Mobility Tool+"


def test_a_partner_abroad_clicking_a_card_in_another_language_is_answered_in_english(actions, run):
    card_click = click(run, user=ANA, step="submit", language=NB).model_copy(update={"language_known": False})
    assert actions.click(card_click).notice.language is EN
    coordinator = click(run, step="partner-use-of-funds", language=NB).model_copy(
        update={"language_known": False}
    )
    assert actions.click(coordinator).notice.language is NB


def test_a_click_whose_language_is_unknown_is_answered_in_the_projects_language(
    actions, run, workflow_service
):
    workflow_service.set_language(channel_id=C, user_id=COORD, language=EN)
    unknown = {"language_known": False}
    coordinator = click(run, step="partner-use-of-funds", language=NB).model_copy(update=unknown)
    assert actions.click(coordinator).notice.language is EN
    stranger = click(run, user="USTRANGER", step="submit", language=NB).model_copy(update=unknown)
    assert actions.click(stranger).notice.language is EN
    known = click(run, step="partner-use-of-funds", language=NB)  # a stored language wins
    assert actions.click(known).notice.language is NB
