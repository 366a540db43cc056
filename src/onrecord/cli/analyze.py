"""``onrecord analyze``: who said what in each article."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, TextIO

from onrecord import api
from onrecord.cli._analyses import AnalysisStream
from onrecord.cli._output import FORMATS, clip, write_json_stream
from onrecord.model import Analysis, Position

if TYPE_CHECKING:
    from onrecord.cli._output import Subparsers


def register(sub: Subparsers) -> None:
    p = sub.add_parser(
        "analyze",
        help="find attributions (source, cue, content) in articles",
        description="Find every attribution in each input article. INPUT is anything "
        "`onrecord read` accepts: files, folders, URLs, JSONL, feeds, WARC.",
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT")
    p.add_argument("--format", choices=FORMATS, default="jsonl")
    p.add_argument(
        "--issue",
        action="append",
        default=[],
        dest="issues",
        metavar="FILE",
        help="an issue file (format: docs/positions.md); each article's output then has the "
        "positions actors take on it. Repeat for several issues",
    )
    p.add_argument("--allow-private", action="store_true", help="allow fetching private addresses")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    issues = [api.load_issue(path) for path in args.issues]  # bad files fail before any work
    settings = api.settings(allow_private_addresses=args.allow_private or None)
    analyses = AnalysisStream(args.inputs, settings, issues)
    if args.format == "table":
        for analysis in analyses:
            print_table(analysis)
    else:
        write_json_stream((analysis.to_dict() for analysis in analyses), args.format)
    return 1 if analyses.failures else 0


def print_table(analysis: Analysis, out: TextIO | None = None) -> None:
    out = out or sys.stdout
    article = analysis.article
    print(f"== {article.name}  {clip(article.title, 70)}", file=out)
    for a in analysis.attributions:
        speaker = a.actor.name if a.actor else (a.source.text if a.source else "-")
        cue = a.cue.text if a.cue else "-"
        said_on = a.said_on.date.isoformat() if a.said_on and a.said_on.date else "-"
        content = " … ".join(part.text for part in a.content)
        print(
            f"  {clip(speaker, 28):28}  {clip(cue, 16):16}  {said_on:10}  {a.kind.value:8}  "
            f"{clip(content, 70)}",
            file=out,
        )
    if analysis.positions is not None:
        print_positions(analysis.positions, out)
    print(file=out)


def print_positions(positions: list[Position], out: TextIO) -> None:
    """The positions under the attributions, issue by issue: actor, stance, date, evidence."""
    if not positions:
        print("  positions: none", file=out)
    for issue in dict.fromkeys(p.issue for p in positions):
        print(f"  positions on {issue}:", file=out)
        for p in (p for p in positions if p.issue == issue):
            as_of = p.as_of.isoformat() if p.as_of else "-"
            evidence = " … ".join(span.text for span in p.evidence)
            print(
                f"  {clip(p.actor.name, 28):28}  {clip(p.stance, 20):20}  {as_of:10}  "
                f"{clip(evidence, 70)}",
                file=out,
            )
