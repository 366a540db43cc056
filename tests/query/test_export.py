"""``onrecord export``'s library side: the tables as JSON Lines, CSV and Parquet, and the
discourse network as GEXF and GraphML; on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import networkx as nx
import pyarrow.parquet as pq
import pytest

from onrecord.errors import ConfigError, MissingExtraError
from onrecord.query import discourse_network, export_tables, write_network
from onrecord.store import Store
from stored_corpus import ISSUE, corpus_url, filled

TABLES = ["articles", "attributions", "actors", "positions"]


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def store(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Store]:
    with filled(corpus_url(request, tmp_path_factory.mktemp("export"))) as stored:
        yield stored


def _as_text(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v.isoformat() if isinstance(v, date) else v for k, v in row.items()}


def test_one_file_per_table_in_each_format_holding_the_same_rows(
    store: Store, tmp_path: Path
) -> None:
    expected = {table: [_as_text(r) for r in store.export_rows(table)] for table in TABLES}  # type: ignore[arg-type]
    for fmt in ("jsonl", "csv", "parquet"):
        written = export_tables(store, tmp_path / fmt, fmt)
        assert [(w.table, w.path.name, w.rows) for w in written] == [
            (table, f"{table}.{fmt}", len(expected[table])) for table in TABLES
        ]
    for table in TABLES:
        lines = (tmp_path / "jsonl" / f"{table}.jsonl").read_text(encoding="utf-8").splitlines()
        assert [json.loads(line) for line in lines] == expected[table]
        with (tmp_path / "csv" / f"{table}.csv").open(encoding="utf-8", newline="") as f:
            from_csv = list(csv.DictReader(f))
        as_csv = [{k: "" if v is None else str(v) for k, v in r.items()} for r in expected[table]]
        assert from_csv == as_csv
        parquet = pq.read_table(tmp_path / "parquet" / f"{table}.parquet").to_pylist()
        assert [_as_text(r) for r in parquet] == expected[table]


def test_parquet_columns_are_typed(store: Store, tmp_path: Path) -> None:
    export_tables(store, tmp_path, "parquet")
    schema = pq.read_schema(tmp_path / "positions.parquet")
    kinds = {name: str(schema.field(name).type) for name in schema.names}
    assert kinds["id"] == "int64" and kinds["as_of"] == "date32[day]"
    assert kinds["confidence"] == "double" and kinds["stance"] == "string"


def test_a_missing_pyarrow_names_the_extra(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(MissingExtraError, match=r"onrecord\[export\]"):
        export_tables(store, tmp_path / "out", "parquet")
    assert not (tmp_path / "out").exists()
    with pytest.raises(ConfigError, match="jsonl, csv, parquet"):
        export_tables(store, tmp_path, "xlsx")


def test_the_discourse_network_has_stances_and_agreements(store: Store) -> None:
    graph = discourse_network(store)
    assert graph.nodes[f"issue:{ISSUE}"]["kind"] == "issue"
    assert graph.nodes["actor:jens-stoltenberg"] == {
        "kind": "actor",
        "label": "Jens Stoltenberg",
        "actor_type": "person",
    }
    stances = [
        (v, d["stance"], d["coarse"], d["date"])
        for _, v, d in graph.edges("actor:jens-stoltenberg", data=True)
        if d["relation"] == "stance"
    ]
    assert stances == [
        (f"issue:{ISSUE}", "opposes", "against", "2024-05-03"),
        (f"issue:{ISSUE}", "supports", "for", "2024-05-30"),
    ]
    agreements = sorted(
        (u, v, d["coarse"]) for u, v, d in graph.edges(data=True) if d["relation"] == "agreement"
    )
    germany, jens = "actor:government-of-germany", "actor:jens-stoltenberg"
    assert agreements == [(germany, jens, "against"), (germany, jens, "for")]


@pytest.mark.parametrize(("fmt", "read"), [("gexf", nx.read_gexf), ("graphml", nx.read_graphml)])
def test_gexf_and_graphml_read_back(store: Store, tmp_path: Path, fmt: str, read: Any) -> None:
    written = write_network(store, tmp_path, fmt)
    assert written.path == tmp_path / f"network.{fmt}" and written.rows == 7
    graph = read(written.path)
    assert graph.number_of_edges() == 7
    assert graph.number_of_nodes() == 4  # three actors with positions and the issue
    relations = sorted(d["relation"] for _, _, d in graph.edges(data=True))
    assert relations == ["agreement"] * 2 + ["stance"] * 5
