"""``rapportlos serve slack|teams|web``: the long-running chat platform servers."""

from __future__ import annotations

from typing import Annotated

import typer

from bot.cli.startup import load_settings

serve_app = typer.Typer(help="Run the bot on a chat platform.", no_args_is_help=True)


@serve_app.command()
def slack(
    http: Annotated[bool, typer.Option("--http", help="Serve the Events API over HTTP, not Socket Mode.")] = False,
    port: Annotated[int, typer.Option("--port", help="HTTP port (with --http).")] = 3000,
    host: Annotated[str, typer.Option("--host", help="HTTP interface (with --http).")] = "0.0.0.0",
) -> None:
    """Slack: Socket Mode (SLACK_APP_TOKEN + SLACK_BOT_TOKEN) or HTTP at /slack/events."""
    from bot.slack.server import MissingCredentials, run_slack

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
    from bot.teams.server import run_teams

    run_teams(load_settings(), host=host, port=port)


@serve_app.command()
def web(
    port: Annotated[int, typer.Option("--port", help="HTTP port of the partner page.")] = 8080,
    host: Annotated[str, typer.Option("--host", help="HTTP interface.")] = "127.0.0.1",
) -> None:
    """The partner page: /p/<token> links for partner schools outside the workspace."""
    from bot.web.server import run_web

    run_web(load_settings(), host=host, port=port)
