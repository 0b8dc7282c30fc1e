"""``rapportlos serve slack|teams|web``: the long-running servers, wired here from the settings."""

from __future__ import annotations

from typing import Annotated

import typer

from bot.cli.startup import load_settings
from bot.settings import Settings

serve_app = typer.Typer(help="Run the bot on a chat platform.", no_args_is_help=True)


@serve_app.command()
def slack(
    http: Annotated[
        bool, typer.Option("--http", help="Serve the Events API over HTTP, not Socket Mode.")
    ] = False,
    port: Annotated[int, typer.Option("--port", help="HTTP port (with --http).")] = 3000,
    host: Annotated[str, typer.Option("--host", help="HTTP interface (with --http).")] = "0.0.0.0",
) -> None:
    """Slack: Socket Mode (SLACK_APP_TOKEN + SLACK_BOT_TOKEN) or HTTP at /slack/events."""
    from bot.slack.server import MissingCredentials

    try:
        run_slack(load_settings(), http=http, host=host, port=port)
    except MissingCredentials as error:
        typer.echo(f"rapportlos: {error}", err=True)
        raise typer.Exit(code=2) from error


@serve_app.command()
def teams(
    port: Annotated[int, typer.Option("--port", help="HTTP port of /api/messages.")] = 3978,
    host: Annotated[str, typer.Option("--host", help="HTTP interface.")] = "0.0.0.0",
) -> None:
    """Microsoft Teams: the Agents SDK endpoint /api/messages."""
    run_teams(load_settings(), host=host, port=port)


@serve_app.command()
def web(
    port: Annotated[int, typer.Option("--port", help="HTTP port of the partner page.")] = 8080,
    host: Annotated[str, typer.Option("--host", help="HTTP interface.")] = "127.0.0.1",
) -> None:
    """The partner page: /p/<token> links for partner schools outside the workspace."""
    run_web(load_settings(), host=host, port=port)


def run_slack(settings: Settings, *, http: bool, host: str, port: int) -> None:
    """Build the Slack app from ``settings`` and serve it until interrupted: HTTP with ``http``, else Socket Mode."""
    from bot.cli.reminder_wiring import start_reminders
    from bot.cli.wiring import build_slack, open_database
    from bot.reminders.loop import ReminderLoop
    from bot.slack.app import build_app
    from bot.slack.server import check_credentials, serve_http, serve_socket_mode

    check_credentials(settings, http=http)
    database = open_database(settings)  # one pool for the listeners and the reminder loop
    deps, client = build_slack(settings, database)
    secret = settings.secret("slack_signing_secret") if http else None
    app = build_app(deps=deps, client=client, signing_secret=secret)
    loop = start_reminders(settings, database)
    # The event ledger's leases of the events this process is still answering are renewed in the background.
    leases = ReminderLoop(ticker=deps.guard, interval_seconds=deps.guard.renew_every_seconds)
    leases.start()
    try:
        if http:
            serve_http(
                app,
                host=host,
                port=port,
                signing_secret=secret or "",
                max_body_bytes=settings.slack_max_body_bytes,
            )
        else:
            serve_socket_mode(app, app_token=settings.secret("slack_app_token") or "")
    finally:
        leases.stop()
        if loop is not None:
            loop.stop()


def run_teams(settings: Settings, *, host: str, port: int) -> None:
    """Build the Teams bot from ``settings`` and serve it until interrupted."""
    from bot.cli.reminder_wiring import start_reminders
    from bot.cli.wiring import build_teams_bot, open_database
    from bot.teams.server import serve

    database = open_database(settings)  # one pool for the bot and the reminder loop
    bot = build_teams_bot(settings, database)
    loop = start_reminders(settings, database)
    try:
        serve(bot, host=host, port=port)
    finally:
        if loop is not None:
            loop.stop()


def run_web(settings: Settings, *, host: str, port: int) -> None:
    """Build the partner page from ``settings`` and serve it until interrupted.

    Reminders (channel and e-mail) are ticked by the Slack/Teams serve process or by cron, not here, so that
    one SQLite database never has two ticking processes.
    """
    from bot.cli.wiring import build_web_app, open_database
    from bot.web.server import serve

    database = open_database(settings)
    try:
        serve(
            build_web_app(settings, database),
            host=host,
            port=port,
            trusted_proxies=settings.web_trusted_proxies,
        )
    finally:
        database.close()
