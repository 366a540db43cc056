"""A thin, typed wrapper over python-crfsuite for training and tagging."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path

import pycrfsuite

from onrecord.errors import ModelError

Sequence_ = Sequence[list[str]]


# Chosen on PolNeAR dev (see docs/model-card.md): SGD fits the cue tagger best,
# L-BFGS with L2 the role tagger; rare features are dropped, which keeps the
# shipped models small without a measurable loss.
TrainingParams = Mapping[str, float | int | str]
CUE_TRAINING: TrainingParams = {
    "algorithm": "l2sgd",
    "c2": 1.0,
    "max_iterations": 60,
    "feature.minfreq": 5,
}
ROLE_TRAINING: TrainingParams = {
    "algorithm": "lbfgs",
    "c2": 1.0,
    "max_iterations": 150,
    "feature.minfreq": 5,
}


def train(
    sequences: Iterable[tuple[Sequence_, Sequence[str]]],
    model_path: Path,
    params: TrainingParams,
    on_iteration: Callable[[int], None] | None = None,
) -> None:
    """Train a CRF; ``params`` holds ``algorithm`` and crfsuite's parameters for it.
    ``on_iteration`` is told the number of each iteration as it ends."""
    settings = dict(params)
    algorithm = str(settings.pop("algorithm"))
    trainer = (
        pycrfsuite.Trainer(algorithm=algorithm, verbose=False)
        if on_iteration is None
        else _ReportingTrainer(algorithm, on_iteration)
    )
    for xseq, yseq in sequences:
        trainer.append(list(xseq), list(yseq))
    trainer.set_params(settings)
    model_path.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(model_path))


class _ReportingTrainer(pycrfsuite.Trainer):  # type: ignore[misc]
    """A trainer that prints nothing and reports each iteration's number as it ends.

    crfsuite hands every line of its log to ``message``, the method its documentation
    says to override; the trainer's own log parser finds the iterations in it.
    """

    def __init__(self, algorithm: str, on_iteration: Callable[[int], None]) -> None:
        super().__init__(algorithm=algorithm, verbose=False)
        self.report = on_iteration

    def message(self, message: str) -> None:
        if self.logparser.feed(message) == "iteration":
            self.report(int(self.logparser.last_iteration["num"]))


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
