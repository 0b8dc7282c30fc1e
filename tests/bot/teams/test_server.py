"""End to end over loopback HTTP: a real `rapportlos serve teams` process, Teams activities in, connector calls out.

The tests of this module share one server and one connector stand-in and build on each other in file order
(the project the channel tests create is the one the later tests tick and read back).
"""

from __future__ import annotations

import json
import subprocess
from typing import Any

import pytest

from bot.teams.action_ids import STEP_VERB
from tests.bot.teams import activities as teams
from tests.bot.teams.activities import CHANNEL
from tests.bot.teams.conftest import ANONYMOUS, TeamsServer, process_env, rapportlos
from tests.stand_ins.bot_connector import CREATE, REPLY, SEND, UPDATE, BotConnector, Call

pytestmark = pytest.mark.slow
COORD, ANA = "29:coord", "29:ana"
_TIMEOUT = 60


def _texts(node: Any) -> list[str]:
    if isinstance(node, dict):
        own = [node["text"]] if node.get("type") == "TextBlock" else []
        return own + [t for value in node.values() for t in _texts(value)]
    if isinstance(node, list):
        return [t for item in node for t in _texts(item)]
    return []


def _step_actions(card: dict[str, Any]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if node.get("type") == "Action.Execute" and node.get("verb") == STEP_VERB:
                found.append(node)
                return
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(card)
    return found


def _action(card: dict[str, Any], step_id: str, action: str = "done") -> dict[str, Any]:
    return next(
        a for a in _step_actions(card) if a["data"]["step_id"] == step_id and a["data"]["action"] == action
    )


def _posted(connector: BotConnector, where: Any) -> list[Call]:
    return [c for c in connector.calls if c.kind in (SEND, REPLY) and c.is_message and where(c)]


def _checklist_posts(connector: BotConnector) -> list[Call]:
    return _posted(connector, lambda c: any(_step_actions(card) for card in c.cards))


def test_health_answers_without_authentication(teams_server: TeamsServer) -> None:
    import urllib.request

    with urllib.request.urlopen(f"{teams_server.url}/health", timeout=5) as response:
        assert response.status == 200 and json.loads(response.read()) == {"status": "ok"}


def test_a_personal_question_gets_an_answer_card_with_its_source_linked_and_dated(
    teams_server: TeamsServer, connector: BotConnector
) -> None:
    activity = teams.personal(connector.url, COORD, "Når er fristen for sluttrapporten?", activity_id="q-1")
    status, _ = teams_server.post(activity)
    assert status in (200, 202)
    (call,) = connector.wait_for(
        REPLY, where=lambda c: c.activity_id == "q-1" and bool(c.cards), timeout=_TIMEOUT
    )
    texts = _texts(call.cards[0])
    assert call.conversation_id == f"a:dm-{COORD}"
    assert "60 dager" in texts[0]
    assert any(t.startswith("**Kilde:** [") and "](https://" in t for t in texts)
    assert any(t.startswith("Sist oppdatert ") for t in texts)
    helpful = call.cards[0]["actions"][0]["data"]
    assert helpful["verb"] == "rapportlos.feedback" and isinstance(helpful["answer_id"], int)


def test_a_redelivered_activity_is_not_answered_twice(
    teams_server: TeamsServer, connector: BotConnector
) -> None:
    activity = teams.personal(connector.url, COORD, "Når er fristen for sluttrapporten?", activity_id="q-1")
    status, _ = teams_server.post(activity)  # the turn runs before the HTTP answer: nothing is still pending
    assert status in (200, 202)
    answers = _posted(connector, lambda c: c.activity_id == "q-1" and bool(c.cards))
    assert len(answers) == 1


def test_feedback_on_an_answer_is_stored_and_thanked_in_the_personal_chat(
    teams_server: TeamsServer, connector: BotConnector
) -> None:
    (answer,) = _posted(connector, lambda c: c.activity_id == "q-1" and bool(c.cards))
    value = answer.cards[0]["actions"][0]["data"]
    activity = teams.personal(connector.url, COORD, "", activity_id="fb-1")
    activity.pop("text")
    teams_server.post({**activity, "value": value, "replyToId": answer.answered_id})
    (thanks,) = connector.wait_for(REPLY, where=lambda c: c.activity_id == "fb-1", timeout=_TIMEOUT)
    assert thanks.text == "Takk! Bra at svaret hjalp."


def test_the_bot_added_to_a_channel_keeps_its_reference_and_reminders_reach_the_channel(
    teams_server: TeamsServer, connector: BotConnector, monkeypatch: pytest.MonkeyPatch
) -> None:
    teams_server.post(teams.bot_added(connector.url, COORD))
    welcome = _posted(connector, lambda c: c.conversation_id == CHANNEL and "Rapportlos" in c.text)
    assert len(welcome) == 1

    from bot.cli.reminder_wiring import build_teams_notice_poster
    from bot.settings import Settings
    from workflows.notices import Notice

    for key, value in process_env(teams_server.data_dir, **{ANONYMOUS: "true"}).items():
        if key.startswith(("RAPPORTLOS_", "CONNECTIONS__")):
            monkeypatch.setenv(key, value)
    monkeypatch.delenv("RAPPORTLOS_DATABASE_URL", raising=False)
    poster = build_teams_notice_poster(Settings(_env_file=None))  # type: ignore[call-arg]
    try:
        message_id = poster.post(
            Notice(
                channel_id=CHANNEL, text="Sluttrapporten skal leveres om 7 dager.", mention_user_ids=(COORD,)
            )
        )
    finally:
        poster.close()
    (post,) = [c for c in connector.calls if c.answered_id == message_id]
    assert post.kind == SEND and post.conversation_id == CHANNEL
    assert post.text.endswith("Sluttrapporten skal leveres om 7 dager.") and post.text.startswith("<at>")
    assert post.body["entities"][0]["mentioned"]["id"] == COORD


def test_channel_mentions_run_the_shared_commands_and_post_the_checklist_card(
    teams_server: TeamsServer, connector: BotConnector
) -> None:
    people = {"Ana Silva": ANA}  # the person is taken from the mention: nobody needs to know a 29: id
    for text in [
        "project add 2020-1-NO01-KA229-012345 31.08.2025 Vann",
        "partner add Escola X, PT",
        "member add <at>Ana Silva</at> partner Escola X",
        "start final-report",
    ]:
        activity = teams.mention(connector.url, COORD, text, thread="root-1", people=people)
        status, _ = teams_server.post(activity)
        assert status in (200, 202)
    added = _posted(connector, lambda c: "partner" in c.text and ANA in c.text)
    assert added, [c.text for c in connector.calls]
    posts = _checklist_posts(connector)
    assert len(posts) == 1
    assert posts[0].conversation_id == f"{CHANNEL};messageid=root-1"  # in the thread of the post
    assert any("1. " in t for t in _texts(posts[0].cards[0]))


def test_a_submit_tick_refreshes_the_posted_card(teams_server: TeamsServer, connector: BotConnector) -> None:
    (post,) = _checklist_posts(connector)
    action = _action(post.cards[0], "qualitative-content")
    teams_server.post(
        teams.submit(connector.url, COORD, action["fallback"]["data"], reply_to=post.answered_id or "")
    )
    (update,) = connector.wait_for(
        UPDATE, where=lambda c: c.activity_id == post.answered_id, timeout=_TIMEOUT
    )
    assert update.conversation_id == CHANNEL
    assert any(t.startswith("☑ 1. ") for t in _texts(update.cards[0]))
    assert any(COORD in t for t in _texts(update.cards[0]))


def test_a_partner_clicking_a_coordinator_step_is_told_privately_and_nothing_changes(
    teams_server: TeamsServer, connector: BotConnector
) -> None:
    updates_before = len([c for c in connector.calls if c.kind == UPDATE])
    latest = [c for c in connector.calls if c.kind == UPDATE][-1]
    action = _action(latest.cards[0], "ready-for-submission")
    teams_server.post(teams.submit(connector.url, ANA, action["data"], reply_to=latest.activity_id or ""))
    (created,) = connector.wait_for(CREATE, timeout=_TIMEOUT)
    assert created.body["members"][0]["id"] == ANA and created.body["isGroup"] is False
    personal = connector.wait_for(
        SEND, where=lambda c: c.conversation_id == created.answered_id, timeout=_TIMEOUT
    )
    assert "the coordinator's" in personal[0].text  # a partner abroad is answered in English
    assert len([c for c in connector.calls if c.kind == UPDATE]) == updates_before


def test_an_execute_tick_answers_with_the_refreshed_card_and_a_refusal_as_a_message(
    teams_server: TeamsServer, connector: BotConnector
) -> None:
    latest = [c for c in connector.calls if c.kind == UPDATE][-1]
    message_id = latest.activity_id or ""
    refused_status, refused = teams_server.post(
        teams.execute(connector.url, ANA, _action(latest.cards[0], "invoices", "skip"), reply_to=message_id)
    )
    assert refused_status == 200 and refused["type"] == "application/vnd.microsoft.activity.message"
    assert "the coordinator's" in refused["value"]

    status, body = teams_server.post(
        teams.execute(connector.url, COORD, _action(latest.cards[0], "invoices", "skip"), reply_to=message_id)
    )
    assert status == 200 and body["statusCode"] == 200
    assert body["type"] == "application/vnd.microsoft.card.adaptive"
    assert any(t.startswith("⊘ 2. ") for t in _texts(body["value"]))


def test_a_typed_tick_updates_the_runs_card_in_place_and_posts_no_new_card(
    teams_server: TeamsServer, connector: BotConnector
) -> None:
    (post,) = _checklist_posts(connector)
    updates_before = len([c for c in connector.calls if c.kind == UPDATE])
    activity = teams.mention(connector.url, COORD, "ferdig ready-for-submission", thread="root-1")
    status, _ = teams_server.post(activity)
    assert status in (200, 202)
    connector.wait_for(
        UPDATE, where=lambda c: c.activity_id == post.answered_id and any(
            t.startswith("☑ 3. ") for t in _texts(c.cards[0])
        ), timeout=_TIMEOUT,
    )  # fmt: skip
    assert len([c for c in connector.calls if c.kind == UPDATE]) == updates_before + 1
    assert len(_checklist_posts(connector)) == 1  # still the run's one card


@pytest.mark.slow
def test_a_checklist_ticked_in_teams_shows_as_ticked_in_the_terminal_chat(teams_server: TeamsServer) -> None:
    done = subprocess.run(
        [rapportlos(), "chat", "--user", COORD, "--channel", CHANNEL],
        input="status\n",
        capture_output=True,
        text=True,
        env=process_env(teams_server.data_dir),
        timeout=240,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "[x] 1. " in done.stdout and f"({COORD}, " in done.stdout
    assert "[-] 2. " in done.stdout  # skipped through Action.Execute
