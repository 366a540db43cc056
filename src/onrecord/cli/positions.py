"""``onrecord positions``: where each actor stands on an issue, over time, across articles."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import TYPE_CHECKING, Any, TextIO

from onrecord import api
from onrecord.cli._analyses import AnalysisStream
from onrecord.cli._output import clip, error, write_csv, write_json_stream
from onrecord.errors import ConfigError
from onrecord.model import Issue
from onrecord.resolve import TrackedPosition, load_aliases

if TYPE_CHECKING:
    from onrecord.cli._output import Subparsers

FORMATS = ("table", "json", "jsonl", "csv")
CSV_COLUMNS = [
    "issue",
    "actor_id",
    "actor",
    "actor_type",
    "stance",
    "coarse",
    "as_of",
    "held_before",
    "placed_on",
    "conditions",
    "shift",
    "shifted_from",
    "confidence",
    "articles",
    "evidence",
]


def register(sub: Subparsers) -> None:
    p = sub.add_parser(
        "positions",
        help="track where actors stand on an issue, across articles and over time",
        description="Analyse the input articles for the positions actors take on the issue "
        "of an issue file, merge the positions of one actor on one fact across articles "
        "(one actor, one id, as in `onrecord actors`), and print each actor's positions "
        "in date order, shifts of stance marked. INPUT is anything `onrecord read` "
        "accepts. See docs/positions.md for the issue file and the rules.",
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT")
    p.add_argument(
        "--issue", required=True, metavar="FILE", help="the issue file (format: docs/positions.md)"
    )
    p.add_argument(
        "--as-of",
        metavar="DATE",
        help="print only where each actor stood on DATE (YYYY-MM-DD): its positions of its "
        "latest day on or before DATE",
    )
    p.add_argument(
        "--aliases",
        metavar="FILE",
        help="a TOML file of actor names to merge or keep apart (format: docs/actors.md)",
    )
    p.add_argument(
        "--format", choices=FORMATS, default="table", help="output format (default: table)"
    )
    p.add_argument("--allow-private", action="store_true", help="allow fetching private addresses")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    # Bad arguments fail before any article is read.
    issue = api.load_issue(args.issue)
    as_of = parse_day(args.as_of, "--as-of") if args.as_of else None
    if args.aliases:
        load_aliases(args.aliases)
    settings = api.settings(allow_private_addresses=args.allow_private or None)
    analyses = AnalysisStream(args.inputs, settings, issues=[issue])
    tracker = api.track_positions(analyses, issue, args.aliases)
    tracked = tracker.current(as_of) if as_of else tracker.timeline()
    if not tracked:
        error(f"no positions on {issue.id!r} found" + (f" on or before {as_of}" if as_of else ""))
    write(tracked, issue, args.format)
    return 1 if analyses.failures else 0


def parse_day(value: str, option: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"{option} {value!r} is not a date; give it as YYYY-MM-DD") from None


def write(tracked: list[TrackedPosition], issue: Issue, fmt: str) -> None:
    if fmt == "table":
        print_table(tracked, issue)
    elif fmt == "csv":
        write_csv((csv_row(item) for item in tracked), CSV_COLUMNS)
    else:
        write_json_stream((item.to_dict() for item in tracked), fmt)


def csv_row(item: TrackedPosition) -> dict[str, Any]:
    """One tracked position flat: articles joined by "; ", evidence texts by " | "."""
    return {
        "issue": item.issue,
        "actor_id": item.actor.id,
        "actor": item.actor.name,
        "actor_type": item.actor.type.value,
        "stance": item.stance,
        "coarse": item.coarse.value,
        "as_of": item.as_of.isoformat() if item.as_of else "",
        "held_before": item.held_before.isoformat() if item.held_before else "",
        "placed_on": item.placed_on.isoformat() if item.placed_on else "",
        "conditions": item.conditions or "",
        "shift": "yes" if item.shift else "",
        "shifted_from": item.shifted_from or "",
        "confidence": round(item.confidence, 3),
        "articles": "; ".join(item.articles),
        "evidence": " | ".join(evidence.span.text for evidence in item.evidence),
    }


def print_table(tracked: list[TrackedPosition], issue: Issue, out: TextIO | None = None) -> None:
    """One line a tracked position: actor, stance, date, shift, articles, conditions, evidence.

    A shift shows as "← " and the stance it left.
    """
    out = out or sys.stdout
    print(f"== {issue.id}  {clip(issue.title, 70)}", file=out)
    print(
        f"{'ACTOR':32}  {'STANCE':20}  {'COARSE':15}  {'AS OF':10}  {'SHIFT':20}  "
        f"{'ARTS':>4}  {'CONDITIONS':30}  EVIDENCE",
        file=out,
    )
    for item in tracked:
        as_of = item.as_of.isoformat() if item.as_of else "-"
        shift = f"← {item.shifted_from}" if item.shifted_from else ""
        evidence = item.evidence[0].span.text if item.evidence else None
        print(
            f"{clip(item.actor.name, 32):32}  {clip(item.stance, 20):20}  "
            f"{item.coarse.value:15}  {as_of:10}  {clip(shift, 20) if shift else '':20}  "
            f"{len(item.articles):>4}  {clip(item.conditions, 30):30}  {clip(evidence, 70)}",
            file=out,
        )
