"""The event guard over the in-memory ledger twin: claims, settling, renewal, and an unreachable ledger."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from bot.slack.event_guard import CLAIM, TRUSTED, EventGuard
from core.event_ledger import Claim, EventState, MemoryEventLedger
from tests.databases import Clock
from workflows.errors import StorageUnavailable

LEASE = timedelta(seconds=30)


def _body(event_id: str = "Ev1", kind: str = "app_mention") -> dict[str, Any]:
    return {
        "type": "event_callback",
        "event_id": event_id,
        "event": {"type": kind, "channel": "C1", "user": "U1"},
    }


def _deliver(guard: EventGuard, body: dict[str, Any]) -> tuple[Any, dict[str, Any], bool]:
    context: dict[str, Any] = {}
    called: list[bool] = []
    response = guard.middleware(body, context, lambda: called.append(True))
    return response, context, bool(called)


@pytest.fixture
def clock() -> Clock:
    return Clock(datetime(2026, 11, 30, 8, 0, tzinfo=UTC))


def test_a_retry_of_an_event_whose_handler_raised_is_handled_and_one_that_was_answered_is_dropped(clock):
    ledger = MemoryEventLedger()
    guard = EventGuard(ledger=ledger, clock=clock, lease=LEASE)
    _, context, handled = _deliver(guard, _body())
    assert handled and context[TRUSTED]
    with pytest.raises(RuntimeError), guard.settling(guard.claim_of(context)):
        raise RuntimeError("the handler died")
    assert ledger.state_of("slack:Ev1") is EventState.FAILED
    _, context, handled = _deliver(guard, _body())
    assert handled and context[CLAIM].claim.attempt == 2
    with guard.settling(guard.claim_of(context)) as claim:
        claim.answered("1.000001")
    response, _, handled = _deliver(guard, _body())
    assert not handled and response.status == 200
    assert ledger.state_of("slack:Ev1") is EventState.ANSWERED


def test_a_retry_while_the_first_delivery_is_still_being_answered_asks_slack_to_retry_later(clock):
    guard = EventGuard(ledger=MemoryEventLedger(), clock=clock, lease=LEASE)
    _deliver(guard, _body())
    clock.advance(seconds=25)
    guard.tick()  # the handler is alive: its lease is renewed
    clock.advance(seconds=25)
    response, _, handled = _deliver(guard, _body())
    assert not handled and response.status == 503


def test_a_dead_process_s_event_is_handled_once_its_lease_runs_out(clock):
    ledger = MemoryEventLedger()
    EventGuard(ledger=ledger, clock=clock, lease=LEASE).middleware(_body(), {}, lambda: None)  # then it died
    clock.advance(seconds=31)
    _, context, handled = _deliver(EventGuard(ledger=ledger, clock=clock, lease=LEASE), _body())
    assert handled and context[CLAIM].claim.since == clock.now - timedelta(seconds=31)


class _Unreachable(MemoryEventLedger):
    def claim(self, *, key: str, owner: str, at: datetime, lease: timedelta) -> Claim:
        raise StorageUnavailable("connection refused")


def test_while_the_ledger_is_unreachable_slack_gets_503_and_nothing_is_handled(clock):
    response, _, handled = _deliver(EventGuard(ledger=_Unreachable(), clock=clock, lease=LEASE), _body())
    assert not handled and response.status == 503


def test_events_the_bot_does_not_answer_and_other_requests_pass_unclaimed(clock):
    ledger = MemoryEventLedger()
    guard = EventGuard(ledger=ledger, clock=clock, lease=LEASE)
    for body in (_body(kind="member_joined_channel"), {"type": "block_actions"}, {"command": "/erasmus"}):
        response, context, handled = _deliver(guard, body)
        assert handled and response is None and CLAIM not in context
    assert ledger.state_of("slack:Ev1") is None
