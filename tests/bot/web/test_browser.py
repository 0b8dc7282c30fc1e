"""A real browser on a real server: headless Chromium (Selenium) ticks both partner steps through a link made
in the terminal chat, and the terminal chat's ``status`` (another process, same SQLite file) shows them.

Skips with one line when Debian's ``chromium`` / ``chromium-driver`` are missing; CI installs them
(``scripts/setup-system.sh``). The screenshot is written to ``tests/artifacts/partner-page.png``.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from bot.cli.wiring import build_web_app, open_database
from bot.settings import Settings

CHROMIUM, DRIVER = shutil.which("chromium"), shutil.which("chromedriver")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        CHROMIUM is None or DRIVER is None,
        reason="chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)",
    ),
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"
CHANNEL, COORD = "C-VANN", "U_COORD"
LABEL = "Ana Silva (via link for Escola Azul)"


def _chat(data_dir: Path, lines: list[str], **extra: str) -> str:
    """One ``rapportlos chat`` process as the coordinator; returns what it printed."""
    executable = shutil.which("rapportlos", path=str(Path(sys.executable).parent)) or "rapportlos"
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("RAPPORTLOS_", "SLACK_", "CONNECTIONS__"))
    }
    env.update({"RAPPORTLOS_DATA_DIR": str(data_dir), "HF_HUB_OFFLINE": "1", **extra})
    done = subprocess.run(
        [executable, "chat", "--user", COORD, "--channel", CHANNEL],
        input="\n".join(lines) + "\n",
        capture_output=True,
        text=True,
        env=env,
        timeout=400,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@pytest.fixture
def listening() -> Iterator[socket.socket]:
    """A socket on 127.0.0.1 and a port the system chose, for uvicorn to serve on."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    yield sock
    sock.close()


def _serve(data_dir: Path, sock: socket.socket) -> tuple[uvicorn.Server, threading.Thread]:
    settings = Settings(_env_file=None, data_dir=data_dir)
    app = build_web_app(settings, open_database(settings))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:  # wait on the condition, not a fixed time
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    return server, thread


def _browser(profile: Path):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-dev-shm-usage",
        f"--user-data-dir={profile}", "--window-size=412,1600", "--lang=en-GB",
    ):  # fmt: skip
        options.add_argument(flag)
    return webdriver.Chrome(service=Service(executable_path=str(DRIVER)), options=options)


def test_a_partner_ticks_both_steps_in_a_browser_and_the_terminal_chat_shows_them(
    tmp_path: Path, listening: socket.socket
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait

    data_dir = tmp_path / "data"
    base = f"http://127.0.0.1:{listening.getsockname()[1]}"
    made = _chat(
        data_dir,
        [
            "project add 2023-1-NO01-KA210-SCH-000123456 31.08.2025 Vann",
            "partner add Escola Azul, PT",
            "partner add Gymnasium Grün, DE",
            "start final-report",
            "partner link Escola Azul",
        ],
        RAPPORTLOS_PUBLIC_URL=base,
    )
    link = re.search(rf"{re.escape(base)}/p/[A-Za-z0-9_-]{{43}}", made)
    assert link is not None, made[-1500:]

    server, thread = _serve(data_dir, listening)
    browser = _browser(tmp_path / "chromium-profile")
    wait = WebDriverWait(browser, 30)
    try:
        browser.get(link.group(0))
        assert "Gymnasium" not in browser.page_source  # nothing of the other partner
        browser.find_element(By.CSS_SELECTOR, "#step-partner-use-of-funds button.tick").click()
        name = wait.until(expected_conditions.presence_of_element_located((By.ID, "name")))
        name.send_keys("Ana Silva")
        browser.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
        wait.until(
            expected_conditions.presence_of_element_located(
                (By.CSS_SELECTOR, "#step-partner-use-of-funds button.undo")
            )
        )
        browser.find_element(By.CSS_SELECTOR, "#step-partner-confirmation button.tick").click()
        wait.until(
            expected_conditions.presence_of_element_located(
                (By.CSS_SELECTOR, "#step-partner-confirmation button.undo")
            )
        )
        assert browser.page_source.count(f"Ticked by {LABEL}") == 2
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        assert browser.save_screenshot(str(ARTIFACTS / "partner-page.png"))
    finally:
        browser.quit()
        server.should_exit = True
        thread.join(timeout=30)

    status = _chat(data_dir, ["status"])
    ticked = [line for line in status.splitlines() if "[x] Escola Azul (PT)" in line and LABEL in line]
    assert len(ticked) == 2, status
    # The checklist no longer names the platform of each tick; the stored marks keep it.
    with sqlite3.connect(data_dir / "rapportlos.db") as db:
        platforms = [
            row[0] for row in db.execute("SELECT platform FROM step_marks WHERE partner_id IS NOT NULL")
        ]
    assert platforms and all(platform == "web" for platform in platforms)
