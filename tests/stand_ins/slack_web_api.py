"""A local stand-in of the Slack Web API: records every call and answers like Slack does.

Start it with ``with SlackWebApi() as slack:`` and aim the real ``WebClient`` at ``slack.url`` (the bot reads it
from ``SLACK_API_URL``). It answers ``auth.test``, ``chat.postMessage``, ``chat.update``, ``chat.postEphemeral``,
``views.publish``, ``conversations.open``, ``chat.getPermalink`` and ``apps.connections.open``; any other method gets
``{"ok": true}``. Posted messages are kept with their ``metadata``: ``conversations.history`` (top-level messages)
and ``conversations.replies`` (a thread) return them newest first, from ``oldest`` on, with the metadata only when
``include_all_metadata`` is set, as Slack does. ``fail_next`` makes the next calls of a method answer 429 with Retry-After, or a Slack error.
"""

from __future__ import annotations

import itertools
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl

BOT_USER_ID = "UBOT"
BOT_ID = "BBOT"
TEAM_ID = "T0001"


@dataclass(frozen=True)
class Call:
    """One request the stand-in received (form and JSON bodies are merged into ``params``)."""

    method: str
    params: dict[str, Any]
    token: str | None
    at: float
    response: dict[str, Any] = field(default_factory=dict)
    status: int = 200


@dataclass
class _Failure:
    status: int
    error: str | None
    retry_after: int | None
    times: int


@dataclass
class _State:
    calls: list[Call] = field(default_factory=list)
    failures: dict[str, list[_Failure]] = field(default_factory=dict)
    socket_url: str | None = None
    messages: list[dict[str, Any]] = field(default_factory=list)
    holds: dict[str, threading.Event] = field(default_factory=dict)
    counter: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    changed: threading.Condition = field(default_factory=threading.Condition)


class SlackWebApi:
    """The stand-in server on ``127.0.0.1`` and a free port (port 0)."""

    def __init__(self) -> None:
        self._state = _State()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self._state))
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        """Base URL for ``WebClient(base_url=...)`` / ``SLACK_API_URL`` (ends with a slash)."""
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}/api/"

    def __enter__(self) -> SlackWebApi:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    @property
    def calls(self) -> list[Call]:
        """Every call so far, oldest first."""
        with self._state.changed:
            return list(self._state.calls)

    def calls_to(self, method: str, *, ok: bool = False) -> list[Call]:
        """The calls of one method (e.g. ``chat.postMessage``); with ``ok`` only those answered successfully."""
        return [c for c in self.calls if c.method == method and (not ok or c.status == 200)]

    def set_socket_url(self, url: str) -> None:
        """What ``apps.connections.open`` returns (a loopback ``ws://`` URL of a Socket Mode stand-in)."""
        self._state.socket_url = url

    def fail_next(
        self,
        method: str,
        *,
        status: int = 429,
        retry_after: int | None = 1,
        error: str | None = None,
        times: int = 1,
    ) -> None:
        """Make the next ``times`` calls of ``method`` fail: HTTP 429 + Retry-After, or 200 with ``error``."""
        failure = _Failure(status=status, error=error, retry_after=retry_after, times=times)
        with self._state.changed:
            self._state.failures.setdefault(method, []).append(failure)

    def hold_next(self, method: str) -> threading.Event:
        """Accept the next call of ``method`` (it is recorded and its message kept) but keep the caller waiting for
        the answer until the returned event is set: the window in which a caller can die after Slack took a post."""
        release = threading.Event()
        with self._state.changed:
            self._state.holds[method] = release
        return release

    def wait_for(
        self,
        method: str,
        *,
        where: Callable[[Call], bool] = lambda _c: True,
        count: int = 1,
        timeout: float = 20,
    ) -> list[Call]:
        """Block until ``count`` calls of ``method`` matching ``where`` arrived; returns them."""
        deadline = time.monotonic() + timeout
        with self._state.changed:
            while True:
                found = [c for c in self._state.calls if c.method == method and where(c)]
                if len(found) >= count:
                    return found
                left = deadline - time.monotonic()
                if left <= 0:
                    seen = [c.method for c in self._state.calls]
                    raise AssertionError(f"{count} x {method} not seen within {timeout}s; calls: {seen}")
                self._state.changed.wait(left)


