"""A thin, typed wrapper over python-crfsuite for training and tagging."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

import pycrfsuite

from onrecord.errors import ModelError

Sequence_ = Sequence[list[str]]


def train(
    sequences: Iterable[tuple[Sequence_, Sequence[str]]],
    model_path: Path,
    *,
    c1: float = 0.1,
    c2: float = 0.01,
    max_iterations: int = 150,
    min_freq: int = 2,
) -> None:
    """Train an L-BFGS CRF; L1 (``c1``) keeps the shipped model small."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for xseq, yseq in sequences:
        trainer.append(list(xseq), list(yseq))
    trainer.set_params(
        {
            "c1": c1,
            "c2": c2,
            "max_iterations": max_iterations,
            "feature.minfreq": min_freq,
            "feature.possible_transitions": True,
        }
    )
    model_path.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(model_path))


class Tagger:
    """A loaded CRF model; tags feature sequences and reports label marginals."""

    def __init__(self, model_path: Path) -> None:
        if not model_path.exists():
            raise ModelError(f"{model_path}: model file missing; retrain with `onrecord train`")
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(model_path))
        self.labels = set(self._tagger.labels())

    def tag(self, xseq: Sequence_) -> list[str]:
        if not xseq:
            return []
        return list(self._tagger.tag(list(xseq)))

    def marginal(self, label: str, position: int) -> float:
        """P(label at position) for the sequence tagged last."""
        if label not in self.labels:
            return 0.0
        return float(self._tagger.marginal(label, position))
