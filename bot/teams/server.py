"""Running the Teams app (Microsoft 365 Agents SDK over aiohttp): ``POST /api/messages`` and ``GET /health``."""

from __future__ import annotations

import warnings

from aiohttp import web
from aiohttp.typedefs import Handler
from microsoft_agents.hosting.aiohttp import jwt_authorization_middleware, start_agent_process

from bot.settings import Settings
from bot.teams.app import TeamsBot

_BOT: web.AppKey[TeamsBot] = web.AppKey("rapportlos_teams_bot", TeamsBot)
_AUTH_EXEMPT = frozenset({"/health"})


@web.middleware
async def _authorised(request: web.Request, handler: Handler) -> web.StreamResponse:
    """The SDK's JWT check (Bot Framework / Entra tokens; anonymous only when configured) on all but /health."""
    if request.path in _AUTH_EXEMPT:
        return await handler(request)
    return await jwt_authorization_middleware(request, handler)


async def _messages(request: web.Request) -> web.StreamResponse:
    bot = request.app[_BOT]
    response = await start_agent_process(request, bot.app, bot.sdk.adapter)
    return response if response is not None else web.Response(status=202)


async def _health(_request: web.Request) -> web.Response:
    return web.json_response({"status": "ok"})


def build_web_app(bot: TeamsBot) -> web.Application:
    """The aiohttp application serving ``bot``."""
    app = web.Application(middlewares=[_authorised])
    with warnings.catch_warnings():  # the SDK's middleware reads this plain string key
        warnings.simplefilter("ignore", web.NotAppKeyWarning)
        app["agent_configuration"] = bot.sdk.auth
    app[_BOT] = bot
    app.router.add_post("/api/messages", _messages)
    app.router.add_get("/health", _health)

    async def close(_app: web.Application) -> None:
        bot.blocking.close()

    app.on_cleanup.append(close)
    return app


def run_teams(settings: Settings, *, host: str, port: int) -> None:
    """Serve Teams until interrupted."""
    from bot.wiring import build_teams_bot, open_database, start_reminders

    database = open_database(settings)  # one pool for the bot and the reminder loop
    app = build_web_app(build_teams_bot(settings, database))
    loop = start_reminders(settings, database)
    try:
        web.run_app(app, host=host, port=port)
    finally:
        if loop is not None:
            loop.stop()
