"""``onrecord ingest`` and ``onrecord reanalyze``: articles into the store, and again."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from tqdm import tqdm

from onrecord import api
from onrecord.cli._analyses import add_workers_option
from onrecord.cli._output import error

if TYPE_CHECKING:
    from onrecord.cli._output import Subparsers

FORMATS = ("table", "json")


def register(sub: Subparsers) -> None:
    p = sub.add_parser(
        "ingest",
        help="read, analyse and store articles in the database",
        description="Read the input articles, find their attributions, actors and (for the "
        "issues the store follows) positions, and store them in the database: an SQLite "
        "file by default, or PostgreSQL by URL. An article stored already (the same text) "
        "is left as it is; a changed text at a stored URL or file is stored as its next "
        "version. Each article is stored in one transaction: an ingest stopped at any "
        "point and run again stores everything once. INPUT is anything `onrecord read` "
        "accepts. See docs/store.md.",
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT")
    _add_store_options(p)
    add_workers_option(p)
    p.add_argument("--allow-private", action="store_true", help="allow fetching private addresses")
    p.set_defaults(run=run_ingest)
    p = sub.add_parser(
        "reanalyze",
        help="analyse the stored articles again after the pipeline or an issue changed",
        description="Analyse again every stored article whose analysis was made by another "
        "version of the pipeline (its provenance differs) or with other issues than those "
        "the store now follows (--issue adds or updates them). The new analysis becomes "
        "current; the old one is kept, superseded, with its run's provenance. Nothing to "
        "do when nothing changed. See docs/store.md.",
    )
    _add_store_options(p)
    p.set_defaults(run=run_reanalyze)


def _add_store_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--issue",
        action="append",
        default=[],
        metavar="FILE",
        help="an issue file to follow (repeatable; format: docs/positions.md); the store "
        "keeps following the issues given before",
    )
    p.add_argument(
        "--db",
        metavar="URL",
        help="the database: an SQLite file path or a postgresql:// URL "
        "(default: the db setting, ONRECORD_DB, else onrecord.db)",
    )
    p.add_argument(
        "--aliases",
        metavar="FILE",
        help="a TOML file of actor names to merge or keep apart (docs/actors.md); kept in "
        "the store for later runs",
    )
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.add_argument(
        "--format", choices=FORMATS, default="table", help="summary format (default: table)"
    )


def run_ingest(args: argparse.Namespace) -> int:
    settings = api.settings(allow_private_addresses=args.allow_private or None)
    with store_progress(args.quiet, "ingest") as progress:
        summary = api.ingest_articles(
            args.inputs,
            db=args.db,
            issues=args.issue,
            aliases=args.aliases,
            settings=settings,
            progress=progress,
            workers=args.workers,
        )
    return report_summary(summary, args.format)


def run_reanalyze(args: argparse.Namespace) -> int:
    with store_progress(args.quiet, "reanalyze") as progress:
        summary = api.reanalyze(
            db=args.db, issues=args.issue, aliases=args.aliases, progress=progress
        )
    return report_summary(summary, args.format)


@contextmanager
def store_progress(quiet: bool, what: str) -> Iterator[api.Progress]:
    """A progress bar on stderr; none with --quiet or when stderr is not a terminal."""
    bar = tqdm(desc=what, unit="article", file=sys.stderr, disable=True if quiet else None)

    def advance(done: int, total: int) -> None:
        bar.total = total  # known once the inputs are read
        bar.update(done - bar.n)

    try:
        yield advance
    finally:
        bar.close()


def report_summary(summary: api.IngestSummary, fmt: str) -> int:
    for failure in summary.failures:
        error(f"{failure.document}: {failure.reason}")
    if fmt == "json":
        print(json.dumps(summary.to_dict(), indent=2, ensure_ascii=False))
    else:
        _print_summary(summary, print)
    return 1 if summary.failures else 0


def _print_summary(summary: api.IngestSummary, out: Callable[[str], None]) -> None:
    s = summary
    out(f"run {s.run} · {s.db}")
    out(
        f"articles      {s.inputs} in · {s.new} new · {s.versions} new versions · "
        f"{s.unchanged} unchanged · {s.reanalysed} reanalysed · {s.skipped} skipped"
    )
    out(f"stored        {s.attributions} attributions · {s.positions} positions")
    out(f"actors        {s.actors} in the store")
    out(
        f"copies        {s.groups} groups of copies · {s.quote_clusters} quotes carried by "
        "several articles, in the store"
    )
    out(f"failures      {len(s.failures)}")
    for failure in s.failures:
        out(f"  {failure.document}: {failure.reason}")
