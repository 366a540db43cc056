"""The migrations create the tables of store/schema.py, on both dialects."""

from __future__ import annotations

from importlib import resources

from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
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
        assert MigrationContext.configure(connection).get_current_revision() == _head()
    engine.dispose()


def _head() -> str:
    """The newest migration shipped: a number, one more than the one before."""
    config = Config()
    with resources.as_file(resources.files("onrecord.store").joinpath("migrations")) as folder:
        config.set_main_option("script_location", str(folder))
        script = ScriptDirectory.from_config(config)
        revisions = [r.revision for r in script.walk_revisions()]
        head = script.get_current_head()
    assert head is not None and head == max(revisions) and len(revisions) == int(head) >= 3
    return head


def _is_search(difference: object) -> bool:
    text = repr(difference)
    return "_fts" in text or "search" in text
