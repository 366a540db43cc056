"""``onrecord bench robustness`` (the pathological inputs at full size, time and memory)
and ``onrecord bench fuzz`` (hostile documents through read and analyze, counted)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any, TextIO

from onrecord.bench.fuzz import FuzzReport, fuzz
from onrecord.bench.robustness import RobustnessReport, bench_robustness
from onrecord.cli._output import error

if TYPE_CHECKING:
    Subparsers = argparse._SubParsersAction[argparse.ArgumentParser]


def register(which: Subparsers) -> None:
    p = which.add_parser(
        "robustness",
        help="hostile inputs at full size: time and peak memory per probe, the growth curve",
        description="Run each probe of issue 21 in a fresh process of its own and report "
        "its wall and CPU seconds (after the pipeline is loaded and the input generated) "
        "and its peak RSS: 50,000 quotation marks; articles of 1x, 4x, 16x, 64x and 256x a "
        "typical length and one of 5 MB; 10^3, 10^4 and 10^5 bare quotation marks and "
        "10^3 and 10^4 in attributed quotes; a fetch from a slow-loris server on "
        "127.0.0.1. Then the growth exponent from 16x to 256x (CPU time) and the "
        "issue's acceptance checks. See docs/robustness.md.",
    )
    p.add_argument(
        "--scale",
        type=_positive_float,
        default=1.0,
        metavar="F",
        help="multiply every size by F (default 1: the full sizes; 0.01 for a quick look)",
    )
    p.add_argument(
        "--deadline",
        type=_positive_float,
        default=5.0,
        metavar="S",
        help="the slow-loris fetch's fetch_deadline, in seconds (default 5)",
    )
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    p.set_defaults(run=run)
    _register_fuzz(which)


def _register_fuzz(which: Subparsers) -> None:
    p = which.add_parser(
        "fuzz",
        help="hostile documents through read and analyze: crashes and invalid offsets",
        description="Generate N hostile documents from SEED (text, HTML, JSON Lines, WARC, "
        "RSS; built from news-like text and hostile pieces, half of them damaged) and read "
        "each with the batch reader, then analyse M articles (those read, then short "
        "generated texts). Counts texts read, articles, read errors, crashes (an "
        "exception, or an 'internal error' or 'analysis failed' caught by a safety net), "
        "invalid articles, spans and invalid offsets; exits 1 when any crash, invalid "
        "article or invalid offset is seen. The nightly size: --read 100000 --analyze "
        "10000 (docs/robustness.md).",
    )
    p.add_argument("--read", type=_count, default=10_000, metavar="N", help="documents to read")
    p.add_argument("--analyze", type=_count, default=1_000, metavar="M", help="articles to analyse")
    p.add_argument("--seed", type=int, default=0, metavar="S", help="the generator's seed")
    p.add_argument("--json", action="store_true", help="print the counts as JSON")
    p.set_defaults(run=run_fuzz)


def run_fuzz(args: argparse.Namespace) -> int:
    report = fuzz(read=args.read, analyze=args.analyze, seed=args.seed, progress=error)
    if args.json:
        print(json.dumps(report.to_dict(), indent=2))
    else:
        print_fuzz(report)
    bad = report.crashes + report.invalid_articles + report.invalid_offsets
    return 1 if bad else 0


def print_fuzz(report: FuzzReport, out: TextIO = sys.stdout) -> None:
    r = report
    print(
        f"seed {r.seed}: {r.texts_read:,} texts read: {r.articles:,} articles, "
        f"{r.read_errors:,} read errors, {r.read_crashes} crashes, "
        f"{r.invalid_articles} invalid articles",
        file=out,
    )
    print(
        f"{r.analysed:,} articles analysed: {r.spans:,} spans, {r.invalid_offsets} invalid "
        f"offsets, {r.analysis_crashes} crashes, {r.analysis_errors} refused by a limit",
        file=out,
    )
    for sample in r.crash_samples:
        print(f"  {sample}", file=out)


def run(args: argparse.Namespace) -> int:
    report = bench_robustness(scale=args.scale, deadline=args.deadline, progress=error)
    if args.json:
        print(json.dumps(report.to_dict(), indent=2))
    else:
        print_report(report)
    return 0


def print_report(report: RobustnessReport, out: TextIO = sys.stdout) -> None:
    print(
        f"{'probe':44} {'chars':>10} {'marks':>7} {'wall s':>8} {'CPU s':>8} "
        f"{'peak RSS MB':>11} {'loaded MB':>9}  outcome",
        file=out,
    )
    for p in report.probes:
        print(_row(p), file=out)
    exponent = report.growth_exponent
    shown = "n/a" if exponent is None else f"{exponent:.2f}"
    print(f"growth exponent 16x -> 256x (CPU time): {shown}", file=out)
    for check, passed in report.checks().items():
        verdict = "not run" if passed is None else ("yes" if passed else "NO")
        print(f"{check}: {verdict}", file=out)


def _row(p: dict[str, Any]) -> str:
    if p["probe"] == "slow-loris":
        outcome = f"cut off at the {p['deadline_seconds']:g} s deadline" if p["error"] else "read"
    elif p.get("error"):
        outcome = f"refused: {p['error']}"
    else:
        outcome = f"{p['attributions']} attributions"
    chars = f"{p['chars']:,}" if "chars" in p else "-"
    marks = f"{p['marks']:,}" if "marks" in p else "-"
    return (
        f"{p['label']:44} {chars:>10} {marks:>7} {p['wall_seconds']:8.2f} "
        f"{p['cpu_seconds']:8.2f} {p['peak_rss_mb']:11.1f} {p['rss_loaded_mb']:9.1f}  {outcome}"
    )


def _count(value: str) -> int:
    number = int(value)
    if number < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return number


def _positive_float(value: str) -> float:
    number = float(value)
    if not number > 0:
        raise argparse.ArgumentTypeError("must be more than 0")
    return number
