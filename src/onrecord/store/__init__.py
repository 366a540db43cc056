"""The store: the record kept in a database (SQLite by default, PostgreSQL by URL).

The only package that imports SQLAlchemy, Alembic or a database driver. Everything
above it uses the :class:`Store` protocol; :func:`open_store` gives the one
implementation, over SQLAlchemy Core, for either dialect (docs/store.md)::

    store = open_store("onrecord.db")            # or "postgresql://user@host/db"
    run = store.start_run("ingest", ["news/"], settings.digest())
    store.add_analysis(analysis, address, run)   # one transaction per article
"""

from onrecord.store.protocol import (
    ActorRecord,
    Added,
    FormKey,
    Mention,
    QuoteCluster,
    QuoteContent,
    RunRecord,
    SearchHit,
    Store,
    StoredIssue,
    StoredSignature,
    SyndicationGroup,
)
from onrecord.store.read_records import (
    ActorName,
    ExportColumn,
    QuoteFilter,
    SourceCount,
    StoredActor,
    StoredCluster,
    StoredPosition,
    StoredQuote,
)
from onrecord.store.sql import SqlStore, open_store

__all__ = [
    "ActorName",
    "ActorRecord",
    "Added",
    "ExportColumn",
    "FormKey",
    "Mention",
    "QuoteCluster",
    "QuoteContent",
    "QuoteFilter",
    "RunRecord",
    "SearchHit",
    "SourceCount",
    "Store",
    "StoredActor",
    "StoredCluster",
    "StoredIssue",
    "StoredPosition",
    "StoredQuote",
    "StoredSignature",
    "SqlStore",
    "SyndicationGroup",
    "open_store",
]
