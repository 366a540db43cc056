"""Opening a database: the URL, the engine for its dialect, and the migrations.

A plain path (``onrecord.db``) or ``sqlite:///path`` is an SQLite file; a
``postgresql://`` URL is a PostgreSQL server, reached with psycopg 3. Opening runs the
Alembic migrations up to the newest, so a store is always of the schema this code
writes.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.pool import ConnectionPoolEntry

from onrecord.errors import ConfigError, StoreError

__all__ = ["WRITE", "database_url", "make_engine", "migrate", "shown_url"]

# The execution option that makes an SQLite transaction take the write lock at once
# (BEGIN IMMEDIATE): a writer that read first and locked later could find another
# writer in its way and fail instead of waiting.
WRITE = "onrecord_write"
# How long an SQLite writer waits for another to finish, in seconds.
SQLITE_BUSY_TIMEOUT = 60


def database_url(db: str) -> str:
    """The SQLAlchemy URL for a ``db`` setting: a path, ``sqlite:///…`` or ``postgresql://…``."""
    if "://" not in db:
        if not db.strip():
            raise ConfigError("setting 'db': is empty; give a file path or a postgresql:// URL")
        return f"sqlite:///{Path(db).expanduser()}"
    scheme = db.partition("://")[0]
    if scheme in ("postgresql", "postgres", "postgresql+psycopg"):
        return "postgresql+psycopg://" + db.partition("://")[2]
    if scheme == "sqlite":
        return db
    raise ConfigError(
        f"setting 'db': {shown_url(db)!r} is neither a file path, sqlite:/// nor postgresql://"
    )


def shown_url(url: str) -> str:
    """``url`` without its password, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def make_engine(url: str) -> Engine:
    """An engine for ``url`` (from :func:`database_url`), set up for its dialect."""
    if url.startswith("sqlite"):
        return _sqlite_engine(url)
    # No JIT compilation: the planner's estimate for positions --as-of (a subquery
    # estimated per row, run for a few) passes jit_above_cost, and compiling took 250 ms
    # of its 340 at 10,000 articles; onrecord's queries are short and run once.
    return create_engine(url, pool_pre_ping=True, connect_args={"options": "-c jit=off"})


def _sqlite_engine(url: str) -> Engine:
    path = make_url(url).database
    if path and path != ":memory:":
        folder = Path(path).parent
        if not folder.is_dir():
            raise StoreError(f"{path}: no folder {folder} to hold the database; create it first")
    engine = create_engine(url)
    event.listen(engine, "connect", _sqlite_connect)
    event.listen(engine, "begin", _sqlite_begin)
    return engine


def _sqlite_connect(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
    # The driver's own transaction handling is turned off (it would begin lazily, at the
    # first write): transactions begin where SQLAlchemy says, in _sqlite_begin.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    # WAL: readers (Datasette, a query) never wait for the one writer, nor it for them;
    # NORMAL sync is crash-safe in WAL mode (a power cut may lose the last commits only).
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT * 1000}")
    cursor.close()


def _sqlite_begin(connection: Connection) -> None:
    write = connection.get_execution_options().get(WRITE, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def migrate(engine: Engine) -> None:
    """Bring the database to the newest migration (creating it when empty), in one
    transaction that holds the write lock: two processes opening a new store at once
    migrate it once."""
    with resources.as_file(resources.files("onrecord.store").joinpath("migrations")) as folder:
        config = Config()
        config.set_main_option("script_location", str(folder))
        head = ScriptDirectory.from_config(config).get_current_head()
        try:
            with engine.connect() as connection:
                connection.execution_options(**{WRITE: True})
                with connection.begin():
                    if connection.dialect.name == "postgresql":
                        connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_PG_LOCK})")
                    if MigrationContext.configure(connection).get_current_revision() == head:
                        return
                    config.attributes["connection"] = connection
                    command.upgrade(config, "head")
        except OperationalError as exc:
            raise StoreError(f"{shown_url(str(engine.url))}: cannot open: {exc.orig}") from exc


# PostgreSQL's advisory lock key for migrating: any number, the same in every process.
_PG_LOCK = 7_142_025
