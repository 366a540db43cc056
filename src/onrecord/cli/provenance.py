"""``onrecord provenance``: where a stored quote was first seen, and who carried it."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from onrecord import api
from onrecord.cli._output import add_format_option, write_records
from onrecord.cli._reading import FORMATS, add_db_option, print_provenance
from onrecord.query import CARRIER_COLUMNS, carrier_row

if TYPE_CHECKING:
    from onrecord.cli._output import Subparsers


def register(sub: Subparsers) -> None:
    p = sub.add_parser(
        "provenance",
        help="where a stored quote was first seen, and every article that carried it",
        description="Show the article that first carried a quote (the earliest published of "
        "those with the same words: wire copies, outlets quoting one another, partial "
        "quotes) and every article that carried it, by publication day. QUOTE_ID is the id "
        "`onrecord quotes` shows, or ARTICLE_ID:ATTRIBUTION_ID. JSON gives one object; CSV "
        "and JSON Lines one row per article. See docs/queries.md.",
    )
    p.add_argument("quote_id", metavar="QUOTE_ID")
    add_db_option(p)
    add_format_option(p, FORMATS, "table")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    found = api.provenance(args.quote_id, args.db)
    if args.format == "table":
        print_provenance(found)
    elif args.format == "json":
        print(json.dumps(found.to_dict(), ensure_ascii=False, indent=2))
    else:
        rows = [carrier_row(found, quote) for quote in found.carried_by]
        write_records(
            rows, args.format, as_dict=dict, table=print, csv_row=dict, csv_columns=CARRIER_COLUMNS
        )
    return 0
