"""The partner page's ASGI application (Starlette): routes, templates, static files and the protections."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from bot.web.routes import PartnerPages, Refresh
from bot.web.security import Csrf, RateLimiter, SecurityHeaders
from workflows.links.service import PartnerLinkService

HERE = Path(__file__).parent


def templates() -> Environment:
    """The page templates, with autoescaping on for everything."""
    return Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True, auto_reload=False)


def build_app(
    *,
    links: PartnerLinkService,
    csrf_key: bytes,
    limiter: RateLimiter,
    timezone: str,
    refresh: Refresh | None = None,
) -> Starlette:
    """The web application.

    Args:
        links: Opens link tokens and applies ticks.
        csrf_key: Key of the CSRF tokens (the same for every process behind one address).
        limiter: Per-address limit on token look-ups.
        timezone: Time zone of the times shown (``RAPPORTLOS_TIMEZONE``).
        refresh: Refreshes a run's posted Slack messages and Teams cards after a change.
    """
    pages = PartnerPages(
        links=links,
        templates=templates(),
        csrf=Csrf(csrf_key),
        limiter=limiter,
        timezone=timezone,
        refresh=refresh,
    )

    async def health(_request: Request) -> Response:
        return PlainTextResponse("ok")

    routes = [
        Route("/health", health),
        Route("/p/{token}", pages.page, methods=["GET"]),
        Route("/p/{token}/steps/{step_id}", pages.change, methods=["POST"]),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
    return Starlette(
        routes=routes,
        middleware=[Middleware(SecurityHeaders)],
        exception_handlers={404: pages.not_found, 405: pages.not_found},
    )
