"""Running the Teams app (Microsoft 365 Agents SDK over aiohttp)."""

from __future__ import annotations

from bot.settings import Settings


def run_teams(settings: Settings, *, host: str, port: int) -> None:
    """Serve Teams until interrupted."""
    raise NotImplementedError("the Teams app is being built")
