"""``onrecord demo``: the main job on the built-in example articles."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from importlib import resources
from typing import TYPE_CHECKING

from onrecord import api
from onrecord.cli._tables import print_analysis, print_timeline
from onrecord.ingest.text import parse_text
from onrecord.model import Article, Issue

EXAMPLE_ISSUE = "examples/bridge-tolls.toml"

if TYPE_CHECKING:
    from onrecord.cli._output import Subparsers


def register(sub: Subparsers) -> None:
    p = sub.add_parser(
        "demo",
        help="analyse the built-in example articles and print who said what",
        description="Read the example articles shipped with onrecord (written for the "
        "project), find every attribution and print them as a table, then where each "
        "actor stands on the example issue (bridge-tolls.toml) across the articles.",
    )
    p.set_defaults(run=run)


def example_articles() -> Iterator[Article]:
    folder = resources.files("onrecord").joinpath("examples")
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".txt"):
            yield parse_text(
                entry.read_text(encoding="utf-8"), source=entry.name, external_id=entry.name
            )


def example_issue() -> Issue:
    with resources.as_file(resources.files("onrecord").joinpath(EXAMPLE_ISSUE)) as path:
        return api.load_issue(path)


def run(args: argparse.Namespace) -> int:
    issue = example_issue()
    analyses = list(api.analyze_many(example_articles(), issues=[issue]))
    for analysis in analyses:
        article = analysis.article
        published = article.published.isoformat() if article.published else "-"
        print(f"{article.outlet or '-'} · {', '.join(article.bylines) or '-'} · {published}")
        print_analysis(analysis)
    print_timeline(api.track_positions(analyses, issue).timeline(), issue)
    return 0
