"""Alembic environment: migrates the connection that ``storage.migrate`` passes in."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

from storage.schema import Base


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


def _url() -> str:
    url = context.get_x_argument(as_dictionary=True).get("url") or context.config.get_main_option(
        "sqlalchemy.url"
    )
    if not url:
        raise RuntimeError("pass the database URL: alembic -x url=sqlite:///data/rapportlos.db upgrade head")
    return url


_given = context.config.attributes.get("connection")
if _given is not None:
    _run(_given)
else:  # the alembic command line
    with create_engine(_url()).begin() as _own:
        _run(_own)
