"""The shipped Alembic migrations create exactly the tables the ORM describes, on SQLite and PostgreSQL."""

import os

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from storage import create_database
from storage.migrate import MIGRATIONS_DIR
from storage.schema import Base

HEAD = ScriptDirectory(str(MIGRATIONS_DIR)).get_current_head()


def test_migrations_match_the_models(database):
    with database.engine.connect() as connection:
        context = MigrationContext.configure(connection)
        assert compare_metadata(context, Base.metadata) == []
        assert context.get_current_revision() == HEAD


def test_tables_and_the_unique_step_constraint_exist(database):
    inspector = inspect(database.engine)
    assert set(Base.metadata.tables) <= set(inspector.get_table_names())
    uniques = {u["name"]: u["column_names"] for u in inspector.get_unique_constraints("step_marks")}
    assert uniques["uq_step_marks_step"] == ["run_id", "step_id", "partner_key"]


def test_a_sqlite_file_and_its_folder_are_created_and_upgrading_again_is_harmless(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no alembic.ini is looked up in the working folder
    path = tmp_path / "new" / "folder" / "rapportlos.db"
    create_database(f"sqlite:///{path}").close()
    assert path.exists()
    again = create_database(f"sqlite:///{path}")
    with again.engine.connect() as connection:
        assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == HEAD
    again.close()
    assert not (tmp_path / "alembic.ini").exists() and os.listdir(tmp_path) == ["new"]
