"""``onrecord batch`` and ``onrecord load``: a corpus into Parquet datasets, on this
machine or on Spark, and those datasets into the store."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from onrecord.cli._analyses import add_workers_option
from onrecord.cli.ingest import report_summary, store_progress
from onrecord.errors import ConfigError

if TYPE_CHECKING:
    from types import ModuleType

    from onrecord.batch import BatchSummary
    from onrecord.cli._output import Subparsers

ENGINES = ("local", "spark")
ARROW_HINT = "onrecord batch and onrecord load need pyarrow: pip install 'onrecord[batch]'"
SPARK_HINT = (
    "the Spark engine needs pyspark: pip install 'onrecord[spark]' (pyspark 4, and Java 17 "
    "or later on the PATH)"
)


def register(sub: Subparsers) -> None:
    p = sub.add_parser(
        "batch",
        help="analyse a corpus into Parquet datasets, on this machine or on Spark",
        description="Read every input, analyse each article (the same analysis as "
        "`onrecord analyze`) and write Parquet datasets into DIR: analyses (each analysis "
        "whole, for `onrecord load`), articles, attributions, mentions and positions, "
        "partitioned by publication month; errors (each document that could not be read "
        "or analysed, with its reason); then, across the corpus, actors and syndication. "
        "INPUT is anything `onrecord read` accepts; with --engine spark, files or folders "
        "of JSONL, WARC, HTML or text at any path Spark reads. See docs/scale.md.",
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT")
    p.add_argument("--out", required=True, metavar="DIR", help="a new or empty folder")
    p.add_argument(
        "--engine", choices=ENGINES, default="local", help="where to analyse (default: local)"
    )
    p.add_argument(
        "--issue",
        action="append",
        default=[],
        metavar="FILE",
        help="an issue file (repeatable; format: docs/positions.md): positions on it",
    )
    p.add_argument(
        "--aliases", metavar="FILE", help="actor names to merge or keep apart (docs/actors.md)"
    )
    add_workers_option(p)
    p.add_argument(
        "--master",
        metavar="URL",
        help="with --engine spark: the Spark master (default: spark-submit's, else "
        "local[N] for --workers N)",
    )
    p.add_argument("--format", choices=("table", "json"), default="table", help="summary format")
    p.set_defaults(run=run_batch)
    p = sub.add_parser(
        "load",
        help="store the Parquet output of `onrecord batch` in the database",
        description="Store the analyses of an `onrecord batch` output folder in the "
        "database, as `onrecord ingest` would have stored them: the same articles, "
        "attributions, positions and actors (resolved across the whole store), in the "
        "order their documents were read. The batch's errors become the run's failures. "
        "See docs/scale.md.",
    )
    p.add_argument("folder", metavar="DIR")
    p.add_argument(
        "--db",
        metavar="URL",
        help="the database: an SQLite file path or a postgresql:// URL "
        "(default: the db setting, ONRECORD_DB, else onrecord.db)",
    )
    p.add_argument(
        "--aliases", metavar="FILE", help="actor names to merge or keep apart (docs/actors.md)"
    )
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.add_argument("--format", choices=("table", "json"), default="table", help="summary format")
    p.set_defaults(run=run_load)


def _batch() -> ModuleType:
    """onrecord.batch, imported when a command needs it: pyarrow is an optional extra."""
    try:
        import onrecord.batch.load
    except ImportError as exc:
        raise ConfigError(f"{ARROW_HINT} ({exc})") from None
    return onrecord.batch


def run_batch(args: argparse.Namespace) -> int:
    if args.engine == "local":
        summary = _batch().run_local(
            args.inputs, args.out, issues=args.issue, aliases=args.aliases, workers=args.workers
        )
    else:
        summary = _run_spark(args)
    if args.format == "json":
        print(json.dumps(summary.to_dict(), indent=2, ensure_ascii=False))
    else:
        _print_batch(summary)
    return 1 if summary.errors else 0


def _run_spark(args: argparse.Namespace) -> BatchSummary:
    try:
        from onrecord.batch.spark_job import run_spark
    except ImportError as exc:
        raise ConfigError(f"{SPARK_HINT} ({exc})") from None
    return run_spark(
        args.inputs,
        args.out,
        issues=args.issue,
        aliases=args.aliases,
        master=args.master or f"local[{args.workers}]",
    )


def _print_batch(s: BatchSummary) -> None:
    print(f"{s.engine} · {s.workers} worker(s) · {s.out}")
    print(f"inputs        {s.inputs}")
    print(f"articles      {s.articles} analysed · {s.errors} errors (the errors dataset)")
    print(f"found         {s.attributions} attributions · {s.positions} positions")
    print(f"corpus        {s.actors} actors · {s.syndication_groups} syndication groups")
    print(f"time          {s.seconds:.1f} s")


def run_load(args: argparse.Namespace) -> int:
    with store_progress(args.quiet, "load") as progress:
        summary = _batch().load.load_output(
            args.folder, db=args.db, aliases=args.aliases, progress=progress
        )
    return report_summary(summary, args.format)
