"""Running the Slack app (Socket Mode or HTTP)."""

from __future__ import annotations

from bot.settings import Settings


def run_slack(settings: Settings, *, http: bool, host: str, port: int) -> None:
    """Serve Slack until interrupted."""
    raise NotImplementedError("the Slack app is being built")
