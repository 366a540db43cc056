"""What one batch run did, kept beside its output (``batch.json``) and printed."""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from onrecord.batch._write import write_manifest
from onrecord.batch.corpus import write_corpus
from onrecord.resolve import load_aliases

__all__ = ["BatchSummary", "finish"]


@dataclass
class BatchSummary:
    """Counts of one batch run; ``errors`` are documents not read or not analysed."""

    out: str
    engine: str  # local or spark
    workers: int  # local processes, or Spark's default parallelism
    inputs: int
    articles: int = 0  # analyses written (skipped articles among them)
    errors: int = 0
    attributions: int = 0
    positions: int = 0
    actors: int = 0
    syndication_groups: int = 0
    seconds: float = 0.0
    issues: list[str] = field(default_factory=list)  # the issue files kept, in out/issues

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def finish(
    summary: BatchSummary,
    counts: dict[str, int],
    aliases: str | os.PathLike[str] | None,
    seconds: float,
) -> BatchSummary:
    """The summary with the datasets' counts, after the corpus stage; written to
    ``batch.json``."""
    out = Path(summary.out)
    figures = write_corpus(out, load_aliases(Path(aliases)) if aliases else None)
    summary.articles, summary.errors = counts["analyses"], counts["errors"]
    summary.attributions, summary.positions = counts["attributions"], counts["positions"]
    summary.actors, summary.syndication_groups = figures.actors, figures.syndication_groups
    summary.seconds = round(seconds, 2)
    write_manifest(out, summary.to_dict())
    return summary
