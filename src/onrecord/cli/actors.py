"""``onrecord actors``: every actor of a corpus, merged across articles."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from onrecord import api
from onrecord.cli._analyses import AnalysisStream, InputMetadata, add_input_options
from onrecord.cli._output import FORMATS, add_format_option, write_records
from onrecord.cli._progress import add_quiet_option, wanted
from onrecord.cli._tables import print_actors
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
    add_format_option(p, FORMATS, "table")
    add_input_options(p)
    add_quiet_option(p)
    p.add_argument("--allow-private", action="store_true", help="allow fetching private addresses")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.aliases:
        load_aliases(args.aliases)  # a bad aliases file fails before any article is read
    metadata = InputMetadata.from_args(args)
    progress = wanted(args)
    settings = api.settings(allow_private_addresses=args.allow_private or None)
    analyses = AnalysisStream(args.inputs, settings, metadata=metadata, progress=progress)
    entries = api.actor_registry(analyses, args.aliases).actors()
    write_records(entries, args.format, as_dict=RegistryEntry.to_dict, table=print_actors)
    return 1 if analyses.failures else 0
