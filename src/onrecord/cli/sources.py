"""``onrecord sources``: who gets quoted, named or anonymous, by outlet and speaker type."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from onrecord import api
from onrecord.cli._output import add_format_option, write_records
from onrecord.cli._reading import FORMATS, add_db_option, print_sources
from onrecord.query import SOURCE_COLUMNS, SourceShare, source_row

if TYPE_CHECKING:
    from onrecord.cli._output import Subparsers


def register(sub: Subparsers) -> None:
    p = sub.add_parser(
        "sources",
        help="who gets quoted: named and anonymous sources, by outlet and by speaker type",
        description="Count the stored quotes by outlet (the most quoting first) and by the "
        "type of their speaker: how many of each outlet's quotes come from named speakers "
        "(people, organisations, governments, outlets), how many from anonymous sources, "
        "how many from speakers not found, and the anonymous share of those found. See "
        "docs/queries.md.",
    )
    add_db_option(p)
    add_format_option(p, FORMATS, "table")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    write_records(
        api.sources(args.db),
        args.format,
        as_dict=SourceShare.to_dict,
        table=print_sources,
        csv_row=source_row,
        csv_columns=SOURCE_COLUMNS,
    )
    return 0
