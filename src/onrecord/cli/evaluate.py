"""``onrecord eval``: score the system on annotated data."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from onrecord.evaluate import format_report, format_topical_report

if TYPE_CHECKING:
    from onrecord.cli._output import Subparsers


def register(sub: Subparsers) -> None:
    p = sub.add_parser("eval", help="score the system on annotated data")
    which = p.add_subparsers(dest="dataset", metavar="DATASET", required=True)

    polnear = which.add_parser(
        "polnear",
        help="attribution scores on a PolNeAR-style split",
        description="Analyse DIR/SPLIT/text/*.txt and score against DIR/SPLIT/attributions/*.ann "
        "(first annotator per article).",
    )
    polnear.add_argument("--data", required=True, metavar="DIR")
    polnear.add_argument("--split", required=True, metavar="SPLIT")
    polnear.add_argument("--predictions", metavar="OUT.jsonl", help="write predictions here")
    polnear.add_argument("--limit", type=int, help="only the first N articles (sorted by id)")
    polnear.add_argument("--json", action="store_true", help="print the scores as JSON")
    polnear.set_defaults(run=run_polnear)

    agreement = which.add_parser(
        "agreement",
        help="how far a PolNeAR-style split's annotators agree with one another",
        description="Score every other annotator of DIR/SPLIT/attributions/*.ann against the "
        "first annotator (the gold of `eval polnear`), on the articles annotated more than "
        "once, in the same metrics: the ceiling the annotations set for a system.",
    )
    agreement.add_argument("--data", required=True, metavar="DIR")
    agreement.add_argument("--split", required=True, nargs="+", metavar="SPLIT")
    agreement.add_argument("--json", action="store_true", help="print the scores as JSON")
    agreement.set_defaults(run=run_agreement)

    topical = which.add_parser(
        "topical",
        help="attribution (and position) scores on a topical-dev style folder",
        description="Analyse DIR/articles/*.txt and score against DIR/gold/*.json. With "
        "--issue, also score positions on that issue: P/R/F1 of (actor, coarse stance) and "
        "of (actor, coarse stance, as_of), and the accuracy of the fine labels on the matched "
        "pairs.",
    )
    topical.add_argument("--data", required=True, metavar="DIR")
    topical.add_argument(
        "--issue",
        metavar="FILE",
        help="an issue file (TOML) whose labels the gold positions use; adds position scores",
    )
    topical.add_argument("--json", action="store_true", help="print the scores as JSON")
    topical.set_defaults(run=run_topical)


def run_polnear(args: argparse.Namespace) -> int:
    from onrecord.evaluate.polnear import evaluate_polnear

    result = evaluate_polnear(
        args.data, args.split, predictions_path=args.predictions, limit=args.limit
    )
    if args.json:
        print(json.dumps(result.report.to_dict(), indent=2))
    else:
        print(format_report(result.report))
        n, seconds = result.report.documents, result.seconds
        print(f"\n{n} articles in {seconds:.1f} s ({n / max(seconds, 1e-9):.1f} articles/s)")
    return 0


def run_agreement(args: argparse.Namespace) -> int:
    from onrecord.evaluate import load_annotators, score_agreement

    documents = [d for split in args.split for d in load_annotators(args.data, split)]
    result = score_agreement(documents)
    if args.json:
        print(json.dumps({"articles": result.articles} | result.report.to_dict(), indent=2))
    else:
        print(f"{result.articles} articles annotated more than once; every other annotator")
        print("scored against the first, as if it were a system:")
        print(format_report(result.report, counted="annotator pairs"))
    return 0


def run_topical(args: argparse.Namespace) -> int:
    from onrecord.evaluate.topical_run import evaluate_topical
    from onrecord.issues import load_issue

    issue = load_issue(args.issue) if args.issue else None
    report = evaluate_topical(args.data, issue=issue)
    print(json.dumps(report.to_dict(), indent=2) if args.json else format_topical_report(report))
    return 0
