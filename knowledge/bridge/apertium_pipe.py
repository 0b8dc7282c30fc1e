"""One Apertium program kept running, fed one text at a time (its null-flush mode).

Starting an Apertium program loads its compiled dictionary, which takes tens of milliseconds; a question
cannot wait for that, while the analysis of a question's words itself takes under a millisecond. The program
is started on first use with ``-z`` (it answers each text ended by a null character as soon as it has read it)
and kept. A program that fails or hangs is stopped (each time logged) and its callers get None; it is started
again on the next call, at most ``_RESTARTS`` times in all, after which the pipe stays off.
"""

from __future__ import annotations

import contextlib
import logging
import os
import select
import subprocess
import threading
import time

log = logging.getLogger(__name__)

_TIMEOUT = 2.0  # seconds for one text
_RESTARTS = 3
# Characters with a meaning in Apertium's stream format; a question's words need none of them.
_RESERVED = str.maketrans({char: " " for char in "\\^$/<>@[]{}*#+~\0"})
_NULL = str.maketrans({"\0": " "})


class ApertiumPipe:
    """A long-running Apertium program.

    Args:
        argv: The program and its arguments (``-z`` is added).
        stream: Whether the input is already in Apertium's stream format (``^lemma<n>$``); plain text has
            the format's reserved characters blanked.
    """

    def __init__(self, argv: list[str], *, stream: bool = False) -> None:
        self._argv = [argv[0], "-z", *argv[1:]]
        self._table = _NULL if stream else _RESERVED
        self._process: subprocess.Popen[bytes] | None = None
        self._starts = 0
        self._lock = threading.Lock()  # one text at a time: the answers come back in order

    def run(self, text: str) -> str | None:
        """The program's output for ``text`` (reserved characters blanked), or None when it failed."""
        with self._lock:
            process = self._running()
            if process is None or process.stdin is None or process.stdout is None:
                return None
            try:
                # A unit is answered once the character after it is read: a line end follows the text.
                process.stdin.write(text.translate(self._table).encode() + b"\n\0")
                process.stdin.flush()
                return self._read(process.stdout.fileno())
            except (OSError, TimeoutError, EOFError) as error:
                log.warning("%s failed (%s): stopped", self._argv[0], error)
                self._stop()
                return None

    def close(self) -> None:
        """Stop the program (it is started again on the next call)."""
        with self._lock:
            self._stop()

    def _running(self) -> subprocess.Popen[bytes] | None:
        if self._process is not None and self._process.poll() is None:
            return self._process
        self._stop()  # a program that ended by itself: its pipes are closed before another starts
        if self._starts >= _RESTARTS:
            return None
        self._starts += 1
        try:
            self._process = subprocess.Popen(
                self._argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
            )
        except OSError as error:
            log.warning("%s could not start (%s)", self._argv[0], error)
            self._starts = _RESTARTS
            return None
        return self._process

    @staticmethod
    def _read(fd: int) -> str:
        data = b""
        deadline = time.monotonic() + _TIMEOUT
        while b"\0" not in data:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not select.select([fd], [], [], remaining)[0]:
                raise TimeoutError("no answer in time")
            chunk = os.read(fd, 65_536)
            if not chunk:
                raise EOFError("the program ended")
            data += chunk
        return data.split(b"\0", 1)[0].decode(errors="replace")

    def _stop(self) -> None:
        if self._process is not None:
            self._process.kill()
            self._process.wait()
            for stream in (self._process.stdin, self._process.stdout):
                if stream is not None:
                    with contextlib.suppress(OSError):  # text left unflushed to a program that has ended
                        stream.close()
            self._process = None
