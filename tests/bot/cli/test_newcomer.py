"""A newcomer's first hour (issue 12, point 10): missing eval files are explained, the chat says how to leave."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from bench.run import main as bench_main
from bot.cli.app import app


def test_eval_without_the_shared_questions_says_what_is_missing(tmp_path: Path) -> None:
    missing = tmp_path / "shared" / "eval" / "dev_questions.jsonl"
    result = CliRunner().invoke(app, ["eval", str(missing)])
    assert result.exit_code == 2
    assert f"No question file at {missing}" in result.output
    assert "rapportlos eval path/to/questions.jsonl" in result.output


def test_bench_without_the_shared_questions_says_how_to_pass_a_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert bench_main(["--eval", str(tmp_path / "none")]) == 2
    err = capsys.readouterr().err
    assert "No question file" in err and "make bench EVAL=" in err


def test_the_readme_says_reminders_need_slack_or_teams_and_how_to_leave_the_chat() -> None:
    readme = (Path(__file__).resolve().parents[3] / "README.md").read_text(encoding="utf-8")
    assert "Reminders are posted only through Slack or Teams" in readme
    assert "/quit" in readme and "RAPPORTLOS_REQUIRE_POSTGRES" in readme
