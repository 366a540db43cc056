"""``onrecord bench store``: ingest throughput, database size and query latency."""

from __future__ import annotations

import argparse
import json
import sys
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from onrecord import api
from onrecord.bench.store import StoreBenchReport, StoreFigures, bench_store
from onrecord.cli._args import positive
from onrecord.cli._output import error
from onrecord.cli.demo import EXAMPLE_ISSUE, example_articles
from onrecord.model import Article

if TYPE_CHECKING:
    Subparsers = argparse._SubParsersAction[argparse.ArgumentParser]


def register(which: Subparsers) -> None:
    p = which.add_parser(
        "store",
        help="the store: ingest throughput with and without the NLP, size, query latency",
        description="Analyse a few real articles (INPUT, by default the built-in examples "
        "with their issue) and measure, on SQLite and (with --postgres) on PostgreSQL: "
        "ingest throughput with the NLP (analysing and storing copies of them with new "
        "texts) and what storing adds to analysing; ingest throughput without the NLP "
        "(storing --articles copies of their analyses, with varied dates, outlets and "
        "speakers); the database size per 1,000 articles; and the median latency of "
        "`quotes --speaker`, `quotes --about` and `positions --as-of` on that store. "
        "See docs/queries.md for the generator and the figures.",
    )
    p.add_argument("inputs", nargs="*", metavar="INPUT")
    p.add_argument("--issue", metavar="FILE", help="the issue file (default: the examples')")
    p.add_argument("--articles", type=positive, default=10_000, metavar="N", help="copies to store")
    p.add_argument(
        "--nlp-articles",
        type=positive,
        default=20,
        metavar="N",
        help="articles analysed (twice over) for the figures with the NLP",
    )
    p.add_argument(
        "--postgres", metavar="URL", help="also on this PostgreSQL database (it must be empty)"
    )
    p.add_argument("--repeat", type=positive, default=7, metavar="N", help="runs of each query")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    originals = _originals(args.inputs)
    with resources.as_file(resources.files("onrecord").joinpath(EXAMPLE_ISSUE)) as example:
        report = bench_store(
            originals,
            Path(args.issue) if args.issue else example,
            articles=args.articles,
            nlp_articles=args.nlp_articles,
            postgres=args.postgres,
            repeat=args.repeat,
            progress=error,
        )
    if args.json:
        print(json.dumps(report.to_dict(), indent=2))
    else:
        print_report(report)
    return 0


def print_report(report: StoreBenchReport, out: TextIO = sys.stdout) -> None:
    print(f"originals: {', '.join(report.originals)}; issue {report.issue}", file=out)
    asked = ", ".join(f"{k} {v!r}" for k, v in report.queries.items() if k != "issue")
    print(f"queries: {asked}", file=out)
    for figures in report.stores:
        _print_store(figures, out)


def _print_store(f: StoreFigures, out: TextIO) -> None:
    print(f"\n== {f.dialect}", file=out)
    if f.nlp is not None:
        n = f.nlp
        print(
            f"with the NLP: {n.articles} articles, {n.attributions} attributions in "
            f"{n.ingest_seconds:.1f} s: {n.articles_per_second:.2f} articles/s, "
            f"{n.attributions_per_second:.1f} attributions/s; analysing {n.articles} took "
            f"{n.analyse_seconds:.1f} s, storing their analyses {n.store_seconds:.2f} s "
            f"(storing adds {n.storing_adds:.1%}; in CPU time {n.store_cpu_seconds:.2f} s "
            f"of {n.analyse_cpu_seconds:.2f} s, {n.storing_adds_cpu:.1%})",
            file=out,
        )
    print(
        f"without the NLP: {f.articles} articles, {f.attributions} attributions, "
        f"{f.positions} positions, {f.actors} actors in {f.seconds:.1f} s "
        f"(storing {f.store_seconds:.1f} s, resolving actors {f.resolve_seconds:.1f} s): "
        f"{f.articles_per_second:.0f} articles/s, {f.attributions_per_second:.0f} "
        "attributions/s",
        file=out,
    )
    print(
        f"size: {f.size_bytes / 1e6:.1f} MB for {f.stored_articles} articles, "
        f"{f.megabytes_per_1000_articles:.1f} MB per 1,000",
        file=out,
    )
    for name, ms in f.latency_ms.items():
        cpu = f.cpu_ms[name]
        print(f"{name:28} {ms:7.1f} ms (CPU {cpu:6.1f} ms)  {f.rows[name]} rows", file=out)


def _originals(inputs: list[str]) -> list[Article]:
    if not inputs:
        return list(example_articles())
    found = []
    for item in api.read_many(inputs):
        if isinstance(item, Article):
            found.append(item)
        else:
            error(str(item))
    return found
