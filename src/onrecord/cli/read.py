"""``onrecord read``: documents in, Article records out.

Articles go to stdout; each document that failed goes to stderr as
``onrecord: DOCUMENT: REASON`` and the batch goes on. Exit status 1 when
anything failed, else 0.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from onrecord.cli._analyses import InputMetadata, add_input_options
from onrecord.cli._output import add_format_option, cell_width, clip
from onrecord.errors import ReadError
from onrecord.ingest import read_many
from onrecord.model import Article
from onrecord.settings import Settings

__all__ = ["register"]

PREVIEW_CHARS = 100


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "read",
        help="read articles from files, directories, URLs, feeds, WARC or JSONL",
        description="Read news articles and print them as Article records.",
    )
    parser.add_argument("sources", nargs="+", metavar="PATH_OR_URL", help="input; '-' is stdin")
    add_format_option(parser, tuple(WRITERS), "json")
    add_input_options(parser)
    parser.add_argument("--max-bytes", type=int, metavar="N", help="largest document read")
    parser.add_argument(
        "--allow-private",
        action="store_true",
        help="allow URLs on loopback and private networks",
    )
    parser.add_argument(
        "--follow-links",
        action="store_true",
        help="fetch the linked page of feed entries that carry no full content",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    overrides = {
        "max_bytes": args.max_bytes,
        "allow_private_addresses": True if args.allow_private else None,
    }
    meta = InputMetadata.from_args(args)
    settings = Settings.load(overrides)
    outcomes = read_many(
        args.sources,
        settings,
        follow_links=args.follow_links,
        manifest=meta.manifest,
        published=meta.published,
    )
    failures = 0

    def articles() -> Iterator[Article]:
        nonlocal failures
        for outcome in outcomes:
            if isinstance(outcome, ReadError):
                failures += 1
                print(f"onrecord: {outcome.document}: {outcome.reason}", file=sys.stderr)
            else:
                yield outcome

    WRITERS[args.format](articles(), sys.stdout)
    return 1 if failures else 0


def write_json(articles: Iterable[Article], out: TextIO) -> None:
    # Streamed item by item so a large batch is never held in memory.
    out.write("[")
    for number, article in enumerate(articles):
        out.write(",\n" if number else "\n")
        out.write(_indented(json.dumps(article.to_dict(), ensure_ascii=False, indent=2)))
    out.write("\n]\n")


def _indented(block: str) -> str:
    return "\n".join("  " + line for line in block.splitlines())


def write_jsonl(articles: Iterable[Article], out: TextIO) -> None:
    for article in articles:
        out.write(json.dumps(article.to_dict(), ensure_ascii=False) + "\n")


def write_text(articles: Iterable[Article], out: TextIO) -> None:
    for article in articles:
        out.write(_summary(article) + "\n\n")


def _summary(article: Article) -> str:
    counts = Counter(block.kind.value for block in article.blocks)
    fields = {
        "title": article.title,
        "outlet": article.outlet,
        "url": article.url,
        "bylines": ", ".join(article.bylines) or None,
        "published": article.published.isoformat() if article.published else None,
        "updated": article.updated.isoformat() if article.updated else None,
        "language": article.language,
        "blocks": ", ".join(f"{n} {kind}" for kind, n in counts.items()),
    }
    lines = [f"== {article.name}  (id {article.id}, {len(article.text)} chars)"]
    lines += [f"{key + ':':<11}{value}" for key, value in fields.items() if value]
    for block in article.blocks:
        preview = clip(article.text[block.start : block.end], cell_width(PREVIEW_CHARS))
        credit = f"  [credit: {block.credit}]" if block.credit else ""
        lines.append(f"  {block.kind.value:<12}{preview}{credit}")
    return "\n".join(lines)


WRITERS = {"json": write_json, "jsonl": write_jsonl, "text": write_text}
