"""An Apertium program kept running between texts (real programs: ``cat``-like stand-ins and lt-proc)."""

from __future__ import annotations

import pytest

from knowledge.bridge.apertium_pipe import ApertiumPipe
from knowledge.bridge.lemmas import APERTIUM_FOLDER

_ANALYSER = APERTIUM_FOLDER / "nob-dan.automorf.bin"


@pytest.mark.skipif(not _ANALYSER.is_file(), reason="apertium-dan-nor is not installed")
def test_texts_are_answered_one_by_one_by_the_same_process() -> None:
    pipe = ApertiumPipe(["lt-proc", "-e", "-w", str(_ANALYSER)])
    try:
        first = pipe.run("endringene")
        second = pipe.run("prosjektet <b>$^/@")  # the stream format's characters are blanked, not sent

        assert first is not None and "^endringene/endring<n>" in first
        assert second is not None and "^prosjektet/prosjekt<n>" in second and "<b>" not in second
    finally:
        pipe.close()


def test_a_program_that_cannot_start_gives_none() -> None:
    pipe = ApertiumPipe(["/nonexistent/lt-proc", "-w"])

    assert pipe.run("endringene") is None
    assert pipe.run("endringene") is None  # and is not started again


def test_a_program_that_ends_gives_none_and_is_started_again() -> None:
    pipe = ApertiumPipe(["sleep", "30"])  # "sleep -z 30" ends at once with an error

    assert pipe.run("endringene") is None
    assert pipe.run("endringene") is None  # started again, ends again: callers never hang
    pipe.close()


def test_a_program_that_never_answers_is_stopped_after_the_timeout() -> None:
    pipe = ApertiumPipe(["tail", "-f", "/dev/null"])  # reads nothing, answers nothing, never ends

    assert pipe.run("endringene") is None
