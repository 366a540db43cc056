"""``onrecord positions``: where each actor stands on an issue, over time, across articles:
of the input files, or of the store."""

from __future__ import annotations

import argparse
from datetime import date
from typing import TYPE_CHECKING

from onrecord import api
from onrecord.cli._analyses import AnalysisStream, InputMetadata, add_input_options
from onrecord.cli._output import add_format_option, error, write_records
from onrecord.cli._progress import add_quiet_option, wanted
from onrecord.cli._reading import add_db_option
from onrecord.cli._tables import print_timeline
from onrecord.errors import ConfigError
from onrecord.model import Issue
from onrecord.query import TRACKED_POSITION_COLUMNS, tracked_position_row
from onrecord.resolve import TrackedPosition, load_aliases

if TYPE_CHECKING:
    from onrecord.cli._output import Subparsers

FORMATS = ("table", "json", "jsonl", "csv")


def register(sub: Subparsers) -> None:
    p = sub.add_parser(
        "positions",
        help="track where actors stand on an issue, across articles and over time",
        description="Analyse the input articles for the positions actors take on the issue "
        "of an issue file, merge the positions of one actor on one fact across articles "
        "(one actor, one id, as in `onrecord actors`), and print each actor's positions "
        "in date order, shifts of stance marked, and its undated positions apart. INPUT is "
        "anything `onrecord read` accepts. Without --issue, give the id of an issue the store "
        "follows (ISSUE_ID) instead of INPUTs: the tracker is then the store's, over every "
        "stored article. See docs/positions.md for the issue file and the rules.",
    )
    p.add_argument("inputs", nargs="+", metavar="ISSUE_ID | INPUT")
    p.add_argument("--issue", metavar="FILE", help="the issue file (format: docs/positions.md)")
    add_db_option(p)
    p.add_argument(
        "--as-of",
        metavar="DATE",
        help="print only where each actor stood on DATE (YYYY-MM-DD): its positions of its "
        "latest dated day on or before DATE, then apart the undated positions on record by "
        "DATE",
    )
    p.add_argument(
        "--aliases",
        metavar="FILE",
        help="a TOML file of actor names to merge or keep apart (format: docs/actors.md)",
    )
    add_format_option(p, FORMATS, "table")
    add_input_options(p)
    add_quiet_option(p)
    p.add_argument("--allow-private", action="store_true", help="allow fetching private addresses")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    # Bad arguments fail before any article is read.
    as_of = parse_day(args.as_of, "--as-of") if args.as_of else None
    if args.issue is None:
        return _from_store(args, as_of)
    if args.db:
        raise ConfigError("--db reads the store: give an ISSUE_ID and no --issue FILE")
    issue = api.load_issue(args.issue)
    if args.aliases:
        load_aliases(args.aliases)
    metadata = InputMetadata.from_args(args)
    progress = wanted(args)
    settings = api.settings(allow_private_addresses=args.allow_private or None)
    analyses = AnalysisStream(
        args.inputs, settings, issues=[issue], metadata=metadata, progress=progress
    )
    tracker = api.track_positions(analyses, issue, args.aliases)
    # Undated positions come apart: after the dated ones, never taken as current.
    tracked = tracker.current(as_of) + tracker.undated(as_of) if as_of else tracker.timeline()
    if not tracked:
        error(f"no positions on {issue.id!r} found" + (f" on or before {as_of}" if as_of else ""))
    write(tracked, issue, args.format)
    return 1 if analyses.failures else 0


def _from_store(args: argparse.Namespace, as_of: date | None) -> int:
    if len(args.inputs) != 1:
        raise ConfigError(
            "give one ISSUE_ID to read the store's tracker, or --issue FILE with the INPUTs "
            "to analyse"
        )
    if args.aliases:
        raise ConfigError(
            "--aliases is for INPUT files: the store's actors were merged with the aliases "
            "file given to `onrecord ingest --aliases`"
        )
    found = api.tracker(args.inputs[0], args.db, as_of=as_of)
    if not found.shown:
        when = f" on or before {as_of}" if as_of else ""
        error(f"no positions on {found.issue.id!r} in the store{when}")
    write(found.shown, found.issue, args.format)
    return 0


def parse_day(value: str, option: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"{option} {value!r} is not a date; give it as YYYY-MM-DD") from None


def write(tracked: list[TrackedPosition], issue: Issue, fmt: str) -> None:
    write_records(
        tracked,
        fmt,
        as_dict=TrackedPosition.to_dict,
        table=lambda items: print_timeline(items, issue),
        csv_row=tracked_position_row,
        csv_columns=TRACKED_POSITION_COLUMNS,
    )
