"""``rapportlos serve web``: the partner page under uvicorn."""

from __future__ import annotations

import uvicorn

from bot.settings import Settings


def run_web(settings: Settings, *, host: str, port: int) -> None:
    """Serve the partner page until interrupted.

    Reminders (channel and e-mail) are ticked by the Slack/Teams serve process or by cron, not here, so that
    one SQLite database never has two ticking processes.
    """
    from bot.wiring import build_web_app, open_database

    database = open_database(settings)
    try:
        uvicorn.run(
            build_web_app(settings, database),
            host=host,
            port=port,
            proxy_headers=True,
            forwarded_allow_ips=settings.web_trusted_proxies,
            server_header=False,
            access_log=False,  # the access log would write every link token (they are in the path) to the logs
        )
    finally:
        database.close()
