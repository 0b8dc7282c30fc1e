"""The pure tier: rendering, parsing, transitions, scoring, the engine with in-memory twins. No model, no Chroma,
no database: run alone (``pytest tests/unit``), a session that loaded one of them fails."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

HEAVY = ("torch", "sentence_transformers", "chromadb", "sqlalchemy")
_UNIT = Path(__file__).parent
_only_unit = pytest.StashKey[bool]()


def pytest_collection_finish(session: pytest.Session) -> None:
    session.stash[_only_unit] = bool(session.items) and all(
        _UNIT in Path(i.path).parents for i in session.items
    )


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    loaded = [name for name in HEAVY if name in sys.modules]
    if session.stash.get(_only_unit, False) and loaded:
        session.config.get_terminal_writer().line(f"the pure tier imported {', '.join(loaded)}", red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
