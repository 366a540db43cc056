"""``onrecord actors``: every actor of a corpus, merged across articles: of the input
files, or of the store."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from onrecord import api
from onrecord.cli._analyses import AnalysisStream, InputMetadata, add_input_options
from onrecord.cli._output import FORMATS, add_format_option, write_records
from onrecord.cli._progress import add_quiet_option, wanted
from onrecord.cli._reading import (
    ACTOR_CSV_COLUMNS,
    actor_csv_row,
    add_db_option,
    print_store_actors,
)
from onrecord.cli._tables import print_actors
from onrecord.errors import ConfigError
from onrecord.query import search_entries
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
        "`onrecord read` accepts. With no INPUT, or with --db, list the actors of the "
        "store instead. See docs/actors.md for the merge rules.",
    )
    p.add_argument("inputs", nargs="*", metavar="INPUT")
    p.add_argument(
        "--search",
        metavar="TEXT",
        help="only the actors whose name, an alias or the id holds TEXT (case and accents aside)",
    )
    add_db_option(p)
    p.add_argument(
        "--aliases",
        metavar="FILE",
        help="a TOML file of names to merge or keep apart (format: docs/actors.md)",
    )
    add_format_option(p, (*FORMATS, "csv"), "table")
    add_input_options(p)
    add_quiet_option(p)
    p.add_argument("--allow-private", action="store_true", help="allow fetching private addresses")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.db or not args.inputs:
        return _from_store(args)
    if args.search is not None:
        search_entries([], args.search)  # a bad --search fails before any article is read
    if args.aliases:
        load_aliases(args.aliases)  # a bad aliases file fails before any article is read
    metadata = InputMetadata.from_args(args)
    progress = wanted(args)
    settings = api.settings(allow_private_addresses=args.allow_private or None)
    analyses = AnalysisStream(args.inputs, settings, metadata=metadata, progress=progress)
    entries = api.actor_registry(analyses, args.aliases).actors()
    if args.search is not None:
        entries = search_entries(entries, args.search)
    write_actors(entries, args.format, print_actors)
    return 1 if analyses.failures else 0


def _from_store(args: argparse.Namespace) -> int:
    if args.inputs:
        raise ConfigError("give INPUT files or --db, not both: --db lists the store's actors")
    if args.aliases:
        raise ConfigError(
            "--aliases is for INPUT files: the store's actors were merged with the aliases "
            "file given to `onrecord ingest --aliases`"
        )
    entries = api.actors(args.db, search=args.search)
    write_actors(entries, args.format, print_store_actors)
    return 0


def write_actors(
    entries: list[RegistryEntry], fmt: str, table: Callable[[Iterable[RegistryEntry]], None]
) -> None:
    write_records(
        entries,
        fmt,
        as_dict=RegistryEntry.to_dict,
        table=table,
        csv_row=actor_csv_row,
        csv_columns=ACTOR_CSV_COLUMNS,
    )
