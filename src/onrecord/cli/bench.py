"""``onrecord bench``: throughput and memory against a reference peer."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, TextIO

from onrecord.bench import BenchReport, SystemFigures, bench_polnear
from onrecord.cli import bench_robustness, bench_scale, bench_store, bench_web
from onrecord.cli._args import positive
from onrecord.cli._output import error

if TYPE_CHECKING:
    from onrecord.cli._output import Subparsers


def register(sub: Subparsers) -> None:
    p = sub.add_parser(
        "bench", help="measure throughput and memory against a reference peer, and the store"
    )
    which = p.add_subparsers(dest="dataset", metavar="DATASET", required=True)
    polnear = which.add_parser(
        "polnear",
        help="onrecord vs textacy's direct quotations on a PolNeAR-style split",
        description="Run the full analyze path (read, analyse, serialise) on DIR/SPLIT/text/*.txt, "
        "then textacy's direct_quotations over the full en_core_web_sm pipeline on the same "
        "texts; each in a fresh process with one thread, one after the other. Prints "
        "articles/second (after loading), load time and peak RSS of each, and the ratio. "
        "With --issue, onrecord also runs with positions extraction on that issue (in a "
        "fresh process of its own, same texts), and the positions it produces are counted.",
    )
    polnear.add_argument("--data", required=True, metavar="DIR")
    polnear.add_argument("--split", required=True, metavar="SPLIT")
    polnear.add_argument(
        "--repeat", type=positive, default=1, metavar="N", help="rounds to run; medians are shown"
    )
    polnear.add_argument(
        "--issue",
        metavar="FILE",
        help="also run onrecord extracting positions on this issue file; shows its speed, "
        "peak RSS, the positions stage's added time (median over the rounds) and the "
        "positions produced",
    )
    polnear.add_argument("--json", action="store_true", help="print the figures as JSON")
    polnear.set_defaults(run=run)
    bench_store.register(which)
    bench_web.register(which)
    bench_robustness.register(which)
    bench_scale.register(which)


def run(args: argparse.Namespace) -> int:
    report = bench_polnear(
        args.data, args.split, repeat=args.repeat, issue=args.issue, progress=error
    )
    if report.textacy_missing:
        error(f"warning: the reference peer was not run: {report.textacy_missing}")
    if args.json:
        print(json.dumps(report.to_dict(), indent=2))
    else:
        print_table(report)
    return 0


def print_table(report: BenchReport, out: TextIO = sys.stdout) -> None:
    print(
        f"{report.dataset}: {report.onrecord.articles} articles, {report.repeat} round(s), "
        f"batch size {report.batch_size}, 1 thread, each system in its own process",
        file=out,
    )
    print(
        f"{'system':14} {'load s':>7} {'process s':>9} {'articles/s':>10} "
        f"{'peak RSS MB':>11} {'found':>6} {'failed':>6}  model",
        file=out,
    )
    for figures in (report.onrecord, report.with_issue, report.textacy):
        if figures is not None:
            print(_row(figures), file=out)
    if report.ratio is not None:
        print(f"throughput onrecord/textacy: {report.ratio:.2f}x", file=out)
    if report.with_issue is not None:
        _print_positions(report, report.with_issue, out)


def _print_positions(report: BenchReport, figures: SystemFigures, out: TextIO) -> None:
    overhead = report.positions_overhead
    added = f"{overhead:+.1f} %" if overhead is not None else "n/a"
    print(
        f"positions stage: {added} of analyze time without it "
        f"(median over {report.repeat} round(s), processing seconds)",
        file=out,
    )
    print(
        f"positions on {figures.issue}: {figures.positions} in all, "
        f"in {figures.articles_with_positions} of {figures.articles} articles",
        file=out,
    )


def _row(f: SystemFigures) -> str:
    # onrecord reports its component versions; show all but spaCy's own
    model = (
        f.model
        if isinstance(f.model, str)
        else " + ".join(v for k, v in f.model.items() if k != "spacy")
    )
    return (
        f"{f.label:14} {f.load_seconds:7.2f} {f.seconds:9.2f} {f.articles_per_second:10.2f} "
        f"{f.peak_rss_mb:11.1f} {f.found:6d} {f.failed:6d}  {model}"
    )
