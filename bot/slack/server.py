"""Running the Slack app: Socket Mode (no public URL) or HTTP at ``/slack/events`` behind a load balancer."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable
from typing import Any

from slack_bolt import App

from bot.settings import Settings

log = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/health"


class MissingCredentials(Exception):
    """A Slack token or secret the chosen mode needs is not set."""


def run_slack(settings: Settings, *, http: bool, host: str, port: int) -> None:
    """Serve Slack until interrupted: HTTP with ``http``, else Socket Mode."""
    _check_credentials(settings, http=http)
    from bot.wiring import build_slack, open_database, start_reminders

    database = open_database(settings)  # one pool for the listeners and the reminder loop
    deps, client = build_slack(settings, database)
    from bot.slack.app import build_app

    app = build_app(deps=deps, client=client, signing_secret=settings.secret("slack_signing_secret") if http else None)
    loop = start_reminders(settings, database)
    try:
        if http:
            _serve_http(app, host=host, port=port)
        else:
            _serve_socket_mode(app, app_token=settings.secret("slack_app_token") or "")
    finally:
        if loop is not None:
            loop.stop()


def _check_credentials(settings: Settings, *, http: bool) -> None:
    needed = ["slack_bot_token", "slack_signing_secret" if http else "slack_app_token"]
    missing = [name.upper() for name in needed if not settings.secret(name)]
    if missing:
        mode = "HTTP mode" if http else "Socket Mode"
        raise MissingCredentials(f"{mode} needs {' and '.join(missing)} (see README, 'Slack').")


def wsgi_app(app: App) -> Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]:
    """Bolt's WSGI handler at ``/slack/events`` plus ``GET /health`` for load balancers."""
    from slack_bolt.adapter.wsgi import SlackRequestHandler

    bolt = SlackRequestHandler(app, path=EVENTS_PATH)

    def application(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        if environ.get("PATH_INFO") == HEALTH_PATH:
            body = json.dumps({"status": "ok"}).encode()
            start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
            return [body]
        return bolt(environ, start_response)

    return application


def _serve_http(app: App, *, host: str, port: int) -> None:
    from waitress import create_server

    server = create_server(wsgi_app(app), host=host, port=port, threads=8, ident="rapportlos")
    effective = getattr(server, "effective_port", port)
    # One parseable line: tests and operators read the port from it (``--port 0`` picks a free one).
    print(f"rapportlos: Slack HTTP listening on http://{host}:{effective}{EVENTS_PATH}", flush=True)
    try:
        server.run()
    finally:
        server.close()


def _serve_socket_mode(app: App, *, app_token: str) -> None:
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    handler = SocketModeHandler(app, app_token)
    handler.connect()
    print("rapportlos: Slack Socket Mode connected", flush=True)
    try:
        from threading import Event

        Event().wait()
    finally:
        handler.close()
