"""Alembic's environment: the store hands it an open connection (``store.engine.migrate``).

Migrations run programmatically only, on the connection in
``config.attributes["connection"]``, so there is no ``alembic.ini`` and no URL here.
"""

from __future__ import annotations

from alembic import context

from onrecord.store.schema import metadata

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",  # SQLite alters by table copy
)
with context.begin_transaction():
    context.run_migrations()
