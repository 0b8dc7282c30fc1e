"""A local stand-in of Slack's Socket Mode endpoint: a loopback websocket that sends envelopes and collects acks.

Point the Web API stand-in's ``apps.connections.open`` at ``url``; the bot's Socket Mode client connects, gets
``hello``, and every ``send_*`` call delivers one envelope and waits for the bot's acknowledgement.
"""

from __future__ import annotations

import json
import queue
import threading
import uuid
from typing import Any

from websockets.sync.server import Server, ServerConnection, serve


class SocketModeStandIn:
    """One websocket server on ``127.0.0.1`` and a free port."""

    def __init__(self) -> None:
        self._connections: queue.Queue[ServerConnection] = queue.Queue()
        self._acks: dict[str, threading.Event] = {}
        self._server: Server = serve(self._handle, "127.0.0.1", 0)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._connection: ServerConnection | None = None

    @property
    def url(self) -> str:
        """The ``ws://`` URL to hand out from ``apps.connections.open``."""
        host, port = self._server.socket.getsockname()[:2]
        return f"ws://{host}:{port}/link/?ticket=test"

    def __enter__(self) -> SocketModeStandIn:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._server.shutdown()

    def wait_connected(self, timeout: float = 60) -> None:
        """Block until the bot has connected (and got its ``hello``)."""
        self._connection = self._connections.get(timeout=timeout)

    def send(self, kind: str, payload: dict[str, Any], *, timeout: float = 10) -> str:
        """Deliver one envelope (``events_api``, ``slash_commands``, ``interactive``); returns its id once acked."""
        assert self._connection is not None, "wait_connected() first"
        envelope_id = str(uuid.uuid4())
        acked = self._acks.setdefault(envelope_id, threading.Event())
        envelope = {
            "envelope_id": envelope_id,
            "type": kind,
            "payload": payload,
            "accepts_response_payload": kind != "events_api",
            "retry_attempt": 0,
            "retry_reason": "",
        }
        self._connection.send(json.dumps(envelope))
        if not acked.wait(timeout):
            raise AssertionError(f"envelope {kind} not acknowledged within {timeout}s")
        return envelope_id

    def _handle(self, connection: ServerConnection) -> None:
        connection.send(
            json.dumps({"type": "hello", "num_connections": 1, "connection_info": {"app_id": "A0001"}})
        )
        self._connections.put(connection)
        for message in connection:
            data = json.loads(message)
            envelope_id = data.get("envelope_id")
            if envelope_id:
                self._acks.setdefault(envelope_id, threading.Event()).set()
