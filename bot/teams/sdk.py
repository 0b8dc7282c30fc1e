"""The Agents SDK's configuration, connections and adapter, from the one settings object.

The SDK reads its configuration as ``CONNECTIONS__SERVICE_CONNECTION__SETTINGS__*`` variables; ``Settings`` reads
the same names, and here they are handed back to the SDK's own loader (``load_configuration_from_env``) as a
mapping built from the settings, so nothing reads the process environment behind the settings object's back.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from microsoft_agents.activity import load_configuration_from_env
from microsoft_agents.authentication.msal import MsalConnectionManager
from microsoft_agents.hosting.aiohttp import CloudAdapter
from microsoft_agents.hosting.core import AgentAuthConfiguration, ClaimsIdentity, TurnContext

from bot.settings import Settings

_PREFIX = "CONNECTIONS__SERVICE_CONNECTION__SETTINGS__"
_log = logging.getLogger(__name__)


class TeamsNotConfigured(RuntimeError):
    """Neither an Entra app nor (for local tests) anonymous access is configured."""


@dataclass(frozen=True)
class TeamsSdk:
    """The SDK objects the app, the server and the notice poster share."""

    config: dict[str, Any]
    connections: MsalConnectionManager
    auth: AgentAuthConfiguration
    adapter: CloudAdapter

    @property
    def app_id(self) -> str:
        """The bot's Entra app id ('' in anonymous mode)."""
        return self.auth.CLIENT_ID or ""

    @property
    def anonymous(self) -> bool:
        """True when outgoing calls go without a token (anonymous mode without an app id)."""
        return bool(self.auth.ANONYMOUS_ALLOWED and not self.auth.CLIENT_ID)

    def proactive_identity(self) -> ClaimsIdentity:
        """The identity for proactive turns: the bot's app id, or an anonymous one in anonymous mode."""
        if self.anonymous:
            return ClaimsIdentity()
        return self.adapter.create_claims_identity(self.app_id)


def sdk_environment(settings: Settings) -> dict[str, str]:
    """The SDK's configuration variables, as the settings hold them."""
    env = {_PREFIX + "ANONYMOUS_ALLOWED": "true" if settings.teams_anonymous_allowed else "false"}
    values = {
        "CLIENTID": settings.teams_app_id,
        "CLIENTSECRET": settings.secret("teams_app_password"),
        "TENANTID": settings.teams_tenant_id,
    }
    env.update({_PREFIX + key: value for key, value in values.items() if value})
    return env


def build_sdk(settings: Settings) -> TeamsSdk:
    """Connections and the adapter; refuses to start with no app id unless anonymous access is allowed."""
    if not settings.teams_app_id and not settings.teams_anonymous_allowed:
        raise TeamsNotConfigured(
            "Set CONNECTIONS__SERVICE_CONNECTION__SETTINGS__CLIENTID, CLIENTSECRET and TENANTID "
            "(see README, Microsoft Teams)."
        )
    if settings.teams_anonymous_allowed:
        _log.warning("Teams: anonymous requests are accepted on /api/messages - for local tests only.")
    config = load_configuration_from_env(sdk_environment(settings))
    connections = MsalConnectionManager(**config)
    adapter = CloudAdapter(connection_manager=connections)
    adapter.on_turn_error = _log_turn_error  # the SDK's default posts the exception text into the chat
    auth = connections.get_default_connection_configuration()
    return TeamsSdk(config=config, connections=connections, auth=auth, adapter=adapter)


async def _log_turn_error(context: TurnContext, error: Exception) -> None:
    """Errors that escape a turn (the application's own handler answers the person first)."""
    _log.error("Teams: turn in %s failed: %s", context.activity.conversation.id, error, exc_info=error)
