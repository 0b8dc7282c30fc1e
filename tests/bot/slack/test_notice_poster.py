"""The Slack NoticePoster through the real WebClient against the local Slack Web API stand-in."""

from datetime import timedelta

import pytest
from slack_sdk import WebClient

from bot.slack.formatting import escape
from bot.slack.notice_poster import SlackNoticePoster
from bot.slack.sender import SlackSender
from core.records import PostedChecklist
from storage.chat_store import SqlChatStore
from storage.reminder_store import SqlReminderStore
from tests.stand_ins.slack_web_api import SlackWebApi
from tests.workflows.reminders.scenario import COORD, C, make_project, utc
from workflows.notices import DeliveryFailed, Notice
from workflows.reminders.service import ReminderService
from workflows.reminders.ticker import ReminderTicker


@pytest.fixture
def slack():
    with SlackWebApi() as api:
        yield api


def _poster(slack, checklists=None):
    client = WebClient(token="xoxb-test", base_url=slack.url, retry_handlers=[])
    return SlackNoticePoster(sender=SlackSender(client=client, attempts=1), checklists=checklists)


def test_mentions_come_first_and_the_text_is_escaped(slack):
    notice = Notice(channel_id="C1", text="Tom & Jerry <!channel> @here <b>", mention_user_ids=("U01", "U02"))
    ts = _poster(slack).post(notice)
    [call] = slack.calls_to("chat.postMessage")
    assert call.token == "xoxb-test" and call.params["channel"] == "C1" and ts
    # The one Slack escaper: nothing becomes a link, and a plain @here is defused as well (it never pings).
    assert call.params["text"] == "<@U01> <@U02> Tom &amp; Jerry &lt;!channel&gt; @\u2060here &lt;b&gt;"
    assert call.params["link_names"] is False
    assert escape("<!here>") == "&lt;!here&gt;"


def test_a_posted_checklist_is_linked(slack, database, workflow_service):
    make_project(workflow_service)
    state = workflow_service.start(channel_id=C, user_id=COORD, procedure_id="final-report")
    chat = SqlChatStore(database=database)
    posted = PostedChecklist(
        run_id=state.run.id, platform="slack", channel_id=C, message_id="1700000000.000100", language="en",
        posted_at=utc(2025, 8, 1),
    )  # fmt: skip
    chat.remember(posted=posted)
    _poster(slack, chat).post(Notice(channel_id=C, text="Reminder", run_id=state.run.id))
    text = slack.calls_to("chat.postMessage")[0].params["text"]
    assert text.endswith("<https://slack.com/archives/C1/p1700000000000100|Checklist>")


def test_a_429_becomes_one_delivery_failure_with_its_retry_after(slack):
    slack.fail_next("chat.postMessage", status=429, retry_after=3)
    with pytest.raises(DeliveryFailed) as failed:
        _poster(slack).post(Notice(channel_id="C1", text="x"))
    assert failed.value.retry_after == 3 and not failed.value.permanent
    assert len(slack.calls_to("chat.postMessage")) == 1  # the client did not retry on its own


@pytest.mark.parametrize("error", ["not_in_channel", "channel_not_found", "is_archived", "account_inactive"])
def test_permanent_slack_errors(slack, error):
    slack.fail_next("chat.postMessage", status=200, error=error)
    with pytest.raises(DeliveryFailed) as failed:
        _poster(slack).post(Notice(channel_id="C1", text="x"))
    assert failed.value.reason == error and failed.value.permanent


def test_direct_messages_open_a_conversation_first(slack):
    _poster(slack).direct(user_id="UCOORD", text="a <b>")
    assert [c.method for c in slack.calls] == ["conversations.open", "chat.postMessage"]
    assert slack.calls[1].params["channel"] == "DUCOORD" and slack.calls[1].params["text"] == "a &lt;b&gt;"


def test_the_ticker_waits_out_slacks_retry_after_and_posts_a_custom_reminder_escaped_once(
    slack, database, workflow_service, clock
):
    from datetime import date

    from core.language import Language

    clock.now = utc(2025, 8, 1, 12, 0)
    make_project(workflow_service)
    store = SqlReminderStore(database=database)
    ReminderService(store=store, workflows=workflow_service, clock=clock).add(
        channel_id=C, user_id=COORD, on_date=date(2025, 8, 5), at_time=None,
        text="<!channel> @here check <@U999>", language=Language.EN,
    )  # fmt: skip
    sleeps: list[float] = []
    ticker = ReminderTicker(
        store=store, workflows=workflow_service, poster=_poster(slack), sleep=sleeps.append
    )
    ticker.tick(utc(2025, 8, 1, 12, 0))
    slack.fail_next("chat.postMessage", status=429, retry_after=2)

    report = ticker.tick(utc(2025, 8, 5, 7, 0) + timedelta(seconds=30))

    calls = slack.calls_to("chat.postMessage")
    assert len(calls) == 2 and sleeps == [2.0] and len(report.sent) == 1
    text = calls[-1].params["text"]
    # Channel posts speak the project's language (Bokmål), whatever language the reminder was added in.
    assert text.startswith("<@UCOORD> Påminnelse for 2020-1-NO01-KA229-012345: &lt;!channel&gt; @\u2060here")
    assert "<!channel>" not in text and "<@U999>" not in text and "&lt;@U999&gt;" in text
