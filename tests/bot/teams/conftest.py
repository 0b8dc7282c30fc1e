"""A real ``rapportlos serve teams`` process (anonymous access, temporary data folder) and a connector stand-in."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.stand_ins.bot_connector import BotConnector

ANONYMOUS = "CONNECTIONS__SERVICE_CONNECTION__SETTINGS__ANONYMOUS_ALLOWED"
_STARTUP_SECONDS = 240  # a fresh data folder builds the index and loads the embedding model


def rapportlos() -> str:
    """The installed console script next to this interpreter."""
    return shutil.which("rapportlos", path=str(Path(sys.executable).parent)) or "rapportlos"


def process_env(data_dir: Path, **extra: str) -> dict[str, str]:
    """The environment of a child process on ``data_dir`` (SQLite there; no inherited Teams settings)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CONNECTIONS__", "RAPPORTLOS_"))}
    env.update(
        {
            "RAPPORTLOS_DATA_DIR": str(data_dir),
            "HF_HUB_OFFLINE": "1",
            "RAPPORTLOS_REMINDER_LOOP": "false",
            **extra,
        }
    )
    return env


def free_port() -> int:
    """A port nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass(frozen=True)
class TeamsServer:
    """The running server process."""

    url: str
    data_dir: Path
    log: Path

    def post(self, activity: dict[str, Any], *, timeout: float = 120) -> tuple[int, Any]:
        """POST one activity to /api/messages; (status, JSON body or None)."""
        request = urllib.request.Request(
            f"{self.url}/api/messages",
            data=json.dumps(activity).encode(),
            headers={"Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                body = response.read()
                return response.status, json.loads(body) if body else None
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()


def start_server(data_dir: Path, log: Path, **env: str) -> tuple[subprocess.Popen[bytes], str]:
    """Start ``rapportlos serve teams`` on a free port and wait for /health."""
    port = free_port()
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [rapportlos(), "serve", "teams", "--host", "127.0.0.1", "--port", str(port)],
            env=process_env(data_dir, **env),
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + _STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"server exited: {log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(f"{url}/health", timeout=2):
                return process, url
        except OSError:
            time.sleep(0.3)
    process.kill()
    raise AssertionError(f"server did not start: {log.read_text()[-3000:]}")


def stop(process: subprocess.Popen[bytes]) -> None:
    """Stop the process we started."""
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture(scope="module")
def connector() -> Iterator[BotConnector]:
    """The Bot Framework connector stand-in, one per test module."""
    with BotConnector() as stand_in:
        yield stand_in


@pytest.fixture(scope="module")
def teams_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TeamsServer]:
    """One anonymous-mode server process per test module, on its own data folder."""
    data_dir = tmp_path_factory.mktemp("teams-data")
    log = data_dir / "server.log"
    process, url = start_server(data_dir, log, **{ANONYMOUS: "true"})
    try:
        yield TeamsServer(url=url, data_dir=data_dir, log=log)
    finally:
        stop(process)
