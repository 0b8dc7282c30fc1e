"""``rapportlos serve web`` as a real process: uvicorn answers on the port given, with the protections on."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from email.message import Message
from pathlib import Path

import pytest


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get(url: str) -> tuple[int, Message, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


@pytest.mark.slow
def test_serve_web_answers_health_and_the_one_404_page(tmp_path: Path) -> None:
    executable = shutil.which("rapportlos", path=str(Path(sys.executable).parent)) or "rapportlos"
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("RAPPORTLOS_", "SLACK_", "CONNECTIONS__"))
    }
    env["RAPPORTLOS_DATA_DIR"] = str(tmp_path / "data")
    port = _free_port()
    process = subprocess.Popen(
        [executable, "serve", "web", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 120
        while True:  # wait until it answers (a condition, not a fixed time)
            assert process.poll() is None, process.stderr.read().decode() if process.stderr else ""
            try:
                status, _headers, body = _get(f"http://127.0.0.1:{port}/health")
                break
            except (urllib.error.URLError, ConnectionError):
                assert time.monotonic() < deadline, "serve web did not start"
                time.sleep(0.1)
        assert (status, body) == (200, "ok")
        status, headers, body = _get(f"http://127.0.0.1:{port}/p/{'z' * 43}")
        assert status == 404 and "This link does not work" in body
        assert headers["Referrer-Policy"] == "no-referrer" and headers["X-Frame-Options"] == "DENY"
        assert headers.get("Server") is None
    finally:
        process.terminate()
        process.wait(timeout=30)
