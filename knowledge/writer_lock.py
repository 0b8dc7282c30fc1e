"""One writer at a time for an embedded index: a lock file beside Chroma's files.

Two processes ingesting into the same folder at once (the command-line ``ingest`` while the bot brings the
shipped pages up to date at start, or two ingests started by hand) would each create a generation and
activate it, the second without the first one's pages. The second writer waits for the first and then finds
its pages already there. The lock is the operating system's (``flock``): it goes with the process that held
it, so a crash leaves nothing to clean up. An index on a Chroma server has no folder here; its deployment
runs one ingest at a time.
"""

from __future__ import annotations

import fcntl
import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from knowledge.errors import KnowledgeError

log = logging.getLogger(__name__)

LOCK_NAME = ".rapportlos-writer.lock"
WAIT_SECONDS = 1800.0  # a full ingest of 1,000 pages takes about three minutes on two cores
_POLL_SECONDS = 0.2


class IndexBusyError(KnowledgeError):
    """Another process kept the index locked for longer than the wait allowed."""

    def __init__(self, folder: Path, waited: float) -> None:
        self.folder = folder
        super().__init__(
            f"another ingest has held {folder} for over {waited:.0f} s; try again when it is done"
        )


@contextmanager
def writer_lock(folder: Path | None, *, wait: float = WAIT_SECONDS) -> Iterator[None]:
    """Hold the index in ``folder`` for writing (nothing to hold for ``None``: a Chroma server)."""
    if folder is None:
        yield
        return
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / LOCK_NAME).open("a+") as handle:
        _acquire(handle.fileno(), folder, wait)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _acquire(fd: int, folder: Path, wait: float) -> None:
    deadline = time.monotonic() + wait
    told = False
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise IndexBusyError(folder, wait) from None
            if not told:
                log.warning("another process is writing the index in %s: waiting for it", folder)
                told = True
            time.sleep(_POLL_SECONDS)
