"""Nothing lost, nothing doubled: a real ``serve slack --http`` process killed with SIGKILL mid-work, a database
that goes away and comes back (a private PostgreSQL cluster the test stops and starts), and Slack's retries."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

from core.event_ledger import EventState
from storage.database import Database, create_database
from storage.event_ledger import SqlEventLedger
from storage.schema import ProcessedEventRow
from tests.bot.slack.harness import SECRET, bot_process, mention, unique
from tests.private_postgres import private_postgres
from tests.stand_ins.slack_requests import SignedPoster
from tests.stand_ins.slack_web_api import SlackWebApi

pytestmark = pytest.mark.slow

QUESTION = "Når er fristen for sluttrapporten?"
LEASE = {"RAPPORTLOS_SLACK_EVENT_LEASE_SECONDS": "2"}


def _wait(condition: Callable[[], bool], *, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {timeout}s: {what}")
        time.sleep(0.05)


def _events(channel: str, count: int) -> dict[str, dict[str, Any]]:
    base = time.time()
    return {
        unique("Ev"): mention(QUESTION, user=unique("U"), channel=channel, ts=f"{base:.0f}.{n:06d}")
        for n in range(count)
    }


def _answers(api: SlackWebApi, channel: str) -> Counter[str]:
    """Answer posts per thread (= per event) in ``channel``."""
    return Counter(
        str(c.params.get("thread_ts"))
        for c in api.calls_to("chat.postMessage", ok=True)
        if c.params.get("channel") == channel
    )


def _all_answered(ledger: SqlEventLedger, event_ids: list[str]) -> bool:
    try:
        return all(ledger.state_of(f"slack:{e}") is EventState.ANSWERED for e in event_ids)
    except Exception:  # the database is still coming back
        return False


def _retry_until_accepted(
    poster: SignedPoster, events: dict[str, dict[str, Any]], database: Database
) -> None:
    """Slack's retries (X-Slack-Retry-Num 1-3): a 503 is tried again, as Slack does, up to three times."""
    pending = dict(events)
    for retry in (1, 2, 3):
        statuses = {eid: poster.event(event, event_id=eid, retry=retry)[0] for eid, event in pending.items()}
        assert set(statuses.values()) <= {200, 503}
        pending = {eid: event for eid, event in pending.items() if statuses[eid] != 200}
        if not pending:
            return
        _wait(lambda: _leases_over(database), timeout=30, what="leases of busy events run out")
    raise AssertionError(f"{len(pending)} events still refused after three retries")


def _leases_over(database: Database) -> bool:
    """No event is held by a live lease (a handler that died has let go)."""
    now = datetime.now(UTC)
    try:
        with database.sessions() as session:
            leases = session.scalars(
                select(ProcessedEventRow.lease_until).where(
                    ProcessedEventRow.state == EventState.RECEIVED.value
                )
            ).all()
    except Exception:  # the database is still coming back
        return False
    return all(lease is None or lease <= now for lease in leases)


def test_a_process_killed_mid_work_loses_nothing_and_doubles_nothing_when_slack_retries(
    tmp_path: Path,
) -> None:
    channel = unique("C")
    events = _events(channel, 60)
    with SlackWebApi() as api:
        with bot_process(api=api, data_dir=tmp_path, http=True, env=LEASE) as (process, _, port):
            poster = SignedPoster(f"http://127.0.0.1:{port}/slack/events", SECRET)
            for event_id, event in events.items():
                assert poster.event(event, event_id=event_id)[0] == 200  # all 60 acknowledged
            _wait(lambda: sum(_answers(api, channel).values()) >= 10, timeout=120, what="ten answers")
            process.kill()  # SIGKILL: no clean-up of any kind
            process.wait(30)
        before = sum(_answers(api, channel).values())
        assert before < 60, "the crash came too late to leave any question unanswered"

        with bot_process(api=api, data_dir=tmp_path, http=True, env=LEASE) as (_, _, port):
            database = create_database(f"sqlite:///{tmp_path / 'rapportlos.db'}")
            ledger = SqlEventLedger(database=database)
            poster = SignedPoster(f"http://127.0.0.1:{port}/slack/events", SECRET)
            _retry_until_accepted(poster, events, database)
            _wait(lambda: _all_answered(ledger, list(events)), timeout=180, what="every event answered")
            answers = _answers(api, channel)
            database.close()
    assert {event["ts"] for event in events.values()} == set(answers)  # nothing lost
    assert max(answers.values()) == 1  # nothing doubled


def test_a_retry_after_a_crash_between_the_post_and_the_ledger_finds_the_posted_answer(
    tmp_path: Path,
) -> None:
    channel = unique("C")
    [(event_id, event)] = _events(channel, 1).items()
    with SlackWebApi() as api, bot_process(api=api, data_dir=tmp_path, http=True, env=LEASE) as (_, _, port):
        poster = SignedPoster(f"http://127.0.0.1:{port}/slack/events", SECRET)
        database = create_database(f"sqlite:///{tmp_path / 'rapportlos.db'}")
        ledger = SqlEventLedger(database=database)
        assert poster.event(event, event_id=event_id)[0] == 200
        _wait(lambda: _all_answered(ledger, [event_id]), timeout=60, what="the answer")
        [answer] = [
            c for c in api.calls_to("chat.postMessage", ok=True) if c.params.get("channel") == channel
        ]
        assert answer.params["metadata"]["event_payload"] == {"event_id": event_id}
        # As if the process had died after Slack took the post and before the ledger heard of it:
        with database.engine.begin() as connection:
            connection.execute(
                text("UPDATE processed_events SET state = 'received', lease_until = NULL WHERE key = :key"),
                {"key": f"slack:{event_id}"},
            )
        assert poster.event(event, event_id=event_id, retry=1)[0] == 200
        _wait(lambda: _all_answered(ledger, [event_id]), timeout=60, what="the retry settled")
        assert api.calls_to("conversations.replies")  # it looked for the earlier answer …
        assert _answers(api, channel) == Counter({event["ts"]: 1})  # … found it, and did not answer again
        database.close()


@pytest.mark.postgres
def test_while_the_database_is_down_slack_is_told_to_retry_and_each_event_is_answered_once(
    tmp_path: Path,
) -> None:
    channel = unique("C")
    events = _events(channel, 10)
    with private_postgres() as cluster, SlackWebApi() as api:
        env = {**LEASE, "RAPPORTLOS_DATABASE_URL": cluster.url}
        with bot_process(api=api, data_dir=tmp_path, http=True, env=env) as (_, _, port):
            poster = SignedPoster(f"http://127.0.0.1:{port}/slack/events", SECRET)
            cluster.stop()
            statuses = [poster.event(event, event_id=eid)[0] for eid, event in events.items()]
            assert statuses == [503] * 10  # not acknowledged: Slack delivers them again later
            cluster.start()
            database = create_database(cluster.url)
            ledger = SqlEventLedger(database=database)
            _retry_until_accepted(poster, events, database)
            _wait(lambda: _all_answered(ledger, list(events)), timeout=120, what="every event answered")
            answers = _answers(api, channel)
            database.close()
    assert {event["ts"] for event in events.values()} == set(answers)
    assert max(answers.values()) == 1
