"""Running ``rapportlos serve slack`` against the local stand-ins, over HTTP or Socket Mode, as the tests' user."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tests.stand_ins.slack_requests import SignedPoster, click_payload, command_payload, event_callback
from tests.stand_ins.slack_socket_mode import SocketModeStandIn
from tests.stand_ins.slack_web_api import BOT_USER_ID, Call, SlackWebApi

SECRET = "test-signing-secret"
RAPPORTLOS = str(Path(sys.executable).with_name("rapportlos"))


def unique(prefix: str) -> str:
    """An id no other test uses (Slack ids are upper case)."""
    return f"{prefix}{uuid.uuid4().hex[:8].upper()}"


@contextmanager
def bot_process(
    *, api: SlackWebApi, data_dir: Path, http: bool, env: dict[str, str] | None = None
) -> Iterator[tuple[subprocess.Popen[str], list[str], int | None]]:
    """Start ``rapportlos serve slack`` and wait until it serves; yields the process, its output and its port."""
    environment = {
        **os.environ,
        "SLACK_BOT_TOKEN": "xoxb-test",
        "SLACK_SIGNING_SECRET": SECRET,
        "SLACK_APP_TOKEN": "xapp-test",
        "SLACK_API_URL": api.url,
        "RAPPORTLOS_DATA_DIR": str(data_dir),
        "HF_HUB_OFFLINE": "1",
        "RAPPORTLOS_REMINDER_LOOP": "false",  # reminders have their own tests; keep the recorded calls ours
        **(env or {}),
    }
    command = [RAPPORTLOS, "serve", "slack"] + (
        ["--http", "--port", "0", "--host", "127.0.0.1"] if http else []
    )
    process = subprocess.Popen(
        command, env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    output: list[str] = []
    ready = threading.Event()
    port: list[int] = []

    def read() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            output.append(line)
            found = re.search(r"listening on http://[\d.]+:(\d+)/", line)
            if found:
                port.append(int(found.group(1)))
            if found or "Socket Mode connected" in line:
                ready.set()

    threading.Thread(target=read, daemon=True).start()
    try:
        if not ready.wait(300):  # a restart after SIGKILL on a busy machine can be slow
            raise AssertionError("the bot did not start:\n" + "".join(output))
        yield process, output, port[0] if port else None
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()


class Transport:
    """How the test reaches the bot: signed HTTP requests or Socket Mode envelopes."""

    def __init__(
        self, *, api: SlackWebApi, poster: SignedPoster | None, socket: SocketModeStandIn | None
    ) -> None:
        self.api = api
        self.poster = poster
        self.socket = socket
        self.response_url = f"{api.url}response_url"

    def event(self, event: dict[str, Any], *, event_id: str | None = None) -> None:
        """Deliver an Events API event."""
        event_id = event_id or unique("Ev")
        if self.poster is not None:
            status, _ = self.poster.event(event, event_id=event_id)
            assert status == 200
        else:
            assert self.socket is not None
            self.socket.send("events_api", event_callback(event, event_id=event_id))

    def command(self, text: str, *, user: str, channel: str) -> None:
        """Run ``/erasmus <text>``."""
        payload = command_payload(text, user=user, channel=channel, response_url=self.response_url)
        if self.poster is not None:
            status, _ = self.poster.command(payload)
            assert status == 200
        else:
            assert self.socket is not None
            self.socket.send("slash_commands", payload)

    def click(self, *, user: str, channel: str, message: dict[str, Any], action_id: str, value: str) -> None:
        """Press a button of ``message``."""
        payload = click_payload(user=user, channel=channel, message=message, action_id=action_id, value=value)
        if self.poster is not None:
            status, _ = self.poster.interaction(payload)
            assert status == 200
        else:
            assert self.socket is not None
            self.socket.send("interactive", payload)


def mention(
    text: str, *, user: str, channel: str, ts: str | None = None, thread_ts: str | None = None
) -> dict[str, Any]:
    """An ``app_mention`` event."""
    event: dict[str, Any] = {
        "type": "app_mention",
        "user": user,
        "text": f"<@{BOT_USER_ID}> {text}",
        "ts": ts or f"{time.time():.6f}",
        "channel": channel,
    }
    if thread_ts:
        event["thread_ts"] = thread_ts
    return event


def message(
    text: str, *, user: str, channel: str, thread_ts: str | None = None, **extra: Any
) -> dict[str, Any]:
    """A ``message`` event (``channel_type`` im for DMs)."""
    event: dict[str, Any] = {
        "type": "message",
        "user": user,
        "text": text,
        "ts": f"{time.time():.6f}",
        "channel": channel,
        "channel_type": "im" if channel.startswith("D") else "channel",
        **extra,
    }
    if thread_ts:
        event["thread_ts"] = thread_ts
    return event


def texts(call: Call) -> str:
    """Everything a person would read in a posted message: its text and every block's text."""
    parts = [str(call.params.get("text") or "")]
    view = call.params.get("view") or {}
    for block in [*(call.params.get("blocks") or []), *(view.get("blocks") or [])]:
        parts.extend(_block_texts(block))
    return "\n".join(parts)


def _block_texts(block: Any) -> Iterator[str]:
    if isinstance(block, dict):
        for key, value in block.items():
            if key == "text" and isinstance(value, str):
                yield value
            else:
                yield from _block_texts(value)
    elif isinstance(block, list):
        for item in block:
            yield from _block_texts(item)


def buttons(call: Call) -> dict[str, str]:
    """The buttons of a posted message: action id → value."""
    found: dict[str, str] = {}
    for block in call.params.get("blocks") or []:
        elements = (
            block.get("elements", []) if block.get("type") == "actions" else [block.get("accessory") or {}]
        )
        for element in elements:
            if element.get("type") == "button":
                found[element["action_id"]] = element["value"]
    return found
