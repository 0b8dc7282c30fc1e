"""Slack events through the event ledger: claimed before they are handled, settled after, leases kept alive.

``EventGuard.middleware`` claims each Events API delivery: the first is handled; a retry of an answered event is
acknowledged and dropped; a retry of an event whose handler died or failed is handled again; while another
handler holds the event, or while the ledger's database is unreachable, Slack gets 503 and retries later — the
bot never answers an event it cannot record. Listeners wrap their work in ``settling`` so the ledger learns how
it ended; ``tick`` (run every third of the lease) renews the leases of events this process is still handling.
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from slack_bolt import BoltResponse

from core.event_ledger import Claim, EventLedger, Verdict
from workflows.errors import WorkflowError

log = logging.getLogger(__name__)

CLAIM = "rapportlos_claim"  # Bolt context key of the delivery's claim
TRUSTED = "rapportlos_trusted"  # set once Bolt's own checks (signature, self events) have passed
HANDLED_EVENTS = frozenset({"app_mention", "message", "app_home_opened"})


@dataclass
class EventClaim:
    """One claimed delivery: the ledger key, its claim and how it ended (``answered`` with a message ts)."""

    key: str
    event_id: str
    claim: Claim
    answered_ts: str | None = None
    settled: bool = False

    def answered(self, ts: str | None) -> None:
        """The event was answered with the message ``ts`` (None: nothing needed posting)."""
        self.answered_ts = ts


class EventGuard:
    """Claims and settles Slack events for one process.

    Args:
        ledger: The shared event ledger.
        clock: The current aware UTC time.
        lease: How long a claim holds without renewal (a dead process's events are free after this).
    """

    def __init__(self, *, ledger: EventLedger, clock: Callable[[], datetime], lease: timedelta) -> None:
        self._ledger = ledger
        self._clock = clock
        self._lease = lease
        self.owner = uuid.uuid4().hex
        self._in_flight: set[str] = set()
        self._lock = threading.Lock()

    @property
    def renew_every_seconds(self) -> float:
        """How often ``tick`` should run."""
        return self._lease.total_seconds() / 3

    def middleware(
        self, body: dict[str, Any], context: dict[str, Any], next: Callable[[], None]
    ) -> BoltResponse | None:
        """Bolt middleware: claim an event delivery, or answer Slack without handling it."""
        context[TRUSTED] = True
        event = body.get("event") if body.get("type") == "event_callback" else None
        event_id = body.get("event_id")
        if not isinstance(event, dict) or event.get("type") not in HANDLED_EVENTS or not event_id:
            next()
            return None
        key = f"slack:{event_id}"
        try:
            claim = self._ledger.claim(key=key, owner=self.owner, at=self._clock(), lease=self._lease)
        except WorkflowError as error:
            log.warning("event ledger unavailable (%s); Slack will retry %s", error, event_id)
            return BoltResponse(status=503, body="event ledger unavailable; retry later")
        if claim.verdict is Verdict.DROP:
            log.info("event %s already answered; acknowledged and dropped", event_id)
            return BoltResponse(status=200, body="")
        if claim.verdict is Verdict.BUSY:
            log.info("event %s is being handled elsewhere; Slack will retry", event_id)
            return BoltResponse(status=503, body="event in progress; retry later")
        with self._lock:
            self._in_flight.add(key)
        context[CLAIM] = EventClaim(key=key, event_id=str(event_id), claim=claim)
        next()
        return None

    @staticmethod
    def claim_of(context: dict[str, Any]) -> EventClaim | None:
        """The claim the middleware made for this delivery (None for requests that are not claimed)."""
        claim = context.get(CLAIM)
        return claim if isinstance(claim, EventClaim) else None

    @contextmanager
    def settling(self, claim: EventClaim | None) -> Iterator[EventClaim | None]:
        """Wrap the handling of a claimed delivery (on any thread): the claim is recorded answered when the block
        ends, failed when it raises."""
        try:
            yield claim
        except BaseException:
            if claim is not None:
                self._settle(claim, failed=True)
            raise
        if claim is not None:
            self._settle(claim, failed=False)

    def _settle(self, claim: EventClaim, *, failed: bool) -> None:
        if claim.settled:
            return
        claim.settled = True
        with self._lock:
            self._in_flight.discard(claim.key)
        try:
            if failed:
                self._ledger.failed(key=claim.key, owner=self.owner, at=self._clock())
            else:
                self._ledger.answered(key=claim.key, message_ts=claim.answered_ts, at=self._clock())
        except WorkflowError as error:  # the lease runs out; a retry finds the posted answer by its metadata
            log.warning("event %s not settled in the ledger: %s", claim.event_id, error)

    def tick(self) -> None:
        """Renew the leases of the events this process is still handling."""
        with self._lock:
            keys = sorted(self._in_flight)
        if keys:
            self._ledger.renew(keys=keys, owner=self.owner, until=self._clock() + self._lease)
