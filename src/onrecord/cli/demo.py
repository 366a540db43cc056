"""``onrecord demo``: the main job on the built-in example articles."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from importlib import resources
from typing import TYPE_CHECKING

from onrecord import api
from onrecord.cli.analyze import print_table
from onrecord.ingest.text import parse_text
from onrecord.model import Article

if TYPE_CHECKING:
    from onrecord.cli._output import Subparsers


def register(sub: Subparsers) -> None:
    p = sub.add_parser(
        "demo",
        help="analyse the built-in example articles and print who said what",
        description="Read the example articles shipped with onrecord (written for the "
        "project), find every attribution and print them as a table.",
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
    for analysis in api.analyze_many(example_articles()):
        article = analysis.article
        published = article.published.isoformat() if article.published else "-"
        print(f"{article.outlet or '-'} · {', '.join(article.bylines) or '-'} · {published}")
        print_table(analysis)
    return 0
