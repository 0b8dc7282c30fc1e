"""Two ``serve slack`` processes behind one load balancer, sharing one PostgreSQL database: an event delivered to
both is answered once, and their reminder loops post a reminder that comes due once."""

from __future__ import annotations

import time
from contextlib import ExitStack
from datetime import UTC, datetime, timedelta

import pytest

from storage import SqlWorkflowStore, create_database
from storage.reminder_store import SqlReminderStore
from tests.bot.slack.harness import SECRET, bot_process, mention, texts, unique
from tests.stand_ins.slack_requests import SignedPoster
from tests.stand_ins.slack_web_api import SlackWebApi
from workflows.reminders.models import NewReminder

pytestmark = [pytest.mark.slow, pytest.mark.postgres]


def test_two_processes_answer_a_duplicated_event_once_and_post_a_due_reminder_once(postgres_url, tmp_path):
    env = {"RAPPORTLOS_DATABASE_URL": postgres_url, "RAPPORTLOS_REMINDER_LOOP": "true",
           "RAPPORTLOS_REMINDER_INTERVAL_SECONDS": "1"}
    with SlackWebApi() as api, ExitStack() as stack:
        posters = []
        for name in ("a", "b"):
            _, _, port = stack.enter_context(bot_process(api=api, data_dir=tmp_path / name, http=True, env=env))
            posters.append(SignedPoster(f"http://127.0.0.1:{port}/slack/events", SECRET))
        channel, user = unique("C"), unique("U")
        event = mention("Når er fristen for sluttrapporten?", user=user, channel=channel)
        event_id = unique("Ev")
        # The same event reaches both replicas (a retry routed elsewhere): the second acknowledges it as answered
        # (200) or, while the first is still answering it, asks Slack to deliver it again later (503).
        assert posters[0].event(event, event_id=event_id)[0] == 200
        assert posters[1].event(event, event_id=event_id, retry=1)[0] in (200, 503)
        api.wait_for("chat.postMessage", where=lambda c: c.params.get("channel") == channel, timeout=60)

        # A project with a reminder coming due in a few seconds: both replicas' loops tick every second.
        project_channel = unique("C")
        number = f"2023-1-NO01-KA210-SCH-{int(time.time() * 1000) % 10**9:09d}"
        body = {"token": "t", "team_id": "T0001", "channel_id": project_channel, "user_id": user, "command": "/erasmus",
                "text": f"project add {number} 30.06.2027 Venner", "response_url": f"{api.url}response_url"}
        assert posters[0].command(body)[0] == 200
        api.wait_for("chat.postMessage", where=lambda c: c.params.get("channel") == project_channel, timeout=60)
        database = create_database(postgres_url)
        project = SqlWorkflowStore(database=database).project_for_channel(channel_id=project_channel)
        assert project is not None
        due = datetime.now(UTC) + timedelta(seconds=3)
        SqlReminderStore(database=database).add(
            new=NewReminder(project_id=project.id, due_at=due, text="Husk <!channel> møtet", created_by=user),
            at=datetime.now(UTC),
        )
        database.close()
        [reminder] = api.wait_for(
            "chat.postMessage",
            where=lambda c: c.params.get("channel") == project_channel and "møtet" in texts(c),
            timeout=60,
        )
        assert "<!channel>" not in texts(reminder)
        time.sleep(4)  # several more ticks of both loops
        answers = [c for c in api.calls_to("chat.postMessage") if c.params.get("channel") == channel]
        reminders = [c for c in api.calls_to("chat.postMessage") if "møtet" in texts(c)]
        assert len(answers) == 1 and len(reminders) == 1
