"""Train the attribution taggers and their checker on brat-annotated data (PolNeAR's layout)."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from onrecord.nlp import crf
from onrecord.nlp.attribution.checker import CHECKER_MODEL
from onrecord.nlp.attribution.finder import CUE_MODEL, ROLE_MODEL
from onrecord.nlp.pipeline import base_model_name, load_base
from onrecord.nlp.training.checker import FOLDS, CheckerReport, Corpus, train_checker
from onrecord.nlp.training.corpus import parse_split
from onrecord.nlp.training.instances import (
    Sequence,
    cue_sequences,
    role_sequences,
    token_attributions,
)


@dataclass
class TrainingReport:
    data: str
    split: str
    articles: int
    attributions: int
    cue_sequences: int
    role_sequences: int
    seconds: float
    base_model: str
    params: dict[str, crf.TrainingParams]
    checker: CheckerReport | None


@dataclass(frozen=True)
class _TaggerData:
    attributions: int
    cue_sequences: int
    role_sequences: int


def train_attribution(
    data_dir: Path,
    out_dir: Path,
    *,
    split: str = "train",
    cache_dir: Path | None = None,
    n_process: int = 1,
    checker: bool = True,
) -> TrainingReport:
    """The cue and role taggers on all of ``split``, then (unless ``checker`` is false)
    the checker on candidates from taggers trained on part of it."""
    started = time.perf_counter()
    nlp = load_base()
    corpus = parse_split(nlp, data_dir, split, cache_dir, n_process=n_process)
    sizes = train_taggers(corpus, out_dir, log=_log)
    checker_report = None
    if checker:
        _log(f"training the checker on {FOLDS} folds…")
        checker_report = train_checker(corpus, train_taggers, out_dir / CHECKER_MODEL)
    report = TrainingReport(
        data=str(data_dir),
        split=split,
        articles=len(corpus),
        attributions=sizes.attributions,
        cue_sequences=sizes.cue_sequences,
        role_sequences=sizes.role_sequences,
        seconds=round(time.perf_counter() - started, 1),
        base_model=base_model_name(),
        params=TAGGER_PARAMS,
        checker=checker_report,
    )
    (out_dir / "training.json").write_text(json.dumps(asdict(report), indent=2) + "\n")
    return report


TAGGER_PARAMS = {CUE_MODEL: crf.CUE_TRAINING, ROLE_MODEL: crf.ROLE_TRAINING}


def train_taggers(
    corpus: Corpus, out_dir: Path, log: Callable[[str], None] = lambda _: None
) -> _TaggerData:
    cue_data: list[Sequence] = []
    role_data: list[Sequence] = []
    n_attributions = 0
    for parsed, document in corpus:
        ctx = parsed.context()
        gold = token_attributions(parsed, document.attributions)
        n_attributions += len(gold)
        cue_data.extend(cue_sequences(ctx, gold))
        role_data.extend(role_sequences(ctx, gold))
    log(f"{len(cue_data)} cue sequences, {len(role_data)} role sequences")
    for name, data in ((CUE_MODEL, cue_data), (ROLE_MODEL, role_data)):
        log(f"training {name}…")
        crf.train(data, out_dir / name, TAGGER_PARAMS[name])
    return _TaggerData(n_attributions, len(cue_data), len(role_data))


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)
