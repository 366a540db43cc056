"""``onrecord export``: the store's tables as files, or its discourse network."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from onrecord import api
from onrecord.cli._reading import add_db_option
from onrecord.query import NETWORK_FORMATS, TABLE_FORMATS

if TYPE_CHECKING:
    from onrecord.cli._output import Subparsers


def register(sub: Subparsers) -> None:
    p = sub.add_parser(
        "export",
        help="write the store's tables (JSON Lines, CSV, Parquet) or discourse network",
        description="Write the stored record to files in DIR: with jsonl, csv or parquet, "
        "one file per table (articles, attributions, actors, positions: the current "
        "analyses, actors by their canonical names); with gexf or graphml, the discourse "
        "network (network.gexf, network.graphml): actors and issues, an actor-issue edge "
        "per tracked position (stance, coarse stance, date) and an actor-actor edge per "
        "issue on which two actors took the same stance, for Gephi or the Discourse "
        "Network Analyzer. Prints what it wrote. See docs/queries.md.",
    )
    p.add_argument(
        "--format",
        required=True,
        choices=TABLE_FORMATS + NETWORK_FORMATS,
        help="the files to write",
    )
    p.add_argument("--out", required=True, metavar="DIR", help="the folder to write into")
    add_db_option(p)
    p.add_argument("--json", action="store_true", help="print what was written as JSON")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    written = api.export(args.out, args.format, args.db)
    if args.json:
        print(json.dumps([item.to_dict() for item in written], indent=2))
        return 0
    for item in written:
        unit = "edges" if item.table == "network" else "rows"
        print(f"{item.path}  {item.rows} {unit}")
    return 0
