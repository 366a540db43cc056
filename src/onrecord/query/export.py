"""Exports of the store: one file per table (articles, attributions, actors, positions)
as JSON Lines, CSV or Parquet, and the discourse network as GEXF or GraphML.

Tables are flat: one row per record of the current analyses, actors by their
canonical names, days as ISO dates in text formats and as dates in Parquet. Rows
stream from the store page by page, so an export of any size holds one page in
memory (one Parquet row group a page).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

from onrecord.errors import ConfigError, MissingExtraError
from onrecord.store import ExportColumn, Store

__all__ = ["NETWORK_FORMATS", "TABLE_FORMATS", "Exported", "export_tables"]

TABLE_FORMATS = ("jsonl", "csv", "parquet")
NETWORK_FORMATS = ("gexf", "graphml")
TABLES = ("articles", "attributions", "actors", "positions")
SUFFIX = {"jsonl": ".jsonl", "csv": ".csv", "parquet": ".parquet"}
BATCH = 5000  # rows per Parquet row group


@dataclass(frozen=True)
class Exported:
    """One file written: what it holds, where, and how many rows (or, for a network,
    nodes and edges)."""

    table: str
    path: Path
    rows: int

    def to_dict(self) -> dict[str, Any]:
        return {"table": self.table, "path": str(self.path), "rows": self.rows}


def export_tables(store: Store, out: Path, fmt: str) -> list[Exported]:
    """Write every table of the store to ``out`` (created if need be) in ``fmt``:
    ``articles.jsonl``, ``attributions.jsonl``, … ."""
    if fmt not in TABLE_FORMATS:
        raise ConfigError(f"export format {fmt!r}: give one of {', '.join(TABLE_FORMATS)}")
    writer = _parquet if fmt == "parquet" else _csv if fmt == "csv" else _jsonl
    if fmt == "parquet":
        _pyarrow()  # a missing extra fails before any file is written
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for table in TABLES:
        path = out / f"{table}{SUFFIX[fmt]}"
        columns = store.export_columns(table)  # type: ignore[arg-type]
        count = writer(path, columns, store.export_rows(table))  # type: ignore[arg-type]
        written.append(Exported(table, path, count))
    return written


def _jsonl(path: Path, columns: Sequence[ExportColumn], rows: Iterable[dict[str, Any]]) -> int:
    count = 0
    with path.open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps({c.name: _text(row[c.name]) for c in columns}, ensure_ascii=False))
            out.write("\n")
            count += 1
    return count


def _csv(path: Path, columns: Sequence[ExportColumn], rows: Iterable[dict[str, Any]]) -> int:
    count = 0
    names = [c.name for c in columns]
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=names, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({name: _text(row[name]) for name in names})
            count += 1
    return count


def _parquet(path: Path, columns: Sequence[ExportColumn], rows: Iterable[dict[str, Any]]) -> int:
    pa, pq = _pyarrow()
    kinds = {
        "text": pa.string(),
        "integer": pa.int64(),
        "real": pa.float64(),
        "date": pa.date32(),
        "boolean": pa.bool_(),
    }
    schema = pa.schema([(c.name, kinds[c.kind]) for c in columns])
    count = 0
    with pq.ParquetWriter(path, schema) as writer:
        for batch in _batches(rows, BATCH):
            data = {c.name: [row[c.name] for row in batch] for c in columns}
            writer.write_table(pa.table(data, schema=schema))
            count += len(batch)
        if count == 0:  # the file still says what it would hold
            writer.write_table(schema.empty_table())
    return count


def _pyarrow() -> tuple[Any, Any]:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise MissingExtraError("pyarrow", "export") from None
    return pa, pq


def _batches(rows: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    iterator = iter(rows)
    while batch := list(islice(iterator, size)):
        yield batch


def _text(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value
