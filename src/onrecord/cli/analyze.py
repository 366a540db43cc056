"""``onrecord analyze``: who said what in each article."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, TextIO

from onrecord import api
from onrecord.cli._analyses import AnalysisStream
from onrecord.cli._output import FORMATS, clip, write_json_stream
from onrecord.model import Analysis

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
    p.add_argument("--allow-private", action="store_true", help="allow fetching private addresses")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    settings = api.settings(allow_private_addresses=args.allow_private or None)
    analyses = AnalysisStream(args.inputs, settings)
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
    print(file=out)
