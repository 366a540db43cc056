"""``onrecord actor``: one stored actor's roles over time, positions and quotes."""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING

from onrecord import api
from onrecord.cli._output import add_format_option, write_csv
from onrecord.cli._reading import add_db_option, print_profile
from onrecord.query import ActorProfile, Row

if TYPE_CHECKING:
    from onrecord.cli._output import Subparsers

FORMATS = ("table", "json", "csv")
# CSV: one row per role, position and quote, told apart by "section".
CSV_COLUMNS = ("section", "day", "until", "what", "detail", "outlet", "article", "id")


def register(sub: Subparsers) -> None:
    p = sub.add_parser(
        "actor",
        help="one stored actor: roles over time, positions, quotes",
        description="Show one actor of the store: its names, the roles articles gave it "
        "(first and last day of each), its positions on every issue the store follows (in "
        "date order, shifts marked) and everything it said (oldest first). NAME is its id, "
        "its name or any alias, case and accents aside (`onrecord actors --search` finds "
        "them). CSV gives one row per role, position and quote. See docs/queries.md.",
    )
    p.add_argument("name", metavar="NAME")
    add_db_option(p)
    add_format_option(p, FORMATS, "table")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    profile = api.actor(args.name, args.db)
    if args.format == "table":
        print_profile(profile)
    elif args.format == "json":
        print(json.dumps(profile.to_dict(), ensure_ascii=False, indent=2))
    else:
        write_csv(csv_rows(profile), CSV_COLUMNS)
    return 0


def csv_rows(profile: ActorProfile) -> Iterator[Row]:
    """Its roles, positions and quotes as rows of one table, in that order."""
    for spell in profile.roles:
        what = {"what": spell.role, "detail": f"{spell.articles} articles"}
        yield _row("role", spell.first, until=spell.last, **what)
    for item in profile.positions:
        what = {"what": item.issue, "detail": item.stance, "article": "; ".join(item.articles)}
        yield _row("position", item.as_of, **what)
    for quote in profile.quotes:
        yield _row(
            "quote",
            quote.day,
            what=quote.kind,
            detail=quote.content,
            outlet=quote.outlet,
            article=quote.article,
            id=quote.id,
        )


def _row(section: str, day: date | None, **values: object) -> Row:
    return {"section": section, "day": day, **{c: values.get(c) for c in CSV_COLUMNS[2:]}}
