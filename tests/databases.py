"""Database fixtures shared by the workflows, storage and bot tests: SQLite files and a PostgreSQL schema.

PostgreSQL comes from ``RAPPORTLOS_TEST_POSTGRES_URL`` (e.g. ``postgresql+psycopg://postgres@127.0.0.1:5432/test``).
Without it, or when the server does not answer, the PostgreSQL tests are skipped with one reason, unless
``RAPPORTLOS_REQUIRE_POSTGRES=1`` (CI), where that is a failure.
Each test session gets its own schema, dropped at the end, so parallel runs do not collide.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:  # SQLAlchemy is imported by the fixtures that use it: pure tests start without it
    from storage import Database
    from workflows.service import WorkflowService

POSTGRES_ENV = "RAPPORTLOS_TEST_POSTGRES_URL"
REQUIRE_ENV = "RAPPORTLOS_REQUIRE_POSTGRES"
TABLES = (
    "thread_questions",
    "person_languages",
    "partner_mail",
    "partner_contacts",
    "partner_links",
    "reminders",
    "reminder_settings",
    "conversations",
    "processed_events",
    "feedback",
    "answers",
    "posted_checklists",
    "audit_entries",
    "run_positions",
    "step_marks",
    "runs",
    "members",
    "partners",
    "projects",
)


class Clock:
    """A clock tests move by hand; returns aware UTC datetimes."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime(2025, 9, 1, 8, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A URL whose search_path is a fresh schema, migrated once per session."""
    base = os.environ.get(POSTGRES_ENV)
    required = os.environ.get(REQUIRE_ENV) == "1"  # CI: a missing server is a failure, not a skip
    if not base:
        if required:
            pytest.fail(f"{REQUIRE_ENV}=1 but {POSTGRES_ENV} is not set")
        pytest.skip(f"{POSTGRES_ENV} is not set; PostgreSQL tests need a server (CI sets it)")
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import OperationalError

    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    except OperationalError as error:
        admin.dispose()
        if required:
            raise
        pytest.skip(
            f"PostgreSQL at {make_url(base).render_as_string()} does not answer ({type(error).__name__})"
        )
    url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(scope="session")
def postgres_session_database(postgres_url: str) -> Iterator[Database]:
    from storage import create_database

    database = create_database(postgres_url)
    yield database
    database.close()


@pytest.fixture
def postgres_database(postgres_session_database: Database) -> Database:
    """The session's PostgreSQL database, emptied for this test."""
    from sqlalchemy import text

    with postgres_session_database.engine.begin() as connection:
        connection.execute(text(f"TRUNCATE {', '.join(TABLES)} RESTART IDENTITY CASCADE"))
    return postgres_session_database


@pytest.fixture
def sqlite_database(tmp_path: Path) -> Iterator[Database]:
    from storage import create_database

    database = create_database(f"sqlite:///{tmp_path / 'data' / 'rapportlos.db'}")
    yield database
    database.close()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database(request: pytest.FixtureRequest) -> Database:
    """Each component test runs on SQLite and on PostgreSQL."""
    return request.getfixturevalue(f"{request.param}_database")


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def make_workflow_service(database: Database, clock: Clock) -> Callable[[], WorkflowService]:
    """Builds a fresh service (as after a restart) on the test's database."""
    from storage import SqlWorkflowStore
    from workflows.definitions import load_procedures
    from workflows.service import WorkflowService

    def build() -> WorkflowService:
        return WorkflowService(
            store=SqlWorkflowStore(database=database), procedures=load_procedures(), clock=clock
        )

    return build


@pytest.fixture
def workflow_service(make_workflow_service: Callable[[], WorkflowService]) -> WorkflowService:
    return make_workflow_service()
