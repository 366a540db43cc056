"""The same data gives the same answers on SQLite and PostgreSQL: every read of the
corpus, what the query layer makes of them, and the exported files, compared whole."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import psycopg
import pytest

from onrecord.query import (
    NETWORK_FORMATS,
    actor_profile,
    export_tables,
    find_quotes,
    quote_provenance,
    quote_to_dict,
    source_shares,
    stored_entries,
    track_from_store,
    write_network,
)
from onrecord.store import QuoteFilter, Store
from onrecord.store.read_records import EXPORT_TABLES
from stored_corpus import ISSUE, filled, quote_row

FILTERS = (
    QuoteFilter(),
    QuoteFilter(about="strikes"),
    QuoteFilter(about="russia allow"),
    QuoteFilter(speaker_ids=("government-of-germany", "jens-stoltenberg")),
    QuoteFilter(since=date(2024, 5, 30), until=date(2024, 5, 31), anonymous=True),
    QuoteFilter(outlets=("Reuters",), kind="indirect"),
)


def answers(store: Store) -> dict[str, Any]:
    """Everything the read side can be asked of the corpus, as plain data."""
    plain = dataclasses.asdict
    cluster = store.quote_cluster(quote_row(store, "reuters", "a1"))
    return {
        "quotes": [[plain(q) for q in store.quotes(where)] for where in FILTERS],
        "outlets": store.outlets(),
        "actor_names": [plain(a) for a in store.actor_names()],
        "stored_actors": [plain(a) for a in store.stored_actors()],
        "positions": [
            {**plain(p), "position": p.position.to_dict()} for p in store.stored_positions(ISSUE)
        ],
        "cluster": plain(cluster) if cluster else None,
        "source_counts": [plain(c) for c in store.source_counts()],
        "exports": {table: list(store.export_rows(table)) for table in EXPORT_TABLES},
    }


@pytest.fixture(scope="module")
def both(
    postgres_server: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Store, Store]]:
    """The corpus in an SQLite file and in a PostgreSQL database."""
    with psycopg.connect(postgres_server, autocommit=True) as connection:
        connection.execute('CREATE DATABASE "same_answers"')
    url = postgres_server.rsplit("/", 1)[0] + "/same_answers"
    path = tmp_path_factory.mktemp("dialects") / "corpus.db"
    with filled(str(path)) as sqlite, filled(url) as postgresql:
        assert sqlite.dialect == "sqlite" and postgresql.dialect == "postgresql"
        yield sqlite, postgresql


def test_the_store_reads_the_same_on_both(both: tuple[Store, Store]) -> None:
    left, right = (answers(store) for store in both)
    for key in left:
        assert left[key] == right[key], key
    assert left["quotes"][1], "the full-text search found nothing to compare"


def test_the_queries_answer_the_same_on_both(both: tuple[Store, Store]) -> None:
    left, right = (query_answers(store) for store in both)
    for key in left:
        assert left[key] == right[key], key


def test_the_exports_are_the_same_files_on_both(both: tuple[Store, Store], tmp_path: Path) -> None:
    for fmt in ("jsonl", "csv", "gexf", "graphml"):
        files = []
        for store in both:
            out = tmp_path / store.dialect / fmt
            if fmt in NETWORK_FORMATS:
                files.append([write_network(store, out, fmt).path.read_bytes()])
            else:
                files.append([item.path.read_bytes() for item in export_tables(store, out, fmt)])
        assert files[0] == files[1], fmt


def query_answers(store: Store) -> dict[str, Any]:
    """What the query layer makes of the store's reads, as plain data."""
    return {
        "quotes": [
            quote_to_dict(q)
            for q in find_quotes(store, about="allow", speaker="anonymous U.S. official")
        ],
        "actors": [entry.to_dict() for entry in stored_entries(store)],
        "profile": actor_profile(store, "Stoltenberg").to_dict(),
        "tracker": [t.to_dict() for t in track_from_store(store, ISSUE).positions],
        "as_of": [t.to_dict() for t in track_from_store(store, ISSUE, date(2024, 5, 30)).positions],
        "provenance": quote_provenance(store, quote_row(store, "reuters", "a1")).to_dict(),
        "sources": [share.to_dict() for share in source_shares(store)],
    }
