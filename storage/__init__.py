"""The only package that talks to SQL: the database, its migrations and the stores built on it."""

from storage.database import Database, create_database
from storage.workflow_store import SqlWorkflowStore

__all__ = ["Database", "SqlWorkflowStore", "create_database"]
