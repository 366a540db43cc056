"""Train the attribution taggers on brat-annotated data (PolNeAR's layout)."""

from __future__ import annotations

import json
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from onrecord.nlp import crf
from onrecord.nlp.attribution import CUE_MODEL, ROLE_MODEL
from onrecord.nlp.pipeline import base_model_name, load_base
from onrecord.train.corpus import parse_split
from onrecord.train.instances import (
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


def train_attribution(
    data_dir: Path,
    out_dir: Path,
    *,
    split: str = "train",
    cache_dir: Path | None = None,
    n_process: int = 1,
) -> TrainingReport:
    started = time.perf_counter()
    nlp = load_base()
    corpus = parse_split(nlp, data_dir, split, cache_dir, n_process=n_process)
    cue_data: list[Sequence] = []
    role_data: list[Sequence] = []
    n_attributions = 0
    for parsed, document in corpus:
        ctx = parsed.context()
        gold = token_attributions(parsed, document.attributions)
        n_attributions += len(gold)
        cue_data.extend(cue_sequences(ctx, gold))
        role_data.extend(role_sequences(ctx, gold))
    _log(f"{len(cue_data)} cue sequences, {len(role_data)} role sequences")
    params = {CUE_MODEL: crf.CUE_TRAINING, ROLE_MODEL: crf.ROLE_TRAINING}
    for name, data in ((CUE_MODEL, cue_data), (ROLE_MODEL, role_data)):
        _log(f"training {name}…")
        crf.train(data, out_dir / name, params[name])
    report = TrainingReport(
        data=str(data_dir),
        split=split,
        articles=len(corpus),
        attributions=n_attributions,
        cue_sequences=len(cue_data),
        role_sequences=len(role_data),
        seconds=round(time.perf_counter() - started, 1),
        base_model=base_model_name(),
        params=params,
    )
    (out_dir / "training.json").write_text(json.dumps(asdict(report), indent=2) + "\n")
    return report


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)
