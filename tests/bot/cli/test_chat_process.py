"""End to end through real processes: `rapportlos chat` as three people, stopped and started again in between."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

CHANNEL = "C-VANN"
COORD, ANA, BEA = "U_COORD", "U_ANA", "U_BEA"


def _chat(data_dir: Path, user: str, lines: list[str]) -> str:
    """Run one `rapportlos chat` process as ``user`` and return what it printed."""
    executable = shutil.which("rapportlos", path=str(Path(sys.executable).parent)) or "rapportlos"
    env = {**os.environ, "RAPPORTLOS_DATA_DIR": str(data_dir), "RAPPORTLOS_DATABASE_URL": ""}
    env.pop("RAPPORTLOS_DATABASE_URL")
    done = subprocess.run(
        [executable, "chat", "--user", user, "--channel", CHANNEL],
        input="\n".join(lines) + "\n",
        capture_output=True,
        text=True,
        env=env,
        timeout=240,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@pytest.mark.slow
def test_a_final_report_walked_by_coordinator_and_two_partners_survives_process_restarts(
    tmp_path: Path,
) -> None:
    first = _chat(
        tmp_path,
        COORD,
        [
            "project add 2020-1-NO01-KA229-012345 31.08.2025 Vann",
            "partner add Escola X, PT",
            "partner add Gymnasium Y, DE",
            f"member add {ANA} partner Escola X",
            f"member add {BEA} partner Gymnasium Y",
            "start final-report",
            "done qualitative-content",
            "skip invoices",
            "Når er fristen for sluttrapporten?",
            "done ready-for-submission",
        ],
    )
    assert "60 dager" in first  # a question in the middle of the procedure is answered from the guidance

    # New processes on the same data folder: what the coordinator did is still there.
    _chat(tmp_path, ANA, ["done partner-use-of-funds", "done partner-confirmation"])
    status_midway = _chat(tmp_path, COORD, ["status"])
    assert "Gymnasium Y" in status_midway
    _chat(tmp_path, BEA, ["done partner-use-of-funds", "done partner-confirmation"])
    refused = _chat(tmp_path, ANA, ["done submit"])
    final = _chat(tmp_path, COORD, ["done submit", "status", "audit"])

    assert "submit" in refused.lower()
    assert "Alle stegene i «Sluttrapport i Mobility Tool+» er ferdige" in final or "Every step of" in final
    assert "0 av 7" in final or "0 of 7" in final  # status now shows the results upload it started
    for person in (COORD, ANA, BEA):
        assert person in final  # the audit trail names everyone who ticked


@pytest.mark.slow
def test_invalid_utf8_a_100_000_letter_word_and_a_url_for_a_name_get_clear_replies_in_the_terminal(
    tmp_path: Path,
) -> None:
    executable = shutil.which("rapportlos", path=str(Path(sys.executable).parent)) or "rapportlos"
    env = {k: v for k, v in os.environ.items() if k != "RAPPORTLOS_DATABASE_URL"}
    env["RAPPORTLOS_DATA_DIR"] = str(tmp_path)
    lines = [
        b"When is the final report due \xff\xfe in Mobility Tool?",  # not UTF-8
        b"a" * 100_000,
        b"project add 2020-1-NO01-KA229-012345 01.01.0001 Vann",
        b"project add 2020-1-NO01-KA229-012345 31.08.2025 www.evil.example",
        b"remind remove 99999999999999999999999",
        b"status",
    ]
    done = subprocess.run(
        [executable, "chat", "--user", COORD, "--channel", CHANNEL],
        input=b"\n".join(lines) + b"\n",
        capture_output=True,
        env=env,
        timeout=240,
        check=False,
    )
    out = done.stdout.decode()
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    assert "Mobility Tool+" in out and "Source" in out  # the question around the broken bytes is answered
    assert "100000" in out.replace(" ", "").replace(
        "\u00a0", ""
    )  # the long word: its length, politely refused
    assert "2000–2099" in out  # year 0001 is not read as 2001
    assert "www.evil.example" not in out and "www.\u2060evil.\u2060example" in out
    assert "ingen planlagt påminnelse" in out or "no planned reminder" in out
