"""Running the shipped Alembic migrations programmatically; no alembic.ini is read from the working folder."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, text

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
_PG_LOCK_KEY = 7_263_115  # any constant; serialises start-up migrations of several bot processes


def alembic_config(connection: Connection) -> Config:
    """The Alembic configuration that an alembic.ini would hold, pointing at ``connection``."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def upgrade_to_head(engine: Engine) -> None:
    """Bring the database schema to the newest migration."""
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK_KEY})
        command.upgrade(alembic_config(connection), "head")
