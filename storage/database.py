"""Connecting to the database: an engine and a session factory, with the schema migrated to head."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

from storage.migrate import upgrade_to_head
from workflows.errors import StorageUnavailable

SQLITE_BUSY_SECONDS = 30


@dataclass(frozen=True)
class Database:
    """An open database: the engine and a factory of sessions on it."""

    engine: Engine
    sessions: sessionmaker[Session]

    def close(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()


def create_database(url: str, *, migrate: bool = True) -> Database:
    """Connect to ``url`` (``sqlite:///…`` or ``postgresql+psycopg://…``) and migrate it to head.

    A SQLite file and its folder are created on first use.

    Raises:
        StorageUnavailable: when the database cannot be reached or migrated.
    """
    engine = _engine(url)
    if migrate:
        try:
            upgrade_to_head(engine)
        except DBAPIError as error:
            engine.dispose()
            raise StorageUnavailable(str(error.orig)) from error
    return Database(engine=engine, sessions=sessionmaker(engine, expire_on_commit=False))


def _engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    options: dict[str, Any] = {"connect_args": {"timeout": SQLITE_BUSY_SECONDS}}
    if parsed.database in (None, "", ":memory:"):
        options = {"connect_args": {"check_same_thread": False}, "poolclass": StaticPool}
    else:
        Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, **options)
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    # Write-ahead logging: readers never wait for a writer, and a commit is one append, synced at
    # checkpoints; a killed process loses no committed transaction (only a power cut may lose the last few).
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()
