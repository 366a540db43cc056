"""Writing the batch output with pyarrow: each dataset a folder of Parquet files, all
but ``errors`` partitioned by month (``month=2024-05/part-….parquet``, Hive style)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.dataset as ds

from onrecord.batch._tables import SCHEMAS, TABLES, Row, analysis_row, analysis_rows, error_row
from onrecord.errors import ConfigError
from onrecord.model import Analysis

__all__ = ["DatasetWriter", "copy_issues", "fresh_output", "write_manifest", "write_table"]

FLUSH_EVERY = 500  # analyses held before they are written: bounded memory
MANIFEST = "batch.json"  # what the run was: engine, inputs, counts, provenance
ISSUES = "issues"  # copies of the issue files the analyses were made with


def fresh_output(out: Path) -> None:
    """``out`` as an empty folder; one that holds anything is refused, not overwritten."""
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise ConfigError(f"{out}: the output folder is not empty; give a new or empty one")
    out.mkdir(parents=True, exist_ok=True)


def write_table(out: Path, name: str, table: pa.Table, part: str) -> None:
    """Rows of one dataset into ``out/name``, in files named after ``part``."""
    if table.num_rows == 0:
        return
    partitioned = "month" in table.schema.names
    ds.write_dataset(
        table,
        out / name,
        format="parquet",
        partitioning=["month"] if partitioned else None,
        partitioning_flavor="hive" if partitioned else None,
        basename_template=f"part-{part}-{{i}}.parquet",
        existing_data_behavior="overwrite_or_ignore",
    )


class DatasetWriter:
    """Analyses and errors into the datasets of ``out``, a few hundred at a time."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.counts = dict.fromkeys(("analyses", *TABLES, "errors"), 0)
        self._rows: dict[str, list[Row]] = {name: [] for name in self.counts}
        self._held = self._parts = 0

    def add_analysis(self, input_name: str, seq: int, analysis: Analysis) -> None:
        self._rows["analyses"].append(analysis_row(input_name, seq, analysis))
        for name, rows in analysis_rows(analysis).items():
            self._rows[name].extend(rows)
        self._held += 1
        if self._held >= FLUSH_EVERY:
            self.flush()

    def add_error(self, input_name: str, seq: int, document: str, stage: str, reason: str) -> None:
        self._rows["errors"].append(error_row(input_name, seq, document, stage, reason))

    def flush(self) -> None:
        for name, rows in self._rows.items():
            table = pa.Table.from_pylist(rows, schema=SCHEMAS[name])
            write_table(self.out, name, table, f"{os.getpid()}-{self._parts:05d}")
            self.counts[name] += len(rows)
            rows.clear()
        self._held, self._parts = 0, self._parts + 1


def write_manifest(out: Path, manifest: dict[str, Any]) -> None:
    text = json.dumps(manifest, indent=2, ensure_ascii=False)
    (out / MANIFEST).write_text(text + "\n", encoding="utf-8")


def copy_issues(out: Path, issue_files: list[Path]) -> list[str]:
    """The issue files, copied into ``out/issues`` for ``onrecord load``; their names."""
    if not issue_files:
        return []
    (out / ISSUES).mkdir()
    names = [f"{n:02d}-{path.name}" for n, path in enumerate(issue_files)]
    for name, path in zip(names, issue_files, strict=True):
        shutil.copyfile(path, out / ISSUES / name)
    return names
