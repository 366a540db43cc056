"""Fit the attribution taggers and their checker to gold attributions.

Training is fitting models to gold, on parsed articles: it needs spaCy, so it is
``nlp``'s. Reading annotated data and judging candidates against it are not: the
caller (``evaluate.training`` for ``onrecord train``) brings the corpus and the judge.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from onrecord.nlp import crf
from onrecord.nlp.attribution.checker import CHECKER_MODEL
from onrecord.nlp.attribution.finder import CUE_MODEL, ROLE_MODEL
from onrecord.nlp.pipeline import base_model_name
from onrecord.nlp.training.checker import (
    FOLDS,
    CheckerReport,
    Corpus,
    LabelCandidates,
    train_checker,
)
from onrecord.nlp.training.instances import (
    Sequence,
    cue_sequences,
    role_sequences,
    token_attributions,
)

TAGGER_PARAMS = {CUE_MODEL: crf.CUE_TRAINING, ROLE_MODEL: crf.ROLE_TRAINING}

Log = Callable[[str], None]
# Told, as a long step goes on, its name, how far it is and how far it goes.
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class TaggerData:
    attributions: int
    cue_sequences: int
    role_sequences: int


@dataclass(frozen=True)
class TrainedModels:
    """What training fitted, and to how much."""

    taggers: TaggerData
    base_model: str
    params: dict[str, crf.TrainingParams]
    checker: CheckerReport | None


def train_attribution(
    corpus: Corpus,
    out_dir: Path,
    label: LabelCandidates | None,
    log: Log = lambda _: None,
    progress: Progress | None = None,
) -> TrainedModels:
    """The cue and role taggers on all of ``corpus``, then (given ``label``, the judge of
    candidates against the gold) the checker on candidates from taggers trained on part
    of it; the model files go to ``out_dir``. ``progress`` follows each CRF's iterations."""
    taggers = train_taggers(corpus, out_dir, log=log, progress=progress)
    checker = None
    if label is not None:
        log(f"training the checker on {FOLDS} folds…")
        fold_taggers = _fold_taggers(progress)
        checker = train_checker(corpus, fold_taggers, label, out_dir / CHECKER_MODEL)
    return TrainedModels(taggers, base_model_name(), TAGGER_PARAMS, checker)


def train_taggers(
    corpus: Corpus, out_dir: Path, log: Log = lambda _: None, progress: Progress | None = None
) -> TaggerData:
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
        params = TAGGER_PARAMS[name]
        crf.train(data, out_dir / name, params, _iterations(progress, name, params))
    return TaggerData(n_attributions, len(cue_data), len(role_data))


def _iterations(
    progress: Progress | None, name: str, params: crf.TrainingParams
) -> Callable[[int], None] | None:
    """The CRF's iterations as progress, out of its most (it may stop sooner)."""
    if progress is None:
        return None
    most = int(params.get("max_iterations", 0))
    return lambda done: progress(f"training {name}", done, most)


def _fold_taggers(progress: Progress | None) -> Callable[[Corpus, Path], TaggerData]:
    """``train_taggers`` for the checker's folds, their progress named by fold."""
    folds = 0

    def train(corpus: Corpus, out_dir: Path) -> TaggerData:
        nonlocal folds
        folds += 1
        stage = f"checker fold {folds}/{FOLDS}"
        named: Progress | None = (
            None
            if progress is None
            else lambda step, done, most: progress(f"{stage}: {step}", done, most)
        )
        return train_taggers(corpus, out_dir, progress=named)

    return train
