"""What the commands that read the store share: the ``--db`` option, days as
arguments, and their tables' columns and printers."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from datetime import date
from typing import TextIO

from onrecord.cli._output import Column, clip, print_rows
from onrecord.errors import ConfigError
from onrecord.query import (
    ACTOR_COLUMNS,
    ActorProfile,
    QuoteProvenance,
    Row,
    SourceShare,
    actor_row,
    carrier_row,
    quote_row,
    source_row,
    tracked_position_summary,
)
from onrecord.resolve import RegistryEntry
from onrecord.store import StoredQuote

FORMATS = ("table", "json", "jsonl", "csv")

# One line a quote: its id (for `onrecord provenance`), day, outlet, speaker, content.
QUOTES = (
    Column("id", "ID", 6, right=True),
    Column("day", "DAY", 10),
    Column("outlet", "OUTLET", 18),
    Column("speaker", "SPEAKER", 28),
    Column("kind", "KIND", 8),
    Column("act", "ACT", 9),
    Column("content", "CONTENT", 70),
)
# One line an article that carried a quote; "*" marks where it was first seen.
CARRIERS = (
    Column("first", "1ST", 3, blank=""),
    Column("id", "ID", 6, right=True),
    Column("day", "DAY", 10),
    Column("outlet", "OUTLET", 18),
    Column("speaker", "SPEAKER", 28),
    Column("content", "CONTENT", 70),
)
SOURCES = (
    Column("by", "BY", 12),
    Column("group", "GROUP", 28),
    Column("quotes", "QUOTES", 6, right=True),
    Column("share", "SHARE", 6, right=True),
    Column("named", "NAMED", 6, right=True),
    Column("anonymous", "ANON", 6, right=True),
    Column("unknown", "UNKNOWN", 7, right=True),
    Column("anonymous_share", "ANON SHARE", 10, right=True),
)
ROLES = (
    Column("role", "ROLE", 40),
    Column("first", "FIRST", 10),
    Column("last", "LAST", 10),
    Column("articles", "ARTICLES", 8, right=True),
)
POSITIONS = (
    Column("issue", "ISSUE", 24),
    Column("stance", "STANCE", 20),
    Column("as_of", "AS OF", 10),
    Column("shift", "SHIFT", 20, blank=""),
    Column("articles", "ARTS", 4, right=True),
    Column("evidence", "EVIDENCE", 70),
)


# The store's actors: the columns of `onrecord actors` on files, then every alias.
STORE_ACTORS = (
    Column("id", "ID", 30),
    Column("name", "NAME", 30),
    Column("type", "TYPE", 12),
    Column("mentions", "MENTIONS", 8, right=True),
    Column("articles", "ARTICLES", 8, right=True),
    Column("roles", "ROLES", 40),
    Column("aliases", "ALIASES", 60),
)


def add_db_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--db",
        metavar="URL",
        help="the database: an SQLite file path or a postgresql:// URL "
        "(default: the db setting, ONRECORD_DB, else onrecord.db)",
    )


def parse_day(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"{option} {value!r} is not a date; give it as YYYY-MM-DD") from None


ACTOR_CSV_COLUMNS = (*ACTOR_COLUMNS, "aliases")


def actor_csv_row(entry: RegistryEntry) -> Row:
    """An actor as `onrecord actors` shows it, with every alias (joined by "; ")."""
    return {**actor_row(entry), "aliases": "; ".join(entry.aliases)}


def print_store_actors(entries: Iterable[RegistryEntry], out: TextIO | None = None) -> None:
    print_rows(map(actor_csv_row, entries), STORE_ACTORS, out)


def print_quotes(quotes: Iterable[StoredQuote], out: TextIO | None = None) -> None:
    print_rows(map(quote_row, quotes), QUOTES, out)


def print_provenance(found: QuoteProvenance, out: TextIO | None = None) -> None:
    out = out or sys.stdout
    first = found.first_seen
    print(f"== quote {found.quote.id}  “{clip(found.quote.content, 90)}”", file=out)
    place = ", ".join(p for p in (first.outlet, first.article) if p)
    print(f"first seen: {_iso(first.published)}  {place}  (quote {first.id})", file=out)
    if found.cluster is None:
        print("carried by: this article alone (the quote is in no cluster)", file=out)
    else:
        outlets = ", ".join(found.outlets) or "-"
        print(f"carried by: {len(found.carried_by)} articles; outlets: {outlets}", file=out)
    print_rows((carrier_row(found, q) for q in found.carried_by), CARRIERS, out)


def print_sources(shares: Iterable[SourceShare], out: TextIO | None = None) -> None:
    print_rows(map(source_row, shares), SOURCES, out)


def print_profile(profile: ActorProfile, out: TextIO | None = None) -> None:
    """The actor's heading and aliases, then its roles, positions and quotes."""
    out = out or sys.stdout
    entry = profile.entry
    actor = entry.actor
    print(f"== {actor.name}  ({actor.type.value}, id {actor.id})", file=out)
    details = [
        ("role", actor.role),
        ("affiliation", actor.affiliation),
        ("aliases", "; ".join(entry.aliases)),
        ("quoted", f"{entry.mentions} mentions in {len(entry.articles)} articles"),
    ]
    for label, value in details:
        print(f"{label + ':':13}{value or '-'}", file=out)
    print(f"\nroles ({len(profile.roles)}):", file=out)
    print_rows((spell.to_dict() for spell in profile.roles), ROLES, out)
    print(f"\npositions ({len(profile.positions)}):", file=out)
    rows = ({**tracked_position_summary(p), "issue": p.issue} for p in profile.positions)
    print_rows(rows, POSITIONS, out)
    print(f"\nquotes ({len(profile.quotes)}):", file=out)
    print_quotes(profile.quotes, out)


def _iso(day: date | None) -> str:
    return day.isoformat() if day else "undated"
