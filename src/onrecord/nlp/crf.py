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
    c2: float = 1.0,
    epochs: int = 60,
    min_freq: int = 5,
) -> None:
    """Train a CRF by L2-regularised SGD.

    SGD converges in tens of epochs where L-BFGS needs hundreds of iterations
    on this much data; ``min_freq`` drops rare features, which keeps the shipped
    model small without a measurable loss.
    """
    trainer = pycrfsuite.Trainer(algorithm="l2sgd", verbose=False)
    for xseq, yseq in sequences:
        trainer.append(list(xseq), list(yseq))
    trainer.set_params({"c2": c2, "max_iterations": epochs, "feature.minfreq": min_freq})
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
