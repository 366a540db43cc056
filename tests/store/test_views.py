"""The views of migration 0002, for Datasette and SQL readers: the same rows on SQLite
and PostgreSQL, and the SQLite file served by the real Datasette."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path
from typing import Any

import psycopg
from datasette.app import Datasette

from stored_corpus import ISSUE, filled

VIEWS = {
    "quotes": "id",
    "tracker": "position_id",
    "quote_provenance": "quote_id",
    "sources_by_outlet": "outlet",
}


def _plain(value: Any) -> Any:
    # SQLite gives days as their ISO text and truth as 0/1: compare in those terms.
    return value.isoformat() if hasattr(value, "isoformat") else value


def _sqlite_rows(path: Path, view: str, key: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(path) as connection:
        rows = connection.execute(f"SELECT * FROM {view} ORDER BY {key}").fetchall()
    return [tuple(map(_plain, row)) for row in rows]


def _postgres_rows(url: str, view: str, key: str) -> list[tuple[Any, ...]]:
    with psycopg.connect(url) as connection:
        rows = connection.execute(f"SELECT * FROM {view} ORDER BY {key} NULLS FIRST").fetchall()
    return [tuple(map(_plain, row)) for row in rows]


def test_the_views_give_the_same_rows_on_both_dialects(
    postgres_server: str, tmp_path: Path
) -> None:
    with psycopg.connect(postgres_server, autocommit=True) as connection:
        connection.execute('CREATE DATABASE "views"')
    url = postgres_server.rsplit("/", 1)[0] + "/views"
    path = tmp_path / "corpus.db"
    with filled(str(path)), filled(url):
        for view, key in VIEWS.items():
            left, right = _sqlite_rows(path, view, key), _postgres_rows(url, view, key)
            assert left == right, view
            assert left, f"{view} is empty"


def _get(datasette: Datasette, path: str) -> Any:
    async def get() -> Any:
        await datasette.invoke_startup()
        response = await datasette.client.get(path)
        assert response.status_code == 200, (path, response.text)
        return response.json()

    return asyncio.run(get())


def test_datasette_serves_the_views_with_readable_names(tmp_path: Path) -> None:
    path = tmp_path / "record.db"
    with filled(str(path)):
        pass
    datasette = Datasette([str(path)])
    views = [view["name"] for view in _get(datasette, "/record.json")["views"]]
    assert views == list(VIEWS)
    said = _get(datasette, "/record/quotes.json?_shape=array&speaker=Jens+Stoltenberg&_sort=day")
    assert [(q["day"], q["outlet"], q["content"]) for q in said] == [
        (
            "2024-05-03",
            "The Independent",
            "the restrictions on Western weapons should stay for now",
        ),
        ("2024-05-30", "CBC News", "allies should lift restrictions on strikes inside Russia"),
    ]
    tracker = _get(
        datasette, f"/record/tracker.json?_shape=array&issue={ISSUE}&actor_type=person&_sort=as_of"
    )
    assert [(t["actor"], t["stance"], t["as_of"]) for t in tracker] == [
        ("Jens Stoltenberg", "opposes", "2024-05-03"),
        ("Jens Stoltenberg", "supports", "2024-05-30"),
    ]
    first = _get(datasette, "/record/quote_provenance.json?_shape=array&is_first=1")
    assert [(q["outlet"], q["first_seen"]) for q in first] == [("CBC News", "2024-05-30")]
    shares = _get(
        datasette,
        "/record.json?sql=select+outlet,anonymous+from+sources_by_outlet"
        "+where+anonymous+>+0+order+by+outlet&_shape=array",
    )
    assert [s["outlet"] for s in shares] == ["CBC News", "Evening Standard", "Reuters"]
