"""A local stand-in of the Bot Framework connector (the ``serviceUrl`` of Teams activities).

Start it with ``with BotConnector() as connector:`` and put ``connector.url`` into the activities' ``serviceUrl``.
It records and answers ``POST /v3/conversations/{id}/activities`` (send), ``POST …/activities/{replyToId}``
(reply), ``PUT …/activities/{activityId}`` (update) and ``POST /v3/conversations`` (create a personal chat), with
ids like Teams gives. ``fail_next`` makes the next calls of a kind answer an HTTP error (429 with Retry-After).
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
from urllib.parse import unquote, urlsplit

SEND, REPLY, UPDATE, CREATE = "send", "reply", "update", "create"


@dataclass(frozen=True)
class Call:
    """One request the stand-in received."""

    kind: str
    conversation_id: str | None
    activity_id: str | None
    body: dict[str, Any]
    authorization: str | None
    at: float
    answered_id: str | None = None

    @property
    def text(self) -> str:
        """The activity's text ('' when none)."""
        return str(self.body.get("text") or "")

    @property
    def cards(self) -> list[dict[str, Any]]:
        """The Adaptive Cards the activity carries."""
        return [a.get("content") or {} for a in self.body.get("attachments") or []]

    @property
    def is_message(self) -> bool:
        """True for message activities (not typing indicators)."""
        return self.body.get("type") == "message"


@dataclass
class _Failure:
    status: int
    retry_after: int | None
    times: int


@dataclass
class _State:
    calls: list[Call] = field(default_factory=list)
    failures: dict[str, list[_Failure]] = field(default_factory=dict)
    counter: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    changed: threading.Condition = field(default_factory=threading.Condition)


class BotConnector:
    """The stand-in server on ``127.0.0.1`` and a free port (port 0)."""

    def __init__(self) -> None:
        self._state = _State()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self._state))
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        """The ``serviceUrl`` to put into activities (ends with a slash)."""
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}/"

    def __enter__(self) -> BotConnector:
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

    def fail_next(self, kind: str, *, status: int = 429, retry_after: int | None = 1, times: int = 1) -> None:
        """Make the next ``times`` calls of ``kind`` fail with ``status`` (429 carries Retry-After)."""
        with self._state.changed:
            self._state.failures.setdefault(kind, []).append(_Failure(status, retry_after, times))

    def wait_for(
        self,
        kind: str,
        *,
        where: Callable[[Call], bool] = lambda _c: True,
        count: int = 1,
        timeout: float = 30,
    ) -> list[Call]:
        """Block until ``count`` calls of ``kind`` matching ``where`` arrived; returns them."""
        deadline = time.monotonic() + timeout
        with self._state.changed:
            while True:
                found = [c for c in self._state.calls if c.kind == kind and where(c)]
                if len(found) >= count:
                    return found
                left = deadline - time.monotonic()
                if left <= 0:
                    seen = [(c.kind, c.conversation_id, c.text[:60]) for c in self._state.calls]
                    raise AssertionError(f"{count} x {kind} not seen within {timeout}s; calls: {seen}")
                self._state.changed.wait(left)


def _route(method: str, path: str) -> tuple[str, str | None, str | None] | None:
    """(kind, conversation id, activity id) of a connector path, or None when it is not one."""
    parts = [unquote(p) for p in urlsplit(path).path.strip("/").split("/")]
    if parts[:2] != ["v3", "conversations"]:
        return None
    rest = parts[2:]
    if method == "POST" and not rest:
        return CREATE, None, None
    if len(rest) == 2 and rest[1] == "activities" and method == "POST":
        return SEND, rest[0], None
    if len(rest) == 3 and rest[1] == "activities":
        return (REPLY if method == "POST" else UPDATE), rest[0], rest[2]
    return None


def _handler(state: _State) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            return

        def do_POST(self) -> None:
            self._handle("POST")

        def do_PUT(self) -> None:
            self._handle("PUT")

        def _handle(self, method: str) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = json.loads(self.rfile.read(length) or b"{}") if length else {}
            route = _route(method, self.path)
            if route is None:
                self._send(404, {"error": {"code": "NotFound", "message": self.path}})
                return
            kind, conversation_id, activity_id = route
            authorization = self.headers.get("Authorization")
            with state.changed:
                failure = _take_failure(state, kind)
                answer = _answer(kind, activity_id, next(state.counter))
                answered = None if failure else answer["id"]
                call = Call(kind, conversation_id, activity_id, body, authorization, time.time(), answered)
                state.calls.append(call)
                state.changed.notify_all()
            if failure is not None:
                headers = {"Retry-After": str(failure.retry_after)} if failure.retry_after is not None else {}
                self._send(failure.status, {"error": {"code": str(failure.status)}}, headers)
                return
            self._send(200 if kind == UPDATE else 201, answer)

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


def _take_failure(state: _State, kind: str) -> _Failure | None:
    queue = state.failures.get(kind) or []
    if not queue:
        return None
    failure = queue[0]
    failure.times -= 1
    if failure.times <= 0:
        queue.pop(0)
    return failure


def _answer(kind: str, activity_id: str | None, number: int) -> dict[str, Any]:
    if kind == CREATE:
        return {"id": f"a:personal-{number}", "activityId": f"act-{number}"}
    if kind == UPDATE:
        return {"id": activity_id}
    return {"id": f"act-{number}"}
