"""``rapportlos remind tick``: post the reminders that are due, once, and exit."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

import typer

from bot.cli.startup import load_settings

remind_app = typer.Typer(help="Deadline reminders.", no_args_is_help=True)


def _moment(text: str | None) -> datetime | None:
    if text is None:
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise typer.BadParameter(f"not an ISO-8601 moment: {text}") from None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


@remind_app.command()
def tick(
    now: Annotated[
        str | None, typer.Option("--now", help="Act as if it were this ISO-8601 moment (UTC if no offset).")
    ] = None,
) -> None:
    """Post every reminder due now (or at --now) once, then exit; run it from cron every minute."""
    from bot.cli.reminder_wiring import build_mail_ticker, build_reminder_poster, build_reminder_ticker
    from bot.cli.wiring import open_database

    moment = _moment(now)
    settings = load_settings()
    database = open_database(settings)
    try:
        poster = build_reminder_poster(settings, database)
        report = build_reminder_ticker(settings, poster=poster, database=database).tick(moment)
        mail = build_mail_ticker(settings, poster=poster, database=database)
        mailed = mail.tick(moment) if mail is not None else None
    finally:
        database.close()
    typer.echo(
        f"sent {len(report.sent)}, skipped {len(report.skipped)}, "
        f"retrying {len(report.retrying)}, failed {len(report.failed)}"
    )
    if mailed is not None:
        typer.echo(
            f"e-mails: sent {len(mailed.sent)}, retrying {len(mailed.retrying)}, failed {len(mailed.failed)}"
        )
