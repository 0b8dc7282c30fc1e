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
