"""``rapportlos remind tick``: post the reminders that are due, once, and exit."""

from __future__ import annotations

import typer

remind_app = typer.Typer(help="Deadline reminders.", no_args_is_help=True)
