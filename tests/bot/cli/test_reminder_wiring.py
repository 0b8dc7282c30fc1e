"""Wiring the reminders from the one settings object: where notices go, and whether the serve loop runs."""

from __future__ import annotations

from pathlib import Path

from bot.cli.reminder_wiring import build_mail_ticker, build_routing_poster, start_reminders
from bot.routing_poster import RoutingNoticePoster
from bot.settings import Settings
from storage.database import Database


class NoPoster:
    def post(self, notice):  # pragma: no cover - never called here
        raise AssertionError("nothing is posted while wiring")

    def direct(self, *, user_id, text):  # pragma: no cover - never called here
        raise AssertionError("nothing is posted while wiring")


def test_without_teams_settings_every_notice_goes_through_slack(
    sqlite_database: Database, tmp_path: Path
) -> None:
    slack = NoPoster()
    settings = Settings(_env_file=None, data_dir=tmp_path)  # type: ignore[call-arg]
    assert build_routing_poster(settings, slack=slack, database=sqlite_database) is slack


def test_with_teams_settings_notices_are_routed_by_platform(
    sqlite_database: Database, tmp_path: Path
) -> None:
    settings = Settings(  # type: ignore[call-arg]
        _env_file=None,
        data_dir=tmp_path,
        **{"CONNECTIONS__SERVICE_CONNECTION__SETTINGS__ANONYMOUS_ALLOWED": True},
    )
    poster = build_routing_poster(settings, slack=NoPoster(), database=sqlite_database)
    assert isinstance(poster, RoutingNoticePoster)


def test_cron_ticks_instead_of_the_loop_and_mail_needs_smtp(
    sqlite_database: Database, tmp_path: Path
) -> None:
    settings = Settings(_env_file=None, data_dir=tmp_path, reminder_loop=False)  # type: ignore[call-arg]
    assert start_reminders(settings, sqlite_database) is None
    assert build_mail_ticker(settings, poster=NoPoster(), database=sqlite_database) is None
