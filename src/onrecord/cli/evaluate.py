"""``onrecord eval``: score the system on annotated data."""

from __future__ import annotations

import argparse
import dataclasses
import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from onrecord.errors import ConfigError
from onrecord.evaluate import format_report, format_topical_report
from onrecord.evaluate.topical_sets import DataSet

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

    acts = which.add_parser(
        "acts",
        help="act accuracy on the hand-labelled act gold, per part, with a confusion table",
        description="The act (docs/acts.md) the system gives each cue of the act gold, a "
        "sample of PolNeAR dev and issues-dev cues labelled by hand, against its label: "
        "accuracy and a confusion table for each part (tune: developed on; held: labelled "
        "last, never tuned on). DIR holds polnear/ and issues-dev/.",
    )
    acts.add_argument("--data", required=True, metavar="DIR")
    acts.add_argument("--gold", metavar="FILE", help="another act gold file (the same columns)")
    acts.add_argument("--json", action="store_true", help="print the scores as JSON")
    acts.set_defaults(run=run_acts)

    topical = which.add_parser(
        "topical",
        help="attribution and position scores on topical-dev style folders, per set and macro",
        description="Analyse DIR/articles/*.txt and score against DIR/gold/*.json, for each "
        "--data DIR. Each set's positions are scored on the --issue FILE given after its "
        "--data, else on DIR/issue.toml when there is one (else attributions only): P/R/F1 "
        "of (actor, coarse stance) and of (actor, coarse stance, as_of), and each gold "
        "position and prediction in one class (correct, wrong date, wrong coarse, wrong "
        "actor, missed, spurious; docs/evaluation.md defines them). Prints the figures per "
        "set and their macro average. With one --data and neither --format nor --errors, "
        "prints the per-language report of one set as before (--json: the same as JSON).",
    )
    topical.add_argument(
        "--data",
        action=_AddSet,
        metavar="DIR",
        dest="sets",
        help="a topical data set (repeatable)",
    )
    topical.add_argument(
        "--issue",
        action=_SetIssue,
        metavar="FILE",
        dest="sets",
        help="the issue file (TOML) of the --data (or --held-out) just before it",
    )
    topical.add_argument(
        "--held-out",
        action=_AddSet,
        metavar="DIR",
        dest="sets",
        help="a check set (repeatable): scored, but shown only as its figures on a line of its "
        "own, kept out of the macro average, its errors never classified or listed",
    )
    topical.add_argument(
        "--format",
        choices=("table", "json"),
        help="the per-set report as tables or JSON (default: table)",
    )
    topical.add_argument(
        "--errors",
        action="store_true",
        help="list every error of the sets not held out: positions by class, wrong speakers, "
        "gold strings not found",
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


def run_acts(args: argparse.Namespace) -> int:
    from onrecord.evaluate.acts import format_act_report
    from onrecord.evaluate.acts_run import evaluate_acts

    report = evaluate_acts(args.data, args.gold)
    print(json.dumps(report.to_dict(), indent=2) if args.json else format_act_report(report))
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
    from onrecord.evaluate.topical_run import evaluate_sets, evaluate_topical
    from onrecord.evaluate.topical_tables import format_sets_report, sets_report_dict
    from onrecord.issues import load_issue

    sets: list[DataSet] = args.sets or []
    if not sets or getattr(args, _PENDING, None):
        raise ConfigError("eval topical: give at least one --data DIR (an --issue before it)")
    if len(sets) == 1 and not sets[0].held_out and not args.format and not args.errors:
        # The one-set form prints what it always has, so the figures stay comparable.
        issue_file = sets[0].issue_file()
        issue = load_issue(issue_file) if issue_file else None
        report = evaluate_topical(sets[0].data, issue=issue)
        print(
            json.dumps(report.to_dict(), indent=2) if args.json else format_topical_report(report)
        )
        return 0
    result = evaluate_sets(sets)
    if args.json or args.format == "json":
        print(
            json.dumps(sets_report_dict(result, errors=args.errors), indent=2, ensure_ascii=False)
        )
    else:
        print(format_sets_report(result, errors=args.errors))
    return 0


_PENDING = "pending_issue"  # an --issue given before any set: the old "--issue FILE --data DIR"


class _AddSet(argparse.Action):
    """``--data DIR`` and ``--held-out DIR`` each open a set, in command-line order."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> None:
        issue = getattr(namespace, _PENDING, None)
        setattr(namespace, _PENDING, None)
        held_out = option_string == "--held-out"
        sets = [
            *(getattr(namespace, self.dest, None) or []),
            DataSet(Path(str(values)), issue, held_out),
        ]
        setattr(namespace, self.dest, sets)


class _SetIssue(argparse.Action):
    """``--issue FILE`` belongs to the set opened just before it; given first, to the next."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> None:
        sets: list[DataSet] = list(getattr(namespace, self.dest, None) or [])
        issue = Path(str(values))
        if not sets and getattr(namespace, _PENDING, None) is None:
            setattr(namespace, _PENDING, issue)
        elif not sets or sets[-1].issue is not None:
            raise argparse.ArgumentError(
                self, "two issue files for one set: give each --data at most one --issue, after it"
            )
        else:
            sets[-1] = dataclasses.replace(sets[-1], issue=issue)
            setattr(namespace, self.dest, sets)
