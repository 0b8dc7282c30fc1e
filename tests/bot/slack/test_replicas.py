"""Two ``serve slack`` processes behind one load balancer, sharing one PostgreSQL database: an event delivered to
both is answered once, and their reminder loops post a reminder that comes due once."""

from __future__ import annotations

import time
from contextlib import ExitStack
from datetime import UTC, datetime, timedelta

import pytest

from storage import SqlWorkflowStore, create_database
from storage.reminder_store import SqlReminderStore
from tests.bot.slack.harness import SECRET, bot_process, mention, message, texts, unique
from tests.stand_ins.slack_requests import SignedPoster
from tests.stand_ins.slack_web_api import SlackWebApi
from workflows.reminders.models import NewReminder

pytestmark = [pytest.mark.slow, pytest.mark.postgres]


def test_two_processes_answer_a_duplicated_event_once_and_post_a_due_reminder_once(postgres_url, tmp_path):
    env = {
        "RAPPORTLOS_DATABASE_URL": postgres_url,
        "RAPPORTLOS_REMINDER_LOOP": "true",
        "RAPPORTLOS_REMINDER_INTERVAL_SECONDS": "1",
    }
    with SlackWebApi() as api, ExitStack() as stack:
        posters = []
        for name in ("a", "b"):
            _, _, port = stack.enter_context(
                bot_process(api=api, data_dir=tmp_path / name, http=True, env=env)
            )
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
        body = {
            "token": "t",
            "team_id": "T0001",
            "channel_id": project_channel,
            "user_id": user,
            "command": "/erasmus",
            "text": f"project add {number} 30.06.2027 Venner",
            "response_url": f"{api.url}response_url",
        }
        assert posters[0].command(body)[0] == 200
        api.wait_for(
            "chat.postMessage", where=lambda c: c.params.get("channel") == project_channel, timeout=60
        )
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
        # A second reminder, due after the first was posted: once it is out, both loops have ticked past the first.
        database = create_database(postgres_url)
        SqlReminderStore(database=database).add(
            new=NewReminder(project_id=project.id, due_at=datetime.now(UTC) + timedelta(seconds=2), text="Siste",
                            created_by=user),
            at=datetime.now(UTC),
        )  # fmt: skip
        database.close()
        api.wait_for("chat.postMessage", where=lambda c: "Siste" in texts(c), timeout=60)
        answers = [c for c in api.calls_to("chat.postMessage") if c.params.get("channel") == channel]
        reminders = [c for c in api.calls_to("chat.postMessage") if "møtet" in texts(c)]
        assert len(answers) == 1 and len(reminders) == 1


def test_a_follow_up_reaching_the_other_replica_keeps_its_thread_and_a_language_survives_a_restart(
    postgres_url, tmp_path
):
    env = {"RAPPORTLOS_DATABASE_URL": postgres_url}
    channel, user = unique("D"), unique("U")
    with SlackWebApi() as api:
        with ExitStack() as stack:
            posters = []
            for name in ("a", "b"):
                _, _, port = stack.enter_context(
                    bot_process(api=api, data_dir=tmp_path / name, http=True, env=env)
                )
                posters.append(SignedPoster(f"http://127.0.0.1:{port}/slack/events", SECRET))
            first = message("When is the final report due?", user=user, channel=channel)
            assert posters[0].event(first, event_id=unique("Ev"))[0] == 200
            api.wait_for("chat.postMessage", where=lambda c: c.params.get("channel") == channel, timeout=60)
            # On its own "what happens after that?" is declined; on replica b it still follows the first question.
            follow_up = message("what happens after that?", user=user, channel=channel, thread_ts=first["ts"])
            assert posters[1].event(follow_up, event_id=unique("Ev"))[0] == 200
            _, answer = api.wait_for(
                "chat.postMessage", where=lambda c: c.params.get("channel") == channel, count=2, timeout=60
            )
            assert answer.params["thread_ts"] == first["ts"]
            # Answered from what the page says after the first answer: replica b knew the thread's question.
            assert "erasmuspluss@hkdir.no" not in texts(answer) and "60 days" not in texts(answer)
            assert "https://erasmuspluss.no/skoleutvekslingspartnerskap" in texts(answer)

        # Both processes are gone; a new one still knows the person writes English (a command says nothing).
        with bot_process(api=api, data_dir=tmp_path / "a", http=True, env=env) as (_, _, port):
            poster = SignedPoster(f"http://127.0.0.1:{port}/slack/events", SECRET)
            body = {"token": "t", "team_id": "T0001", "channel_id": unique("C"), "user_id": user,
                    "command": "/erasmus", "text": "help", "response_url": f"{api.url}response_url"}  # fmt: skip
            assert poster.command(body)[0] == 200
            [help_text] = api.wait_for("response_url", timeout=60)
            assert "Commands (plain sentences work too)" in texts(help_text)
