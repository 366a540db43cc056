"""The Spark job in local mode on a corpus made from the fixtures (``batch_corpus``):
its attributions and positions are those of the single-process path, and its broken
records land in the errors dataset. Skipped where pyspark or Java is missing; CI
installs ``onrecord[spark]``, so there it runs. One Spark session for the module."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pyspark", reason="the Spark engine's extra: pip install 'onrecord[spark]'")
if shutil.which("java") is None:
    pytest.skip("Spark needs Java 17 or later on the PATH", allow_module_level=True)

import pyarrow.dataset as ds  # noqa: E402
from batch_corpus import write_corpus  # noqa: E402
from pyspark.sql import SparkSession  # noqa: E402

from conftest import REPO  # noqa: E402
from onrecord import api  # noqa: E402
from onrecord.batch import TABLES  # noqa: E402
from onrecord.batch._tables import analysis_rows  # noqa: E402
from onrecord.batch.spark_job import run_spark, spark_session  # noqa: E402
from onrecord.cli import main  # noqa: E402
from onrecord.errors import ReadError  # noqa: E402
from onrecord.model import Article  # noqa: E402

FIXTURES = REPO / "tests" / "fixtures"
ISSUE = REPO / "src" / "onrecord" / "examples" / "bridge-tolls.toml"
ARTICLES = 200


@pytest.fixture(scope="module")
def spark() -> Iterator[SparkSession]:
    session = spark_session("local[2]", app="onrecord tests")
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def shards(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return write_corpus(tmp_path_factory.mktemp("corpus"), ARTICLES)


@pytest.fixture(scope="module")
def output(
    spark: SparkSession, shards: list[Path], tmp_path_factory: pytest.TempPathFactory
) -> Path:
    out = tmp_path_factory.mktemp("spark") / "out"
    folder = shards[0].parent
    run_spark([str(folder)], out, issues=[ISSUE], spark=spark)
    return out


def rows(out: Path, name: str) -> list[str]:
    table = ds.dataset(out / name, format="parquet", partitioning="hive").to_table()
    return sorted(json.dumps(r, sort_keys=True, ensure_ascii=False) for r in table.to_pylist())


def as_lines(found: list[dict[str, Any]]) -> list[str]:
    return sorted(json.dumps(r, sort_keys=True, ensure_ascii=False) for r in found)


def test_spark_finds_what_one_process_finds(output: Path, shards: list[Path]) -> None:
    issue = api.load_issue(ISSUE)
    read = [a for a in api.read_many(shards) if isinstance(a, Article)]
    expected: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    for analysis in api.analyze_many(read, issues=[issue]):
        for name, found in analysis_rows(analysis).items():
            expected[name].extend(found)
    assert len(expected["attributions"]) > ARTICLES and expected["positions"]
    for name in ("attributions", "positions", "articles", "mentions"):
        assert rows(output, name) == as_lines(expected[name]), name
    summary = json.loads((output / "batch.json").read_text(encoding="utf-8"))
    assert summary["engine"] == "spark" and summary["articles"] == len(read)
    assert summary["actors"] > 0


def test_broken_records_land_in_the_errors_dataset(output: Path, shards: list[Path]) -> None:
    expected = [(e.document, e.reason) for e in api.read_many(shards) if isinstance(e, ReadError)]
    errors = ds.dataset(output / "errors", format="parquet").to_table().to_pylist()
    assert sorted((e["document"], e["reason"]) for e in errors) == sorted(expected)
    assert len(expected) >= 16 and {e["stage"] for e in errors} == {"read"}


def test_the_command_runs_the_spark_engine(
    spark: SparkSession, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    jsonl = FIXTURES / "jsonl" / "articles.jsonl"  # two of its lines are broken
    args = ["batch", "--engine", "spark", str(jsonl), "--out", str(tmp_path / "out")]
    assert main([*args, "--format", "json"]) == 1
    summary = json.loads(capsys.readouterr().out)
    assert (summary["engine"], summary["errors"], summary["articles"]) == ("spark", 2, 3)
