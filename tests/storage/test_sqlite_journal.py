"""A SQLite file is written ahead (WAL): a reader in another process never waits for a writer's commit."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import text

from storage import create_database


def test_a_sqlite_file_is_opened_in_write_ahead_mode_and_a_reader_sees_only_commits(tmp_path: Path) -> None:
    path = tmp_path / "rapportlos.db"
    database = create_database(f"sqlite:///{path}")
    with database.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA synchronous")).scalar() == 1  # NORMAL
    with database.engine.begin() as connection:
        connection.execute(text("CREATE TABLE pending (n INTEGER)"))
    writer = database.engine.connect()
    transaction = writer.begin()
    writer.execute(text("INSERT INTO pending VALUES (1)"))
    # Another connection (as another process would) reads at once, without the uncommitted row.
    reader = sqlite3.connect(path, timeout=0.1)
    assert reader.execute("SELECT n FROM pending").fetchall() == []
    transaction.commit()
    assert reader.execute("SELECT n FROM pending").fetchall() == [(1,)]
    reader.close()
    writer.close()
    database.close()
