"""Reading Slack payloads: who wrote a message, where, which mention is ours, and what a button carries."""

import json

import pytest

from bot.engine.models import IncomingMessage
from bot.slack.payloads import (
    StepButton,
    answer_id,
    incoming,
    is_direct,
    is_from_bot,
    is_person_message,
    mentions,
    step_button,
    strip_mention,
    thread_of,
)
from core.language import Platform

BOT = "UBOT"


def message(**fields):
    return {
        "type": "message",
        "user": "UANA",
        "channel": "C1",
        "text": "hei",
        "ts": "1700000000.000100",
        **fields,
    }


@pytest.mark.parametrize(
    "event",
    [
        message(bot_id="B1"),
        message(subtype="bot_message"),
        message(bot_profile={"id": "B1", "name": "other"}),
        message(user=BOT),
    ],
    ids=["bot_id", "bot_message", "bot_profile", "own_user_id"],
)
def test_messages_by_bots_are_recognised(event):
    assert is_from_bot(event, bot_user_id=BOT)
    assert not is_person_message(event, bot_user_id=BOT)


def test_a_persons_message_is_not_from_a_bot():
    assert not is_from_bot(message(), bot_user_id=BOT)
    assert not is_from_bot(message(), bot_user_id=None)


def test_without_a_known_bot_user_id_a_message_by_any_user_counts_as_a_person():
    assert not is_from_bot(message(user=BOT), bot_user_id=None)


@pytest.mark.parametrize("subtype", [None, "thread_broadcast", "file_share"])
def test_new_messages_by_people_are_handled(subtype):
    assert is_person_message(message(subtype=subtype), bot_user_id=BOT)


@pytest.mark.parametrize(
    "event",
    [
        message(subtype="message_changed", message={"text": "edited"}),
        message(subtype="message_deleted"),
        message(subtype="channel_join"),
        message(subtype="channel_leave"),
        {"type": "message", "channel": "C1", "text": "no author"},
    ],
    ids=["edit", "deletion", "join", "leave", "no_user"],
)
def test_edits_deletions_joins_and_authorless_events_are_not_person_messages(event):
    assert not is_person_message(event, bot_user_id=BOT)


def test_direct_messages_by_channel_type_or_id():
    assert is_direct(message(channel_type="im"))
    assert is_direct(message(channel="D0123"))
    assert not is_direct(message(channel="C0123", channel_type="channel"))
    assert not is_direct(message(channel="G0123", channel_type="group"))
    assert not is_direct({"type": "message"})


def test_mentions_finds_only_the_given_user():
    assert mentions("<@UBOT> hva er fristen?", BOT)
    assert mentions("spør <@UBOT|rapportlos>", BOT)
    assert not mentions("<@UANA> hva er fristen?", BOT)
    assert not mentions("UBOT without brackets", BOT)
    assert not mentions("<@UBOT>", None)


def test_strip_mention_removes_only_the_bots_mention():
    assert strip_mention("<@UBOT> legg til <@UANA> som partner", BOT) == "legg til <@UANA> som partner"
    assert strip_mention("<@UBOT|rapportlos> hjelp", BOT) == "hjelp"
    assert strip_mention("hei <@UBOT> og <@UBOT>", BOT) == "hei  og"


def test_strip_mention_keeps_other_mentions_in_both_forms():
    text = "<@UANA|ana> og <@W0BEA>"
    assert strip_mention(text, BOT) == text


def test_strip_mention_without_a_bot_id_only_trims():
    assert strip_mention("  <@UBOT> hei  ", None) == "<@UBOT> hei"


def test_thread_of_prefers_the_thread_then_the_message():
    assert thread_of(message(thread_ts="1699999999.000001")) == "1699999999.000001"
    assert thread_of(message()) == "1700000000.000100"
    assert thread_of({}) == ""


def test_incoming_builds_the_engine_message():
    event = message(text="<@UBOT> Hva er fristen for sluttrapporten?", thread_ts="1699.1", channel="C9")
    assert incoming(event, bot_user_id=BOT) == IncomingMessage(
        user_id="UANA",
        channel_id="C9",
        text="Hva er fristen for sluttrapporten?",
        platform=Platform.SLACK,
        thread_id="1699.1",
    )


def test_incoming_of_a_top_level_message_threads_under_it_and_tolerates_no_text():
    result = incoming(message(text=None), bot_user_id=BOT)
    assert result.platform is Platform.SLACK
    assert result.thread_id == "1700000000.000100" and result.text == ""
    assert result.language is None


def test_step_button_reads_the_value_the_blocks_write():
    value = json.dumps({"r": 7, "s": "submit", "v": 3}, separators=(",", ":"))
    assert step_button(value) == StepButton(run_id=7, step_id="submit", version=3)


def test_step_button_accepts_numeric_strings_as_pydantic_does():
    assert step_button('{"r":"7","s":"submit","v":"3"}') == StepButton(run_id=7, step_id="submit", version=3)


@pytest.mark.parametrize(
    "value",
    [
        "",
        "not json",
        "42",  # JSON, but not an object
        "null",
        "[1, 2, 3]",
        '{"r": 7, "s": "submit"}',  # no version
        '{"s": "submit", "v": 1}',  # no run
        '{"r": "seven", "s": "submit", "v": 1}',
        '{"r": 7, "s": "submit", "v": 1.5}',
        '{"r": 7, "s": null, "v": 1}',
        '{"r": 7, "s": ["x"], "v": 1}',
    ],
)
def test_step_button_rejects_values_that_are_not_ours(value):
    assert step_button(value) is None


@pytest.mark.parametrize(
    ("value", "expected"), [("42", 42), ("0", 0), ("", None), ("-1", None), ("4x", None)]
)
def test_answer_id(value, expected):
    assert answer_id(value) == expected


def test_answer_id_of_a_superscript_digit_is_none():
    assert answer_id("²") is None
