"""Authentication of /api/messages: the SDK's JWT check unless its own ANONYMOUS_ALLOWED setting says otherwise."""

from __future__ import annotations

import asyncio
import json
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest
from aiohttp import web

from bot.settings import Settings
from bot.teams.app import build_bot
from bot.teams.sdk import TeamsNotConfigured, build_sdk, sdk_environment
from bot.teams.server import build_web_app
from bot.teams.services import TeamsServices

PREFIX = "CONNECTIONS__SERVICE_CONNECTION__SETTINGS__"
ACTIVITY = {
    "type": "message",
    "id": "1",
    "channelId": "msteams",
    "serviceUrl": "http://127.0.0.1:9/",
    "from": {"id": "29:x"},
    "recipient": {"id": "28:bot"},
    "conversation": {"id": "a:x"},
    "text": "hei",
}


def _settings(**values: Any) -> Settings:
    return Settings(_env_file=None, **values)


@pytest.fixture
def secured_url() -> Iterator[str]:
    """A server with an Entra app configured and anonymous access off, on a free loopback port."""
    settings = _settings(
        **{PREFIX + "CLIENTID": "11111111-2222-3333-4444-555555555555", PREFIX + "TENANTID": "t"}
    )
    # The handlers never run here: every request is refused before it reaches them.
    services = TeamsServices(engine=None, store=None)  # type: ignore[arg-type]
    app = build_web_app(build_bot(sdk=build_sdk(settings), services=services))
    loop = asyncio.new_event_loop()
    runner = web.AppRunner(app)
    loop.run_until_complete(runner.setup())
    site = web.TCPSite(runner, "127.0.0.1", 0)
    loop.run_until_complete(site.start())
    port = runner.addresses[0][1]
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{port}"
    asyncio.run_coroutine_threadsafe(runner.cleanup(), loop).result(10)
    loop.call_soon_threadsafe(loop.stop)
    thread.join(10)


def _post(url: str, headers: dict[str, str]) -> int:
    request = urllib.request.Request(
        f"{url}/api/messages",
        data=json.dumps(ACTIVITY).encode(),
        headers={"Content-Type": "application/json", **headers},
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)


def test_without_anonymous_access_unauthenticated_requests_are_refused(secured_url: str) -> None:
    assert _post(secured_url, {}) == 401
    assert _post(secured_url, {"Authorization": "Bearer not-a-jwt"}) == 401
    with urllib.request.urlopen(f"{secured_url}/health", timeout=10) as response:
        assert response.status == 200


def test_the_settings_map_to_the_sdks_own_configuration_names() -> None:
    settings = _settings(
        **{PREFIX + "CLIENTID": "app", PREFIX + "CLIENTSECRET": "s3cr3t-value", PREFIX + "TENANTID": "tenant"}
    )
    assert sdk_environment(settings) == {
        PREFIX + "CLIENTID": "app",
        PREFIX + "CLIENTSECRET": "s3cr3t-value",
        PREFIX + "TENANTID": "tenant",
        PREFIX + "ANONYMOUS_ALLOWED": "false",
    }
    assert "s3cr3t-value" not in repr(settings)
    sdk = build_sdk(settings)
    assert (sdk.app_id, sdk.anonymous, sdk.auth.ANONYMOUS_ALLOWED) == ("app", False, False)


def test_anonymous_mode_is_only_the_sdks_setting_and_nothing_at_all_refuses_to_start() -> None:
    assert build_sdk(_settings(**{PREFIX + "ANONYMOUS_ALLOWED": "true"})).anonymous
    with pytest.raises(TeamsNotConfigured):
        build_sdk(_settings())
