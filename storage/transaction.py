"""One transaction on a database, with database failures turned into the domain's errors (shared by the stores)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session

from storage.database import Database
from workflows.errors import ConcurrentChange, StorageUnavailable

KEEP = (
    object()
)  # ``conflict=KEEP``: let IntegrityError through, for callers that handle a taken key themselves


@contextmanager
def transaction(database: Database, *, conflict: Exception | object | None = None) -> Iterator[Session]:
    """A session committed at the end and rolled back on any error; nothing half-written survives.

    Args:
        database: Where to open the session.
        conflict: What a unique-key clash (IntegrityError) becomes: the given domain error, ``ConcurrentChange``
            when None, or the IntegrityError itself with ``KEEP``.

    Raises:
        StorageUnavailable: the database is unreachable or broke the connection.
    """
    session = database.sessions()
    try:
        yield session
        session.commit()
    except IntegrityError as error:
        session.rollback()
        if conflict is KEEP:
            raise
        raise (conflict if isinstance(conflict, Exception) else ConcurrentChange(str(error.orig))) from error
    except DBAPIError as error:  # OperationalError, InterfaceError …: unreachable or broken database
        session.rollback()
        raise StorageUnavailable(str(error.orig)) from error
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
