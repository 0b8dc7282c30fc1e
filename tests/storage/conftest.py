from tests.databases import (  # noqa: F401 - fixtures
    clock,
    database,
    make_workflow_service,
    postgres_database,
    postgres_session_database,
    postgres_url,
    sqlite_database,
    workflow_service,
)
