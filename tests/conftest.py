"""Suite-wide set-up, kept light: a pure unit test starts without torch, Chroma or SQLAlchemy.

The database fixtures (SQLite and PostgreSQL, workflow services) are registered here but import SQLAlchemy only
when a test uses them; the embedding model and Chroma fixtures live in ``tests/knowledge/conftest.py``.
"""

pytest_plugins = ["tests.databases"]
