"""``onrecord analyze``: who said what in each article."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from onrecord import api, query
from onrecord.cli._analyses import (
    AnalysisStream,
    InputMetadata,
    add_input_options,
    add_workers_option,
)
from onrecord.cli._output import FORMATS, add_format_option, write_records
from onrecord.cli._progress import add_quiet_option, wanted
from onrecord.cli._tables import print_analyses

if TYPE_CHECKING:
    from onrecord.cli._output import Subparsers


def register(sub: Subparsers) -> None:
    p = sub.add_parser(
        "analyze",
        help="find attributions (source, cue, content) in articles",
        description="Find every attribution in each input article. INPUT is anything "
        "`onrecord read` accepts: files, folders, URLs, JSONL, feeds, WARC. Each JSON or "
        "JSONL record holds its article (text, URL, dates, blocks), so that the output can "
        "be read back in: `onrecord analyze` and `onrecord read` take a JSONL file of "
        "analyses as the articles they hold.",
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT")
    add_format_option(p, FORMATS, "jsonl")
    p.add_argument(
        "--issue",
        action="append",
        default=[],
        dest="issues",
        metavar="FILE",
        help="an issue file (format: docs/positions.md); each article's output then has the "
        "positions actors take on it. Repeat for several issues",
    )
    p.add_argument(
        "--no-article",
        dest="with_article",
        action="store_false",
        help="leave each article (its text, URL, dates, blocks) out of the JSON and JSONL "
        "output, which then cannot be read back in",
    )
    p.add_argument(
        "--act",
        metavar="ACTS",
        help="list only the attributions of these acts, separated by commas: speech, writing, "
        "thought, intention, evidence, report (docs/acts.md); positions are listed as found",
    )
    add_input_options(p)
    add_workers_option(p)
    add_quiet_option(p)
    p.add_argument("--allow-private", action="store_true", help="allow fetching private addresses")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    issues = [api.load_issue(path) for path in args.issues]  # bad files fail before any work
    acts = query.parse_acts(args.act) if args.act is not None else None
    metadata = InputMetadata.from_args(args)
    progress = wanted(args, output_shows_it=True)
    settings = api.settings(allow_private_addresses=args.allow_private or None)
    analyses = AnalysisStream(
        args.inputs, settings, issues, metadata=metadata, progress=progress, workers=args.workers
    )
    listed = (a.with_acts(acts) for a in analyses) if acts is not None else analyses
    write_records(
        listed,
        args.format,
        as_dict=lambda analysis: analysis.to_dict(with_article=args.with_article),
        table=print_analyses,
    )
    return 1 if analyses.failures else 0
