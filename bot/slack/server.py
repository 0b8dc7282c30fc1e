"""Running the Slack app: Socket Mode (no public URL) or HTTP at ``/slack/events`` behind a load balancer."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable
from typing import Any

from slack_bolt import App

from bot.reminders.loop import ReminderLoop
from bot.settings import Settings
from bot.slack.gate import DEFAULT_MAX_BODY_BYTES, SlackGate, WsgiApp

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

    secret = settings.secret("slack_signing_secret") if http else None
    app = build_app(deps=deps, client=client, signing_secret=secret)
    loop = start_reminders(settings, database)
    leases = ReminderLoop(ticker=deps.guard, interval_seconds=deps.guard.renew_every_seconds)
    leases.start()
    try:
        if http:
            application = wsgi_app(app, signing_secret=secret or "", max_body_bytes=settings.slack_max_body_bytes)
            _serve_http(application, host=host, port=port, max_body_bytes=settings.slack_max_body_bytes)
        else:
            _serve_socket_mode(app, app_token=settings.secret("slack_app_token") or "")
    finally:
        leases.stop()
        if loop is not None:
            loop.stop()


def _check_credentials(settings: Settings, *, http: bool) -> None:
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
            start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
            return [body]
        return bolt(environ, start_response)

    return application


def _serve_http(application: WsgiApp, *, host: str, port: int, max_body_bytes: int) -> None:
    from waitress import create_server

    # Waitress buffers a body before the application sees it: its own limit refuses a large one unread (413).
    server = create_server(
        application, host=host, port=port, threads=8, ident="rapportlos", max_request_body_size=max_body_bytes + 1
    )
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