def _handler(state: _State) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            return

        def do_POST(self) -> None:
            method = self.path.rsplit("/", 1)[-1].split("?", 1)[0]
            params = self._params()
            token = (self.headers.get("Authorization") or "").removeprefix("Bearer ") or params.get("token")
            with state.changed:
                failure = _take_failure(state, method)
                answer = _answer(state, method, params) if failure is None else {"ok": False}
                status = 200 if failure is None else failure.status
                call = Call(
                    method=method, params=params, token=token, at=time.time(), response=answer, status=status
                )
                state.calls.append(call)
                state.changed.notify_all()
            if failure is not None:
                self._fail(failure)
                return
            with state.changed:
                hold = state.holds.pop(method, None)
            if hold is not None:
                hold.wait(120)
            self._send(200, answer)

        do_GET = do_POST

        def _params(self) -> dict[str, Any]:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length).decode() if length else ""
            params: dict[str, Any] = dict(parse_qsl(self.path.split("?", 1)[1])) if "?" in self.path else {}
            if "json" in (self.headers.get("Content-Type") or ""):
                params.update(json.loads(body or "{}"))
            else:
                params.update(dict(parse_qsl(body)))
            for key in ("blocks", "view", "attachments"):  # form posts carry these as JSON strings
                if isinstance(params.get(key), str):
                    params[key] = json.loads(params[key])
            return params

        def _fail(self, failure: _Failure) -> None:
            if failure.status == 429:
                headers = {"Retry-After": str(failure.retry_after or 1)}
                self._send(429, {"ok": False, "error": "ratelimited"}, headers)
            else:
                self._send(failure.status, {"ok": False, "error": failure.error or "internal_error"})

        def _send(self, status: int, body: dict[str, Any], headers: dict[str, str] | None = None) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(data)

    return Handler


def _take_failure(state: _State, method: str) -> _Failure | None:
    queue = state.failures.get(method) or []
    if not queue:
        return None
    failure = queue[0]
    failure.times -= 1
    if failure.times <= 0:
        queue.pop(0)
    return failure


def _answer(state: _State, method: str, params: dict[str, Any]) -> dict[str, Any]:
    ts = f"{int(time.time())}.{next(state.counter):06d}"
    channel = params.get("channel")
    answers: dict[str, dict[str, Any]] = {
        "auth.test": {
            "url": "https://rapportlos-test.slack.com/",
            "team": "Test",
            "user": "rapportlos",
            "team_id": TEAM_ID,
            "user_id": BOT_USER_ID,
            "bot_id": BOT_ID,
        },
        "chat.postMessage": {"channel": channel, "ts": ts, "message": {"text": params.get("text"), "ts": ts}},
        "chat.update": {"channel": channel, "ts": params.get("ts"), "text": params.get("text")},
        "chat.postEphemeral": {"message_ts": ts},
        "views.publish": {"view": {"id": "V0001", **(params.get("view") or {})}},
        "conversations.open": {"channel": {"id": f"D{params.get('users', 'X')}"}},
        "chat.getPermalink": {
            "channel": channel,
            "permalink": f"https://rapportlos-test.slack.com/archives/{channel}/p{params.get('message_ts', '').replace('.', '')}",
        },
        "apps.connections.open": {"url": state.socket_url},
    }
    if method == "chat.postMessage":
        state.messages.append(
            {
                "channel": channel,
                "ts": ts,
                "text": params.get("text"),
                "thread_ts": params.get("thread_ts"),
                "metadata": params.get("metadata"),
            }
        )
    if method in ("conversations.history", "conversations.replies"):
        return {"ok": True, "messages": _history(state, method, params), "has_more": False}
    return {"ok": True, **answers.get(method, {})}


def _history(state: _State, method: str, params: dict[str, Any]) -> list[dict[str, Any]]:
    oldest = float(params.get("oldest") or 0)
    channel = params.get("channel")
    thread = params.get("ts")
    found = []
    for message in state.messages:
        if message["channel"] != channel or float(message["ts"]) < oldest:
            continue
        in_thread = message["thread_ts"] not in (None, message["ts"])
        if (method == "conversations.history" and not in_thread) or (
            method == "conversations.replies" and message["thread_ts"] == thread
        ):
            shown = {k: v for k, v in message.items() if v is not None and k != "channel"}
            if not _flag(params.get("include_all_metadata")):
                shown.pop("metadata", None)
            found.append(shown)
    return sorted(found, key=lambda m: float(m["ts"]), reverse=True)


def _flag(value: Any) -> bool:
    return value is True or str(value).lower() in ("true", "1")
