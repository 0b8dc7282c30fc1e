"""The event ledger contract, on SQLite, PostgreSQL and the in-memory twin alike."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from core.event_ledger import EventLedger, EventState, MemoryEventLedger, Verdict
from storage.event_ledger import SqlEventLedger

T0 = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
LEASE = timedelta(seconds=30)


@pytest.fixture(params=["memory", "sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def ledger(request: pytest.FixtureRequest) -> EventLedger:
    if request.param == "memory":
        return MemoryEventLedger()
    return SqlEventLedger(database=request.getfixturevalue(f"{request.param}_database"))


def _state(ledger: EventLedger, key: str) -> EventState | None:
    return ledger.state_of(key)  # type: ignore[attr-defined]


def test_the_first_delivery_is_handled_and_a_retry_of_an_answered_event_is_dropped(ledger):
    first = ledger.claim(key="slack:Ev1", owner="a", at=T0, lease=LEASE)
    assert (first.verdict, first.attempt, first.since) == (Verdict.HANDLE, 1, T0)
    assert _state(ledger, "slack:Ev1") is EventState.RECEIVED
    ledger.answered(key="slack:Ev1", message_ts="1.000001", at=T0)
    assert _state(ledger, "slack:Ev1") is EventState.ANSWERED
    assert (
        ledger.claim(key="slack:Ev1", owner="b", at=T0 + timedelta(hours=1), lease=LEASE).verdict
        is Verdict.DROP
    )


def test_a_retry_while_the_handler_holds_its_lease_is_busy_and_after_the_lease_it_is_handled_again(ledger):
    ledger.claim(key="slack:Ev1", owner="a", at=T0, lease=LEASE)
    assert (
        ledger.claim(key="slack:Ev1", owner="b", at=T0 + timedelta(seconds=5), lease=LEASE).verdict
        is Verdict.BUSY
    )
    again = ledger.claim(key="slack:Ev1", owner="b", at=T0 + timedelta(seconds=31), lease=LEASE)
    assert (again.verdict, again.attempt, again.since) == (Verdict.HANDLE, 2, T0)


def test_a_renewed_lease_keeps_a_slow_handler_s_event(ledger):
    ledger.claim(key="slack:Ev1", owner="a", at=T0, lease=LEASE)
    ledger.renew(keys=["slack:Ev1"], owner="a", until=T0 + timedelta(seconds=60))
    assert (
        ledger.claim(key="slack:Ev1", owner="b", at=T0 + timedelta(seconds=45), lease=LEASE).verdict
        is Verdict.BUSY
    )
    ledger.renew(
        keys=["slack:Ev1"], owner="someone else", until=T0 + timedelta(hours=1)
    )  # not theirs to renew
    assert (
        ledger.claim(key="slack:Ev1", owner="b", at=T0 + timedelta(seconds=61), lease=LEASE).verdict
        is Verdict.HANDLE
    )


def test_a_failed_handler_s_event_is_handled_by_the_next_delivery_at_once(ledger):
    ledger.claim(key="slack:Ev1", owner="a", at=T0, lease=LEASE)
    ledger.failed(key="slack:Ev1", owner="a", at=T0)
    assert _state(ledger, "slack:Ev1") is EventState.FAILED
    again = ledger.claim(key="slack:Ev1", owner="b", at=T0 + timedelta(seconds=1), lease=LEASE)
    assert (again.verdict, again.attempt) == (Verdict.HANDLE, 2)


def test_of_two_retries_racing_for_an_expired_lease_one_handles(ledger):
    ledger.claim(key="slack:Ev1", owner="a", at=T0, lease=LEASE)
    later = T0 + timedelta(minutes=2)
    verdicts = [ledger.claim(key="slack:Ev1", owner=o, at=later, lease=LEASE).verdict for o in ("b", "c")]
    assert verdicts == [Verdict.HANDLE, Verdict.BUSY]


def test_long_keys_are_stored_whole_as_a_digest_so_they_never_collide(ledger):
    base = "slack:" + "X" * 400
    assert ledger.claim(key=base + "1", owner="a", at=T0, lease=LEASE).verdict is Verdict.HANDLE
    assert ledger.claim(key=base + "2", owner="a", at=T0, lease=LEASE).verdict is Verdict.HANDLE
    assert ledger.claim(key=base + "1", owner="b", at=T0, lease=LEASE).verdict is Verdict.BUSY


def test_old_entries_are_forgotten(ledger):
    ledger.claim(key="slack:old", owner="a", at=T0, lease=LEASE)
    ledger.claim(key="slack:new", owner="a", at=T0 + timedelta(days=2), lease=LEASE)
    assert ledger.forget_before(before=T0 + timedelta(days=1)) == 1
    assert _state(ledger, "slack:old") is None and _state(ledger, "slack:new") is EventState.RECEIVED
