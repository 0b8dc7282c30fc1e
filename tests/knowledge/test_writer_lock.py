"""One writer at a time for an embedded index (real lock files, a second real process)."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from knowledge.writer_lock import LOCK_NAME, IndexBusyError, writer_lock

HOLD = """
import sys, time
from pathlib import Path
from knowledge.writer_lock import writer_lock
with writer_lock(Path(sys.argv[1])):
    print("held", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def _holder(folder: Path, seconds: float) -> subprocess.Popen[str]:
    process = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(folder), str(seconds)], stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None and process.stdout.readline().strip() == "held"
    return process


def test_a_second_writer_waits_for_the_first(tmp_path: Path) -> None:
    holder = _holder(tmp_path, 1.0)
    start = time.monotonic()
    with writer_lock(tmp_path, wait=30):
        waited = time.monotonic() - start
    holder.wait(timeout=30)

    assert waited > 0.5  # it held off until the other process let go
    assert (tmp_path / LOCK_NAME).exists()


def test_a_writer_that_waits_too_long_gets_a_clear_error(tmp_path: Path) -> None:
    holder = _holder(tmp_path, 5.0)
    try:
        with pytest.raises(IndexBusyError, match="another ingest"), writer_lock(tmp_path, wait=0.3):
            pass
    finally:
        holder.kill()
        holder.wait(timeout=30)


def test_a_crashed_writer_leaves_nothing_to_clean_up(tmp_path: Path) -> None:
    holder = _holder(tmp_path, 60.0)
    holder.kill()
    holder.wait(timeout=30)

    with writer_lock(tmp_path, wait=1.0):  # the lock went with the process
        pass


def test_a_chroma_server_has_no_folder_to_lock() -> None:
    with writer_lock(None, wait=0.0):
        pass
