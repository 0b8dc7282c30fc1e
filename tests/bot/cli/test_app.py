"""The `rapportlos` command line through Typer's runner, on a fresh data folder (real model and Chroma)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bot.cli.app import app


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cli-data")


@pytest.fixture
def runner(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("RAPPORTLOS_DATA_DIR", str(data_dir))
    monkeypatch.delenv("RAPPORTLOS_DATABASE_URL", raising=False)
    monkeypatch.delenv("RAPPORTLOS_CHROMA_URL", raising=False)
    return CliRunner()


def test_ask_json_has_the_documented_shape_with_sources_best_first(runner: CliRunner) -> None:
    result = runner.invoke(app, ["ask", "--json", "What is the deadline for the final report?"])

    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout.strip().splitlines()[-1])
    assert {"question", "answer", "language", "abstained", "sources"} <= payload.keys()
    assert payload["language"] == "en" and payload["abstained"] is False
    assert "60" in payload["answer"]
    scores = [source["score"] for source in payload["sources"]]
    assert scores == sorted(scores, reverse=True)
    first = payload["sources"][0]
    assert {"title", "url", "section", "text", "score"} <= first.keys()
    assert first["url"] == "https://erasmuspluss.no/skoleutvekslingspartnerskap"
    assert "original_text" in first  # an English rendering carries its Norwegian original


def test_ask_reads_one_question_per_line_and_answers_each_on_one_line(runner: CliRunner) -> None:
    questions = (
        "Hvem sender inn sluttrapporten?\n\nHow much is the travel grant for a teacher going to Spain?\n"
    )

    result = runner.invoke(app, ["ask", "--json"], input=questions)

    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.strip().splitlines() if line.startswith("{")]
    assert len(lines) == 3
    assert lines[0]["language"] == "nb" and not lines[0]["abstained"]
    assert lines[1]["abstained"]  # the blank line gets its own (empty-question) answer
    assert lines[2]["abstained"] and "erasmuspluss@hkdir.no" in lines[2]["answer"]


def test_ingest_adds_then_prune_drops_a_page_and_it_is_never_cited_again(
    runner: CliRunner, tmp_path: Path
) -> None:
    page = tmp_path / "reisestotte.md"
    page.write_text(
        "---\ntitle: Reisestøtte\nlanguage: nb\n---\n\n# Reisestøtte\n\n"
        "## Satser\n\nReisestøtten for lærere til Spania er 275 euro per deltaker.\n",
        encoding="utf-8",
    )
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"not a pdf")

    added = runner.invoke(app, ["ingest", str(tmp_path)])
    asked = runner.invoke(app, ["ask", "--json", "Hvor mye er reisestøtten for lærere til Spania?"])
    page.unlink()
    pruned = runner.invoke(app, ["ingest", "--prune", str(tmp_path)])
    again = runner.invoke(app, ["ask", "--json", "Hvor mye er reisestøtten for lærere til Spania?"])

    assert added.exit_code == 0, added.output
    assert "added:" in added.stdout and "broken.pdf" in added.output
    assert "275 euro" in json.loads(asked.stdout.strip().splitlines()[-1])["answer"]
    assert "removed:" in pruned.stdout
    after = json.loads(again.stdout.strip().splitlines()[-1])
    assert "275 euro" not in after["answer"]
    assert all(source["title"] != "Reisestøtte" for source in after["sources"])


def test_eval_scores_a_question_file(runner: CliRunner, tmp_path: Path) -> None:
    questions = tmp_path / "q.jsonl"
    rows = [
        {
            "id": "a",
            "lang": "nb",
            "question": "Kan vi flytte penger mellom budsjettpostene?",
            "evidence": "Det er mulig å flytte midler mellom budsjettposter.",
            "answer_keywords": ["mulig"],
            "answerable": True,
        },
        {"id": "b", "lang": "en", "question": "Do pupils need travel insurance?", "answerable": False},
    ]
    questions.write_text("\n".join(json.dumps(row) for row in rows), encoding="utf-8")

    result = runner.invoke(app, ["eval", str(questions), "--json"])

    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout.strip().splitlines()[-1])["summary"]["all"]
    assert summary["hit@3"] == 1.0 and summary["keyword_accuracy"] == 1.0
    assert summary["abstention"] == 1.0
    assert (
        json.loads(result.stdout.strip().splitlines()[-1])["summary"]["en"]["hit@3"] is None
    )  # no answerable English


def test_ask_without_words_gets_a_clear_message(runner: CliRunner) -> None:
    result = runner.invoke(app, ["ask", "🙂🎉"])

    assert result.exit_code == 0
    assert "words" in result.stdout or "ord" in result.stdout
