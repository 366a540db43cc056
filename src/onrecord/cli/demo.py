"""``onrecord demo``: the main job on the built-in example articles, through the store."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from importlib import resources
from typing import TYPE_CHECKING

from onrecord import api
from onrecord.cli._output import error
from onrecord.cli._tables import print_analysis, print_timeline
from onrecord.ingest.text import parse_text
from onrecord.model import Article

EXAMPLE_ISSUE = "examples/bridge-tolls.toml"
DEMO_DB = "onrecord-demo.db"

if TYPE_CHECKING:
    from onrecord.cli._output import Subparsers


def register(sub: Subparsers) -> None:
    p = sub.add_parser(
        "demo",
        help="store the built-in example articles and print who said what",
        description="Read the example articles shipped with onrecord (written for the "
        "project), find every attribution and where each actor stands on the example "
        f"issue (bridge-tolls.toml), store them in an SQLite file ({DEMO_DB} in the "
        "working directory, kept for later use), and print from it who said what and the "
        "tracker of the issue. Run again, it stores nothing twice.",
    )
    p.add_argument(
        "--db", default=DEMO_DB, metavar="URL", help=f"the database (default: {DEMO_DB})"
    )
    p.set_defaults(run=run)


def example_articles() -> Iterator[Article]:
    folder = resources.files("onrecord").joinpath("examples")
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".txt"):
            yield parse_text(
                entry.read_text(encoding="utf-8"), source=entry.name, external_id=entry.name
            )


def run(args: argparse.Namespace) -> int:
    with resources.as_file(resources.files("onrecord").joinpath(EXAMPLE_ISSUE)) as path:
        issue = api.load_issue(path)
        summary = api.ingest_articles(example_articles(), db=args.db, issues=[path])
    # The example articles stored by an older onrecord are analysed again.
    api.reanalyze(db=args.db)
    for failure in summary.failures:
        error(f"{failure.document}: {failure.reason}")
    with api.open_store(args.db) as store:
        analyses = list(store.analyses())
    for analysis in analyses:
        article = analysis.article
        published = article.published.isoformat() if article.published else "-"
        print(f"{article.outlet or '-'} · {', '.join(article.bylines) or '-'} · {published}")
        print_analysis(analysis)
    print_timeline(api.track_positions(analyses, issue).timeline(), issue)
    print(f"\nStored in {summary.db}: `onrecord ingest --db {args.db} ARTICLES…` adds to it.")
    return 1 if summary.failures else 0
