"""``onrecord bench web``: server time of each API call and page, and search under load."""

from __future__ import annotations

import argparse
import json
import sys
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from onrecord.bench.web import WebBenchReport, bench_web
from onrecord.cli._args import positive
from onrecord.cli._output import error
from onrecord.cli.bench_store import _originals
from onrecord.cli.demo import EXAMPLE_ISSUE

if TYPE_CHECKING:
    Subparsers = argparse._SubParsersAction[argparse.ArgumentParser]


def register(which: Subparsers) -> None:
    p = which.add_parser(
        "web",
        help="the web app: server time of each API call and page, search with concurrent clients",
        description="Analyse a few real articles (INPUT, by default the built-in examples with "
        "their issue), store --articles copies of their analyses (as `bench store` does) in "
        "SQLite, or in the empty PostgreSQL database --postgres, serve the app with uvicorn "
        "on 127.0.0.1 in a process of its own, and measure: the server time of each API call "
        "and page (the median of its Server-Timing header over --repeat requests), then "
        "requests/s and the p50 and p99 latency of the quote search with --clients clients "
        "at once, each asking --requests times. Prints the load average beside the figures. "
        "See docs/web.md.",
    )
    p.add_argument("inputs", nargs="*", metavar="INPUT")
    p.add_argument("--issue", metavar="FILE", help="the issue file (default: the examples')")
    p.add_argument(
        "--articles", type=positive, default=5_000, metavar="N", help="articles to store"
    )
    p.add_argument("--postgres", metavar="URL", help="on this empty PostgreSQL database instead")
    p.add_argument("--repeat", type=positive, default=9, metavar="N", help="runs of each call")
    p.add_argument(
        "--clients", type=positive, default=16, metavar="N", help="concurrent search clients"
    )
    p.add_argument(
        "--requests", type=positive, default=50, metavar="N", help="searches each client asks"
    )
    p.add_argument(
        "--workers", type=positive, default=1, metavar="N", help="server processes (serve's)"
    )
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    originals = _originals(args.inputs)
    with resources.as_file(resources.files("onrecord").joinpath(EXAMPLE_ISSUE)) as example:
        report = bench_web(
            originals,
            Path(args.issue) if args.issue else example,
            articles=args.articles,
            postgres=args.postgres,
            repeat=args.repeat,
            clients=args.clients,
            requests=args.requests,
            workers=args.workers,
            progress=error,
        )
    if args.json:
        print(json.dumps(report.to_dict(), indent=2))
    else:
        print_report(report)
    return 0


def print_report(report: WebBenchReport, out: TextIO = sys.stdout) -> None:
    print(
        f"{report.dialect}: {report.articles} articles, {report.attributions} attributions, "
        f"{report.actors} actors; {report.workers} server process(es)",
        file=out,
    )
    header = f"{'call':30} {'status':>6} {'server ms':>9} {'max ms':>7} {'wall ms':>7}"
    print(f"{header} {'bytes':>8}", file=out)
    for c in report.calls:
        print(
            f"{c.name:30} {c.status:6d} {c.server_ms:9.1f} {c.max_server_ms:7.1f} "
            f"{c.wall_ms:7.1f} {c.bytes:8d}",
            file=out,
        )
    load = report.load
    cpu = f"{load.server_cpu_seconds:.1f} s" if load.server_cpu_seconds is not None else "n/a"
    print(
        f"search, {load.clients} clients: {load.requests} requests ({load.failed} failed) in "
        f"{load.seconds:.1f} s: {load.requests_per_second:.1f} requests/s, p50 "
        f"{load.p50_ms:.0f} ms, p99 {load.p99_ms:.0f} ms; server CPU {cpu}",
        file=out,
    )
    averages = "; ".join(
        f"{when} {a:.2f} {b:.2f} {c:.2f}" for when, (a, b, c) in report.load_average.items()
    )
    print(f"load average (1, 5, 15 min): {averages}", file=out)
