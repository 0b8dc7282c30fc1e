"""Serving a built Slack app: Socket Mode (no public URL) or HTTP at ``/slack/events`` behind a load balancer.

Building the app from the settings is the CLI's job (``bot.cli.serve``); nothing here wires parts together.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable
from typing import Any

from slack_bolt import App

from bot.settings import Settings
from bot.slack.gate import DEFAULT_MAX_BODY_BYTES, SlackGate

log = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/health"


class MissingCredentials(Exception):
    """A Slack token or secret the chosen mode needs is not set."""


def check_credentials(settings: Settings, *, http: bool) -> None:
    """Raise MissingCredentials when the chosen mode lacks a token or secret."""
    needed = ["slack_bot_token", "slack_signing_secret" if http else "slack_app_token"]
    missing = [name.upper() for name in needed if not settings.secret(name)]
    if missing:
        mode = "HTTP mode" if http else "Socket Mode"
        raise MissingCredentials(f"{mode} needs {' and '.join(missing)} (see README, 'Slack').")


def wsgi_app(
    app: App, *, signing_secret: str, max_body_bytes: int = DEFAULT_MAX_BODY_BYTES
) -> Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]:
    """Bolt's WSGI handler at ``/slack/events`` behind the request gate, plus ``GET /health`` for load balancers."""
    from slack_bolt.adapter.wsgi import SlackRequestHandler

    bolt = SlackGate(
        SlackRequestHandler(app, path=EVENTS_PATH),
        signing_secret=signing_secret,
        path=EVENTS_PATH,
        max_body_bytes=max_body_bytes,
    )

    def application(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        if environ.get("PATH_INFO") == HEALTH_PATH:
            body = json.dumps({"status": "ok"}).encode()
            start_response(
                "200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(body)))]
            )
            return [body]
        return bolt(environ, start_response)

    return application


def serve_http(
    app: App,
    *,
    host: str,
    port: int,
    signing_secret: str,
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
    threads: int = 8,
) -> None:
    """Serve ``app`` over HTTP (waitress) until interrupted; ``threads`` requests are handled at once."""
    from waitress import create_server

    application = wsgi_app(app, signing_secret=signing_secret, max_body_bytes=max_body_bytes)
    # Waitress buffers a body before the application sees it: its own limit refuses a large one unread (413).
    server = create_server(
        application,
        host=host,
        port=port,
        threads=threads,
        ident="rapportlos",
        max_request_body_size=max_body_bytes + 1,
    )
    effective = getattr(server, "effective_port", port)
    # One parseable line: tests and operators read the port from it (``--port 0`` picks a free one).
    print(f"rapportlos: Slack HTTP listening on http://{host}:{effective}{EVENTS_PATH}", flush=True)
    try:
        server.run()
    finally:
        server.close()


def serve_socket_mode(app: App, *, app_token: str) -> None:
    """Serve ``app`` over Socket Mode until interrupted."""
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    handler = SocketModeHandler(app, app_token)
    handler.connect()
    print("rapportlos: Slack Socket Mode connected", flush=True)
    try:
        from threading import Event

        Event().wait()
    finally:
        handler.close()
