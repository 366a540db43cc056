"""``onrecord batch`` on this machine, and ``onrecord load``: the datasets it writes, the
errors dataset, and a loaded store that is the store direct ingest makes (SQLite and
PostgreSQL)."""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any

import psycopg
import pyarrow.dataset as ds
import pytest

from conftest import FIXTURES, REPO
from onrecord import api
from onrecord.batch import TABLES, run_local
from onrecord.batch._tables import analysis_rows
from onrecord.batch.load import load_output
from onrecord.cli import main
from onrecord.errors import ReadError
from onrecord.model import Article

EXAMPLES = REPO / "src" / "onrecord" / "examples"
ISSUE = EXAMPLES / "bridge-tolls.toml"
INPUTS = [
    str(FIXTURES / "jsonl" / "articles.jsonl"),  # lines 3 and 4 are broken
    str(EXAMPLES / "harbour-bridge-tolls.txt"),
    str(EXAMPLES / "clinic-hours.txt"),
    str(FIXTURES / "text"),
]
_databases = itertools.count()


@pytest.fixture(scope="module")
def output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("batch") / "out"
    summary = run_local(INPUTS, out, issues=[ISSUE], workers=2)
    assert summary.errors == 2 and summary.articles > 5 and summary.positions > 0
    return out


def dataset_rows(out: Path, name: str) -> list[dict[str, Any]]:
    return ds.dataset(out / name, format="parquet", partitioning="hive").to_table().to_pylist()


def key(row: dict[str, Any]) -> str:
    return json.dumps(row, sort_keys=True, ensure_ascii=False)


def test_the_datasets_hold_what_one_process_finds(output: Path) -> None:
    issue = api.load_issue(ISSUE)
    read = [item for item in api.read_many(INPUTS) if isinstance(item, Article)]
    expected: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    for analysis in api.analyze_many(read, issues=[issue]):
        for name, rows in analysis_rows(analysis).items():
            expected[name].extend(rows)
    for name in TABLES:
        assert sorted(map(key, dataset_rows(output, name))) == sorted(map(key, expected[name]))
    months = {p.name for p in (output / "attributions").iterdir()}
    assert "month=2024-05" in months and "month=undated" in months
    manifest = json.loads((output / "batch.json").read_text(encoding="utf-8"))
    assert manifest["engine"] == "local" and manifest["issues"] == ["00-bridge-tolls.toml"]
    assert dataset_rows(output, "actors") and (output / "syndication").is_dir() is False


def test_broken_records_land_in_the_errors_dataset(output: Path) -> None:
    expected = [e for e in api.read_many(INPUTS) if isinstance(e, ReadError)]
    errors = sorted(dataset_rows(output, "errors"), key=lambda r: (r["input"], r["seq"]))
    assert [(e["document"], e["reason"], e["stage"]) for e in errors] == [
        (e.document, e.reason, "read") for e in expected
    ]
    assert [e["document"] for e in errors] == [f"{INPUTS[0]}:3", f"{INPUTS[0]}:4"]


@pytest.fixture(params=["sqlite", "postgresql"])
def two_stores(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[str, str]:
    if request.param == "sqlite":
        return str(tmp_path / "ingested.db"), str(tmp_path / "loaded.db")
    server: str = request.getfixturevalue("postgres_server")
    urls = []
    for _ in range(2):
        name = f"batch_{next(_databases)}"
        with psycopg.connect(server, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
            connection.execute(f'CREATE DATABASE "{name}"')
        urls.append(server.rsplit("/", 1)[0] + "/" + name)
    return urls[0], urls[1]


def store_record(url: str) -> dict[str, list[dict[str, Any]]]:
    with api.open_store(url) as store:
        return {
            table: [
                {k: v for k, v in row.items() if "run" not in k} for row in store.export_rows(table)
            ]  # fmt: skip
            for table in ("articles", "attributions", "actors", "positions")
        }


def test_a_loaded_store_is_the_store_ingest_makes(
    output: Path, two_stores: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    ingested, loaded = two_stores
    # load stores in the order of the inputs' names, then of the documents in each
    direct = api.ingest_articles(sorted(INPUTS), db=ingested, issues=[ISSUE])
    assert main(["load", str(output), "--db", loaded, "--quiet", "--format", "json"]) == 1
    summary = json.loads(capsys.readouterr().out)
    assert summary["failures"] == [f.to_dict() for f in direct.failures]
    assert (summary["new"], summary["attributions"], summary["positions"]) == (
        direct.new,
        direct.attributions,
        direct.positions,
    )
    assert store_record(loaded) == store_record(ingested)
    again = load_output(output, db=loaded)
    assert again.unchanged == direct.new and again.new == 0
