"""The SQL event ledger (``core.event_ledger.EventLedger``) on the ``processed_events`` table.

A claim inserts the event; a clash with an existing entry reads it and, when the event may be handled again,
takes it over with a conditional update on the attempt count, so of two racing retries only one wins.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta

from sqlalchemy import delete, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from core.event_ledger import Claim, EventState, Verdict, decide, ledger_key
from storage.database import Database
from storage.schema import ProcessedEventRow
from storage.transaction import KEEP, transaction


class SqlEventLedger:
    """Slack (and other platforms') events and where they stand, shared by every process on the database."""

    def __init__(self, *, database: Database) -> None:
        """Use ``database``'s sessions."""
        self._database = database

    @contextmanager
    def _session(self) -> Iterator[Session]:
        with transaction(self._database, conflict=KEEP) as session:
            yield session

    def claim(self, *, key: str, owner: str, at: datetime, lease: timedelta) -> Claim:
        key = ledger_key(key)
        try:
            with self._session() as session:
                session.add(
                    ProcessedEventRow(
                        key=key,
                        received_at=at,
                        state=EventState.RECEIVED.value,
                        owner=owner,
                        lease_until=at + lease,
                        attempts=1,
                    )
                )
            return Claim(verdict=Verdict.HANDLE, attempt=1, since=at)
        except IntegrityError:
            return self._claim_again(key, owner=owner, at=at, lease=lease)

    def _claim_again(self, key: str, *, owner: str, at: datetime, lease: timedelta) -> Claim:
        with self._session() as session:
            row = session.get(ProcessedEventRow, key)
            if row is None:  # pruned between the insert and now: it is long over
                return Claim(verdict=Verdict.DROP, attempt=1, since=at)
            verdict = decide(EventState(row.state), lease_until=row.lease_until, at=at)
            seen, since = row.attempts, row.received_at
            if verdict is not Verdict.HANDLE:
                return Claim(verdict=verdict, attempt=seen, since=since)
            taken = session.execute(
                update(ProcessedEventRow)
                .where(
                    ProcessedEventRow.key == key,
                    ProcessedEventRow.attempts == seen,
                    ProcessedEventRow.state != EventState.ANSWERED.value,
                )
                .values(
                    state=EventState.RECEIVED.value, owner=owner, lease_until=at + lease, attempts=seen + 1
                )
                .execution_options(synchronize_session=False)
            )
            if _count(taken) != 1:  # another retry took it over first
                return Claim(verdict=Verdict.BUSY, attempt=seen, since=since)
            return Claim(verdict=Verdict.HANDLE, attempt=seen + 1, since=since)

    def answered(self, *, key: str, message_ts: str | None, at: datetime) -> None:
        with self._session() as session:
            session.execute(
                update(ProcessedEventRow)
                .where(ProcessedEventRow.key == ledger_key(key))
                .values(state=EventState.ANSWERED.value, message_ts=message_ts, lease_until=None)
                .execution_options(synchronize_session=False)
            )

    def failed(self, *, key: str, owner: str, at: datetime) -> None:
        with self._session() as session:
            session.execute(
                update(ProcessedEventRow)
                .where(
                    ProcessedEventRow.key == ledger_key(key),
                    ProcessedEventRow.owner == owner,
                    ProcessedEventRow.state == EventState.RECEIVED.value,
                )
                .values(state=EventState.FAILED.value, lease_until=None)
                .execution_options(synchronize_session=False)
            )

    def renew(self, *, keys: list[str], owner: str, until: datetime) -> None:
        if not keys:
            return
        with self._session() as session:
            session.execute(
                update(ProcessedEventRow)
                .where(
                    ProcessedEventRow.key.in_([ledger_key(k) for k in keys]),
                    ProcessedEventRow.owner == owner,
                    ProcessedEventRow.state == EventState.RECEIVED.value,
                )
                .values(lease_until=until)
                .execution_options(synchronize_session=False)
            )

    def forget_before(self, *, before: datetime) -> int:
        with self._session() as session:
            result = session.execute(delete(ProcessedEventRow).where(ProcessedEventRow.received_at < before))
            return _count(result)

    def state_of(self, key: str) -> EventState | None:
        """Where an event stands (for tests and operators)."""
        with self._session() as session:
            row = session.get(ProcessedEventRow, ledger_key(key))
            return EventState(row.state) if row else None


def _count(result: object) -> int:
    return int(getattr(result, "rowcount", 0) or 0)
