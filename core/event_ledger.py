"""The event ledger: which platform events were received, answered or failed, across processes and restarts.

A delivery is *claimed* before it is handled. The first claim of an event handles it; a later delivery (a retry,
or the same event at another replica) is dropped once the event was answered, handled again when the handler
failed or its process died (the lease ran out), and refused for now while another handler holds a live lease —
the platform retries later. ``storage.event_ledger.SqlEventLedger`` implements the contract over SQL;
``MemoryEventLedger`` is its in-memory twin.
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Protocol

MAX_KEY_CHARS = 200


class EventState(StrEnum):
    """Where an event stands."""

    RECEIVED = "received"
    ANSWERED = "answered"
    FAILED = "failed"


class Verdict(StrEnum):
    """What to do with one delivery."""

    HANDLE = "handle"  # first delivery, or a retry of an event whose handler died or failed
    DROP = "drop"  # already answered
    BUSY = "busy"  # another handler holds a live lease: ask the platform to retry later


@dataclass(frozen=True)
class Claim:
    """The ledger's decision on a delivery.

    Attributes:
        verdict: Handle, drop or retry later.
        attempt: 1 for the first delivery; more when an earlier handler died or failed.
        since: When the event was first received (an earlier handler's post cannot be older).
    """

    verdict: Verdict
    attempt: int
    since: datetime


def ledger_key(key: str) -> str:
    """``key`` as stored: long keys become a digest instead of being cut (two long keys never collide)."""
    if len(key) <= MAX_KEY_CHARS:
        return key
    return "sha256:" + hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


class EventLedger(Protocol):
    """Claims and settles events; every method raises ``StorageUnavailable`` when the database is down."""

    def claim(self, *, key: str, owner: str, at: datetime, lease: timedelta) -> Claim:
        """Decide on one delivery of ``key``; a HANDLE verdict leases the event to ``owner`` until ``at + lease``."""
        ...

    def answered(self, *, key: str, message_ts: str | None, at: datetime) -> None:
        """Record that the event was answered (with the posted message's ts, if any): later deliveries drop."""
        ...

    def failed(self, *, key: str, owner: str, at: datetime) -> None:
        """Record that ``owner``'s handler failed: the next delivery handles the event again."""
        ...

    def renew(self, *, keys: list[str], owner: str, until: datetime) -> None:
        """Extend ``owner``'s leases on the events it is still handling."""
        ...

    def forget_before(self, *, before: datetime) -> int:
        """Drop entries received before ``before`` (platforms stop retrying after minutes); returns how many."""
        ...


@dataclass(frozen=True)
class _Entry:
    state: EventState
    owner: str
    lease_until: datetime
    attempts: int
    received_at: datetime
    message_ts: str | None = None


class MemoryEventLedger:
    """The in-memory twin of ``SqlEventLedger`` (one process; tests and the terminal)."""

    def __init__(self) -> None:
        """An empty ledger."""
        self._entries: dict[str, _Entry] = {}
        self._lock = threading.Lock()

    def claim(self, *, key: str, owner: str, at: datetime, lease: timedelta) -> Claim:
        key = ledger_key(key)
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                self._entries[key] = _Entry(EventState.RECEIVED, owner, at + lease, 1, at)
                return Claim(verdict=Verdict.HANDLE, attempt=1, since=at)
            verdict = decide(entry.state, lease_until=entry.lease_until, at=at)
            if verdict is Verdict.HANDLE:
                entry = replace(
                    entry,
                    state=EventState.RECEIVED,
                    owner=owner,
                    lease_until=at + lease,
                    attempts=entry.attempts + 1,
                )
                self._entries[key] = entry
            return Claim(verdict=verdict, attempt=entry.attempts, since=entry.received_at)

    def answered(self, *, key: str, message_ts: str | None, at: datetime) -> None:
        key = ledger_key(key)
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None:
                self._entries[key] = replace(entry, state=EventState.ANSWERED, message_ts=message_ts)

    def failed(self, *, key: str, owner: str, at: datetime) -> None:
        key = ledger_key(key)
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None and entry.owner == owner and entry.state is EventState.RECEIVED:
                self._entries[key] = replace(entry, state=EventState.FAILED)

    def renew(self, *, keys: list[str], owner: str, until: datetime) -> None:
        with self._lock:
            for key in map(ledger_key, keys):
                entry = self._entries.get(key)
                if entry is not None and entry.owner == owner and entry.state is EventState.RECEIVED:
                    self._entries[key] = replace(entry, lease_until=until)

    def forget_before(self, *, before: datetime) -> int:
        with self._lock:
            old = [key for key, entry in self._entries.items() if entry.received_at < before]
            for key in old:
                del self._entries[key]
            return len(old)

    def state_of(self, key: str) -> EventState | None:
        """Where an event stands (for tests)."""
        entry = self._entries.get(ledger_key(key))
        return entry.state if entry else None


def decide(state: EventState, *, lease_until: datetime | None, at: datetime) -> Verdict:
    """The verdict on a delivery of an event already in the ledger (shared by the SQL ledger and the twin)."""
    if state is EventState.ANSWERED:
        return Verdict.DROP
    if state is EventState.RECEIVED and lease_until is not None and lease_until > at:
        return Verdict.BUSY
    return Verdict.HANDLE
