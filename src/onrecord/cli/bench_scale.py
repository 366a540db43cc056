"""``onrecord bench scale``: the batch engines' throughput with 1 and 2 workers."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, TextIO

from onrecord import api
from onrecord.bench.scale import ScaleReport, ScaleRun, bench_scale
from onrecord.cli._args import positive
from onrecord.cli._output import error
from onrecord.model import Article

if TYPE_CHECKING:
    Subparsers = argparse._SubParsersAction[argparse.ArgumentParser]


def register(which: Subparsers) -> None:
    p = which.add_parser(
        "scale",
        help="the batch engines: articles/s with 1 and 2 local workers and Spark local[1], "
        "local[2]",
        description="Make a corpus of --articles copies of the INPUT articles (JSONL shards) "
        "and run `onrecord batch` on it with 1 and 2 local workers, then with Spark "
        "local[1] and local[2] (left out when pyspark or Java is missing), each in a fresh "
        "process, one after the other. Prints articles/s (the whole run, pipeline loading "
        "included), the CPU seconds per article, the peak RSS per worker, the speedup of 2 "
        "workers over 1 and the speedup projected for 2 idle cores from CPU time, with "
        "the load average before and after. See docs/scale.md.",
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT")
    p.add_argument(
        "--articles", type=positive, default=200, metavar="N", help="articles in the corpus"
    )
    p.add_argument("--issue", metavar="FILE", help="also find positions on this issue")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    originals = [a for a in api.read_many(args.inputs) if isinstance(a, Article)]
    report = bench_scale(
        originals, articles=args.articles, inputs=args.inputs, issue=args.issue, progress=error
    )
    if args.json:
        print(json.dumps(report.to_dict(), indent=2))
    else:
        print_report(report)
    return 0


def print_report(report: ScaleReport, out: TextIO = sys.stdout) -> None:
    before = " ".join(f"{x:.2f}" for x in report.load_before)
    after = " ".join(f"{x:.2f}" for x in report.load_after)
    print(
        f"{report.articles} articles from {', '.join(report.inputs) or 'the inputs'}; "
        f"{report.cores} cores; load average {before} before, {after} after",
        file=out,
    )
    print(
        f"{'run':17} {'seconds':>8} {'articles/s':>10} {'CPU s':>7} {'CPU ms/article':>14} "
        f"{'peak RSS/worker MB':>18} {'driver MB':>9} {'JVM MB':>7}",
        file=out,
    )
    for run in report.runs:
        print(_row(run), file=out)
    for name, reason in report.not_run.items():
        print(f"{name}: not run: {reason}", file=out)
    for engine in ("local", "spark"):
        _print_speedup(report, engine, out)
    if max(report.load_before[0], report.load_after[0]) > 0.5:
        print(
            "the machine was busy: wall-clock ratios understate the speedup; compare CPU "
            "ms/article, and rerun on an idle machine for the ratio",
            file=out,
        )


def _row(run: ScaleRun) -> str:
    return (
        f"{run.label:17} {run.seconds:8.1f} {run.articles_per_second:10.2f} "
        f"{run.cpu_seconds:7.1f} {run.cpu_ms_per_article:14.1f} "
        f"{run.peak_rss_mb_per_worker:18.1f} {run.main_rss_mb:9.1f} {run.jvm_rss_mb:7.1f}"
    )


def _print_speedup(report: ScaleReport, engine: str, out: TextIO) -> None:
    speedup, projected = report.speedup(engine), report.projected_speedup(engine)
    if speedup is None or projected is None:
        return
    print(
        f"{engine}: 2 workers {speedup:.2f}x 1 worker (wall clock); "
        f"{projected:.2f}x projected for 2 idle cores (CPU time)",
        file=out,
    )
