"""``onrecord load``: a batch output folder into the store, as ingest would store it.

The analyses are stored in the order of their inputs' names (the file or folder each
came from), then of their place in it: the order ``onrecord ingest INPUT...`` stores
them in when given the inputs sorted by name, and then the same articles, versions,
attributions, positions and actors. The ``errors`` dataset becomes the run's failures.
The analyses' records are sorted in memory: about as much as the ``analyses``
dataset's size uncompressed.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pyarrow.dataset as ds

from onrecord import api
from onrecord.batch._write import ISSUES, MANIFEST
from onrecord.errors import ConfigError
from onrecord.model import Analysis

__all__ = ["load_output"]


def load_output(
    folder: str | os.PathLike[str],
    *,
    db: str | None = None,
    aliases: str | os.PathLike[str] | None = None,
    progress: api.Progress | None = None,
) -> api.IngestSummary:
    """Store the analyses of the batch output in ``folder`` (docs/scale.md)."""
    out = Path(folder)
    if not (out / MANIFEST).is_file():
        raise ConfigError(f"{out}: not a batch output folder (no {MANIFEST} in it)")
    issues = sorted((out / ISSUES).glob("*.toml")) if (out / ISSUES).is_dir() else []
    return api.store_analyses(
        _analyses(out),
        db=db,
        issues=issues,
        failures=list(_failures(out)),
        inputs=[str(out)],
        aliases=aliases,
        progress=progress,
    )


def _analyses(out: Path) -> Iterator[Analysis]:
    if not (out / "analyses").is_dir():
        return
    dataset = ds.dataset(out / "analyses", format="parquet", partitioning="hive")
    table = dataset.to_table(columns=["input", "seq", "record"])
    table = table.sort_by([("input", "ascending"), ("seq", "ascending")])
    for batch in table.to_batches():
        for record in batch.column("record").to_pylist():
            yield Analysis.from_dict(json.loads(record))


def _failures(out: Path) -> Iterator[api.Failure]:
    if not (out / "errors").is_dir():
        return
    table = ds.dataset(out / "errors", format="parquet").to_table()
    table = table.sort_by([("input", "ascending"), ("seq", "ascending")])
    for row in table.to_pylist():
        yield api.Failure(row["document"], row["reason"])
