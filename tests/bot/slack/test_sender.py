"""SlackSender through the real WebClient against the local Slack Web API stand-in; waits are recorded, not slept."""

import socket

import pytest
from slack_sdk import WebClient

from bot.slack.sender import SlackDeliveryError, SlackSender
from tests.stand_ins.slack_web_api import SlackWebApi


class RecordingSleep:
    """A sleep function that only remembers how long it was asked to wait."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


@pytest.fixture
def slack():
    with SlackWebApi() as api:
        yield api


@pytest.fixture
def sleep():
    return RecordingSleep()


def sender_for(url, sleep, **options):
    return SlackSender(client=WebClient(token="xoxb-test", base_url=url), sleep=sleep, **options)


def closed_port_url():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/api/"  # nothing listens here any more: connection refused


def test_a_successful_call_returns_slacks_data_without_waiting(slack, sleep):
    data = sender_for(slack.url, sleep).call("chat.postMessage", channel="C1", text="Hei")
    assert data["ok"] is True and data["channel"] == "C1" and data["ts"]
    [call] = slack.calls_to("chat.postMessage")
    assert call.params == {"channel": "C1", "text": "Hei"} and call.token == "xoxb-test"
    assert sleep.waits == []


def test_a_429_is_retried_after_exactly_its_retry_after(slack, sleep):
    slack.fail_next("chat.postMessage", status=429, retry_after=7)
    data = sender_for(slack.url, sleep).call("chat.postMessage", channel="C1", text="Hei")
    assert data["ok"] is True
    assert sleep.waits == [7.0]
    assert [c.status for c in slack.calls_to("chat.postMessage")] == [429, 200]
    assert all(c.params["text"] == "Hei" for c in slack.calls_to("chat.postMessage"))


def test_several_429s_each_wait_their_own_retry_after(slack, sleep):
    slack.fail_next("chat.update", status=429, retry_after=2)
    slack.fail_next("chat.update", status=429, retry_after=5)
    sender_for(slack.url, sleep).call("chat.update", channel="C1", ts="1.2", text="x")
    assert sleep.waits == [2.0, 5.0]
    assert [c.status for c in slack.calls_to("chat.update")] == [429, 429, 200]


@pytest.mark.parametrize("error", ["not_in_channel", "channel_not_found"])
def test_permanent_errors_raise_at_once_and_are_not_retried(slack, sleep, error):
    slack.fail_next("chat.postMessage", status=200, error=error)
    with pytest.raises(SlackDeliveryError) as failed:
        sender_for(slack.url, sleep).call("chat.postMessage", channel="C1", text="Hei")
    assert failed.value.reason == error and failed.value.permanent
    assert failed.value.method == "chat.postMessage" and failed.value.retry_after is None
    assert len(slack.calls_to("chat.postMessage")) == 1
    assert sleep.waits == []


def test_a_retry_after_longer_than_max_wait_gives_up_as_ratelimited(slack, sleep):
    slack.fail_next("chat.postMessage", status=429, retry_after=120)
    with pytest.raises(SlackDeliveryError) as failed:
        sender_for(slack.url, sleep, max_wait=30).call("chat.postMessage", channel="C1", text="Hei")
    assert failed.value.reason == "ratelimited" and failed.value.retry_after == 120.0
    assert not failed.value.permanent
    assert len(slack.calls_to("chat.postMessage")) == 1 and sleep.waits == []


def test_rate_limited_on_every_try_gives_up_after_the_attempts(slack, sleep):
    slack.fail_next("chat.postMessage", status=429, retry_after=1, times=5)
    with pytest.raises(SlackDeliveryError) as failed:
        sender_for(slack.url, sleep, attempts=3).call("chat.postMessage", channel="C1", text="Hei")
    assert failed.value.reason == "ratelimited" and failed.value.retry_after == 1.0
    assert len(slack.calls_to("chat.postMessage")) == 3
    assert sleep.waits == [1.0, 1.0]


def test_a_server_error_is_retried_with_a_backoff(slack, sleep):
    slack.fail_next("chat.postMessage", status=500, error="internal_error")
    data = sender_for(slack.url, sleep).call("chat.postMessage", channel="C1", text="Hei")
    assert data["ok"] is True
    assert sleep.waits == [1.0]
    assert [c.status for c in slack.calls_to("chat.postMessage")] == [500, 200]


def test_an_unreachable_slack_raises_after_all_attempts_with_growing_waits(sleep):
    with pytest.raises(SlackDeliveryError) as failed:
        sender_for(closed_port_url(), sleep, attempts=3).call("chat.postMessage", channel="C1", text="Hei")
    assert failed.value.reason == "unreachable" and not failed.value.permanent
    assert failed.value.retry_after is None
    assert sleep.waits == [1.0, 2.0]  # three tries, two waits, each twice the one before


def test_backoff_waits_are_capped_by_max_wait(sleep):
    # Without the client's own connection retry (which sleeps for real), only the sender's waits remain.
    client = WebClient(token="xoxb-test", base_url=closed_port_url(), retry_handlers=[])
    with pytest.raises(SlackDeliveryError):
        SlackSender(client=client, attempts=5, max_wait=3, sleep=sleep).call("auth.test")
    assert sleep.waits == [1.0, 2.0, 3.0, 3.0]
