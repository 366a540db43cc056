"""``onrecord actors``: every actor of a corpus, merged across articles."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, TextIO

from onrecord import api
from onrecord.cli._analyses import AnalysisStream
from onrecord.cli._output import FORMATS, clip, write_json_stream
from onrecord.resolve import RegistryEntry, load_aliases

if TYPE_CHECKING:
    from onrecord.cli._output import Subparsers


def register(sub: Subparsers) -> None:
    p = sub.add_parser(
        "actors",
        help="list the actors quoted in articles, merged across articles",
        description="Analyse the input articles and list every actor quoted in them, one "
        "per line, with a stable id: the same person, government or outlet named in "
        "different ways in different articles is one actor. INPUT is anything "
        "`onrecord read` accepts. See docs/actors.md for the merge rules.",
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT")
    p.add_argument(
        "--aliases",
        metavar="FILE",
        help="a TOML file of names to merge or keep apart (format: docs/actors.md)",
    )
    p.add_argument(
        "--format", choices=FORMATS, default="table", help="output format (default: table)"
    )
    p.add_argument("--allow-private", action="store_true", help="allow fetching private addresses")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.aliases:
        load_aliases(args.aliases)  # a bad aliases file fails before any article is read
    settings = api.settings(allow_private_addresses=args.allow_private or None)
    analyses = AnalysisStream(args.inputs, settings)
    entries = api.actor_registry(analyses, args.aliases).actors()
    if args.format == "table":
        print_table(entries)
    else:
        write_json_stream((entry.to_dict() for entry in entries), args.format)
    return 1 if analyses.failures else 0


def print_table(entries: list[RegistryEntry], out: TextIO | None = None) -> None:
    """One line an actor: id, name, type, roles, mentions and articles (counts)."""
    out = out or sys.stdout
    print(f"{'ID':30}  {'NAME':30}  {'TYPE':12}  {'MENTIONS':>8}  {'ARTICLES':>8}  ROLES", file=out)
    for entry in entries:
        actor = entry.actor
        roles = "; ".join(sorted({sighting.role for sighting in entry.roles}))
        print(
            f"{clip(actor.id, 30):30}  {clip(actor.name, 30):30}  {actor.type.value:12}  "
            f"{entry.mentions:>8}  {len(entry.articles):>8}  {clip(roles, 60)}",
            file=out,
        )
