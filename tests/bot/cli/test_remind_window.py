"""The window after a post: a ``remind tick`` process killed (SIGKILL) after Slack accepted a reminder but before
the database recorded it. The next tick finds the post by the reminder id in its message metadata."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest

from storage import SqlWorkflowStore, create_database
from tests.bot.cli.test_remind import EXECUTABLE, PLANNED_AT, PROJECT_END, _env
from tests.stand_ins.slack_web_api import SlackWebApi
from tests.workflows.reminders.scenario import rows
from workflows.definitions import load_procedures
from workflows.service import WorkflowService

pytestmark = pytest.mark.slow
AFTER_LEASE = "2025-08-29T07:06:00+00:00"  # the dead tick's five-minute lease has run out


def _tick(env: dict[str, str], now: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [EXECUTABLE, "remind", "tick", "--now", now],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )


def test_a_tick_killed_after_slack_took_the_reminder_does_not_post_it_again(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'rapportlos.db'}"
    database = create_database(url)
    service = WorkflowService(store=SqlWorkflowStore(database=database), procedures=load_procedures())
    service.add_project(
        channel_id="C1",
        user_id="UCOORD",
        number="2020-1-NO01-KA229-012345",
        end_date=date(2025, 8, 29),
        name="Vennskap",
    )
    with SlackWebApi() as slack:
        env = _env(url=url, slack=slack, data_dir=tmp_path)
        _tick(env, PLANNED_AT)  # plans the default reminders; nothing due yet
        release = slack.hold_next("chat.postMessage")
        dying = subprocess.Popen(
            [EXECUTABLE, "remind", "tick", "--now", PROJECT_END],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        [posted] = slack.wait_for(
            "chat.postMessage", where=lambda c: c.params.get("channel") == "C1", timeout=120
        )
        dying.kill()  # SIGKILL while it waits for Slack's answer: the post is in, the database never hears of it
        dying.wait(30)
        release.set()
        assert posted.params["metadata"]["event_type"] == "rapportlos_reminder"

        out = _tick(env, AFTER_LEASE).stdout
        posts = [c for c in slack.calls_to("chat.postMessage") if c.params.get("channel") == "C1"]
        assert len(posts) == 1, "the reminder was posted twice"
        assert slack.calls_to("conversations.history") and "sent 1" in out
    recorded = [r for r in rows(database) if r.message_id == posted.response["ts"]]
    database.close()
    assert [r.status for r in recorded] == ["sent"]  # the first post is the one on record
