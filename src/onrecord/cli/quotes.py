"""``onrecord quotes``: who said what, from the store."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from onrecord import api
from onrecord.cli._output import add_format_option, error, write_records
from onrecord.cli._reading import FORMATS, add_db_option, parse_day, print_quotes
from onrecord.query import QUOTE_COLUMNS, quote_row, quote_to_dict

if TYPE_CHECKING:
    from onrecord.cli._output import Subparsers


def register(sub: Subparsers) -> None:
    p = sub.add_parser(
        "quotes",
        help="list stored quotes: by speaker, subject, day, outlet, kind, act",
        description="List the quotes (attributions) in the store that meet every condition "
        "given, by the day they were said (else their article's publication day), undated "
        "last. Each has an id, for `onrecord provenance`. See docs/queries.md.",
    )
    p.add_argument(
        "--speaker", metavar="NAME", help="said by this actor (a name, an alias or an id)"
    )
    p.add_argument(
        "--about",
        metavar="TEXT",
        help="the quote has every word of TEXT (full-text search; a word matches the words "
        "it begins: 'strike' finds 'strikes')",
    )
    p.add_argument("--since", metavar="DATE", help="said on or after DATE (YYYY-MM-DD)")
    p.add_argument("--until", metavar="DATE", help="said on or before DATE (YYYY-MM-DD)")
    p.add_argument("--outlet", metavar="NAME", help="in articles of this outlet")
    p.add_argument("--kind", metavar="KIND", help="direct, indirect or mixed")
    p.add_argument(
        "--act",
        metavar="ACTS",
        help="of these acts, separated by commas: speech, writing, thought, intention, "
        "evidence, report (docs/acts.md); quotes stored before acts have none",
    )
    p.add_argument("--anonymous", action="store_true", help="only quotes of anonymous sources")
    p.add_argument("--limit", type=int, metavar="N", help="at most N quotes (the earliest)")
    add_db_option(p)
    add_format_option(p, FORMATS, "table")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    found = api.quotes(
        args.db,
        speaker=args.speaker,
        about=args.about,
        since=parse_day(args.since, "--since"),
        until=parse_day(args.until, "--until"),
        outlet=args.outlet,
        kind=args.kind,
        act=args.act,
        anonymous=args.anonymous,
        limit=args.limit,
    )
    if not found:
        error("no quotes found")
    write_records(
        found,
        args.format,
        as_dict=quote_to_dict,
        table=print_quotes,
        csv_row=quote_row,
        csv_columns=QUOTE_COLUMNS,
    )
    return 0
