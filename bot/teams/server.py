"""Running the Teams app (Microsoft 365 Agents SDK over aiohttp): ``POST /api/messages`` and ``GET /health``."""

from __future__ import annotations

import warnings

from aiohttp import web
from aiohttp.typedefs import Handler
from microsoft_agents.hosting.aiohttp import jwt_authorization_middleware, start_agent_process

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


def serve(bot: TeamsBot, *, host: str, port: int) -> None:
    """Serve ``bot`` until interrupted (built by the CLI, ``bot.cli.serve``)."""
    web.run_app(build_web_app(bot), host=host, port=port)
