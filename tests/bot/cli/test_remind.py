"""`rapportlos remind tick` as real processes against the Slack Web API stand-in (PostgreSQL and SQLite)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from storage import SqlWorkflowStore, create_database
from tests.stand_ins.slack_web_api import SlackWebApi
from workflows.definitions import load_procedures
from workflows.models import Role
from workflows.service import WorkflowService

pytestmark = pytest.mark.slow
EXECUTABLE = shutil.which("rapportlos", path=str(Path(sys.executable).parent)) or "rapportlos"
PLANNED_AT = "2025-08-01T12:00:00+00:00"
PROJECT_END = "2025-08-29T07:00:00+00:00"  # 09:00 in Oslo on the end date


def _env(*, url: str, slack: SlackWebApi, data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("RAPPORTLOS_", "SLACK_"))}
    env.update(
        RAPPORTLOS_DATABASE_URL=url,
        RAPPORTLOS_DATA_DIR=str(data_dir),
        SLACK_API_URL=slack.url,
        SLACK_BOT_TOKEN="xoxb-test",
    )
    return env


def _projects(url: str, count: int) -> None:
    database = create_database(url)
    service = WorkflowService(store=SqlWorkflowStore(database=database), procedures=load_procedures())
    from datetime import date

    for i in range(count):
        channel = f"C{i}"
        service.add_project(
            channel_id=channel, user_id="UCOORD", number=f"2020-1-NO01-KA229-0123{i:02d}",
            end_date=date(2025, 8, 29), name=f"Prosjekt {i}",
        )  # fmt: skip
        service.add_partner(channel_id=channel, user_id="UCOORD", name="Escola X", country="PT")
        service.add_member(
            channel_id=channel,
            user_id="UCOORD",
            member_id=f"UANA{i}",
            role=Role.PARTNER,
            partner_name="Escola X",
        )
    database.close()


def _tick(env: dict[str, str], now: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [EXECUTABLE, "remind", "tick", "--now", now],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _finish(process: subprocess.Popen[str]) -> str:
    out, err = process.communicate(timeout=120)
    assert process.returncode == 0, err
    return out


@pytest.mark.postgres
def test_two_processes_ticking_at_once_post_each_reminder_exactly_once(
    postgres_database, postgres_url, tmp_path
):
    _projects(postgres_url, 5)
    with SlackWebApi() as slack:
        env = _env(url=postgres_url, slack=slack, data_dir=tmp_path)
        _finish(_tick(env, PLANNED_AT))  # plans every project; nothing due yet
        processes = [_tick(env, PROJECT_END) for _ in range(2)]
        outputs = [_finish(p) for p in processes]
        again = _finish(_tick(env, PROJECT_END))

        posts = slack.calls_to("chat.postMessage")
    assert sorted(c.params["channel"] for c in posts) == [f"C{i}" for i in range(5)]
    assert sum(int(out.split()[1].rstrip(",")) for out in outputs) == 5
    assert again.startswith("sent 0,")
    assert all(c.params["text"].startswith("<@UCOORD> Prosjektet") for c in posts)


def test_tick_on_sqlite_with_now_and_a_bad_now(tmp_path):
    url = f"sqlite:///{tmp_path / 'data' / 'rapportlos.db'}"
    _projects(url, 1)
    with SlackWebApi() as slack:
        env = _env(url=url, slack=slack, data_dir=tmp_path / "data")
        _finish(_tick(env, PLANNED_AT))
        early = _finish(_tick(env, "2025-08-29T06:59:00Z"))
        due = _finish(_tick(env, "2025-08-29T09:00:00+02:00"))
        bad = _tick(env, "next tuesday")
        bad.communicate(timeout=60)
        assert early.startswith("sent 0,") and due.startswith("sent 1,")
        assert bad.returncode != 0
        assert len(slack.calls_to("chat.postMessage")) == 1


def test_tick_does_not_load_the_embedding_model_or_chroma(tmp_path):
    code = (
        "import sys; from typer.testing import CliRunner; from bot.cli.app import app;"
        "r = CliRunner().invoke(app, ['remind', 'tick', '--now', '2025-08-01T12:00:00Z']);"
        "print(r.exit_code, [m for m in ('torch', 'chromadb', 'sentence_transformers') if m in sys.modules])"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("RAPPORTLOS_", "SLACK_"))}
    env["RAPPORTLOS_DATA_DIR"] = str(tmp_path)
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.stdout.strip() == "0 []", result.stderr
