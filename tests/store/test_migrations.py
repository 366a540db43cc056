"""The migrations create the tables of store/schema.py, on both dialects."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from onrecord.store.engine import database_url, make_engine, migrate
from onrecord.store.schema import metadata


def test_migrated_database_matches_the_schema(db_url: str) -> None:
    engine = make_engine(database_url(db_url))
    migrate(engine)
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), metadata)
        tables = set(inspect(connection).get_table_names())
    engine.dispose()
    # The full-text search of each dialect is not in the metadata: the migration's own.
    searched = [d for d in differences if not _is_search(d)]
    assert searched == []
    assert set(metadata.tables) <= tables


def test_migrating_twice_changes_nothing(db_url: str) -> None:
    engine = make_engine(database_url(db_url))
    migrate(engine)
    migrate(engine)
    with engine.connect() as connection:
        assert MigrationContext.configure(connection).get_current_revision() == "0004"
    engine.dispose()


def _is_search(difference: object) -> bool:
    text = repr(difference)
    return "_fts" in text or "search" in text
