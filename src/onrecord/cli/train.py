"""``onrecord train``: retrain the attribution taggers and checker on brat-annotated data."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING

from onrecord.cli._progress import Steps, add_quiet_option, note, wanted

if TYPE_CHECKING:
    from onrecord.cli._output import Subparsers


def register(sub: Subparsers) -> None:
    p = sub.add_parser(
        "train",
        help="train the attribution taggers and checker on annotated data (PolNeAR's brat layout)",
        description="Train the cue and role CRFs on DIR/SPLIT/text/*.txt with "
        "DIR/SPLIT/attributions/*.ann, then the checker on candidates from CRFs trained on "
        "three quarters of it and run on the fourth (about 14 minutes for PolNeAR train), and "
        "write the model files to OUT. Use the result with ONRECORD_MODEL_DIR=OUT, or copy "
        "it over src/onrecord/nlp/models/attribution-v1.",
    )
    p.add_argument("--data", required=True, metavar="DIR")
    p.add_argument("--split", default="train", metavar="SPLIT")
    p.add_argument("--out", required=True, metavar="OUT")
    p.add_argument("--cache", metavar="DIR", help="keep parsed documents here between runs")
    p.add_argument("--processes", type=int, default=1, help="parser processes")
    add_quiet_option(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from onrecord.evaluate.training import train_from_split  # loads spaCy

    # A bar a step on a terminal; the steps as lines above it, or alone, unless --quiet.
    steps = Steps() if wanted(args) else None
    try:
        report = train_from_split(
            Path(args.data),
            Path(args.out),
            split=args.split,
            cache_dir=Path(args.cache) if args.cache else None,
            n_process=args.processes,
            log=(lambda _: None) if args.quiet else note,
            progress=steps,
        )
    finally:
        if steps:
            steps.close()
    print(json.dumps(asdict(report), indent=2))
    return 0
