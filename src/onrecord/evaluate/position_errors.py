"""Where position scores are lost: each gold position and each prediction in one class.

Per article, gold positions and predictions are paired in four rounds, one to one,
each round on what the earlier rounds left:

1. *correct*: the same actor (folded), coarse stance and ``as_of`` (null matches null);
2. *wrong date*: the same actor and coarse stance, another ``as_of``;
3. *wrong coarse*: the same actor, another coarse stance, and evidence that overlaps
   (the prediction's evidence shares a word token with the gold evidence sentence);
4. *wrong actor*: the same coarse stance, another actor, and evidence that overlaps.

A gold position left over is *missed*, a prediction left over *spurious*. A prediction
that gets both the actor and the coarse stance wrong is spurious and its gold missed:
it says nothing right about the gold position. The rounds add up to the scores of
``evaluate.positions``: rounds 1 and 2 hold exactly the (actor, coarse) matches and
round 1 the (actor, coarse, as_of) ones, so gold = correct + wrong date + wrong coarse
+ wrong actor + missed, and predicted = the same with spurious for missed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from onrecord.evaluate.metrics import Tokenizer, one_to_one
from onrecord.evaluate.positions import Stated
from onrecord.model import Position

if TYPE_CHECKING:
    from onrecord.evaluate.topical import TopicalPosition

__all__ = ["ErrorClass", "ErrorCounts", "Outcome", "classify_positions"]


class ErrorClass(StrEnum):
    CORRECT = "correct"
    WRONG_DATE = "wrong_date"
    WRONG_COARSE = "wrong_coarse"
    WRONG_ACTOR = "wrong_actor"
    MISSED = "missed"
    SPURIOUS = "spurious"


@dataclass(frozen=True)
class Outcome:
    """One gold position, one prediction, or a pair of them, in its class."""

    kind: ErrorClass
    article: str
    gold: TopicalPosition | None = None
    predicted: Position | None = None


@dataclass(frozen=True)
class ErrorCounts:
    """How many gold positions (and their predictions) fell in each class."""

    correct: int = 0
    wrong_date: int = 0
    wrong_coarse: int = 0
    wrong_actor: int = 0
    missed: int = 0
    spurious: int = 0

    @property
    def gold(self) -> int:
        return self.correct + self.wrong_date + self.wrong_coarse + self.wrong_actor + self.missed

    @property
    def predicted(self) -> int:
        paired = self.correct + self.wrong_date + self.wrong_coarse + self.wrong_actor
        return paired + self.spurious

    def __add__(self, other: ErrorCounts) -> ErrorCounts:
        return ErrorCounts(
            *(getattr(self, f.name) + getattr(other, f.name) for f in fields(ErrorCounts))
        )

    @classmethod
    def of(cls, outcomes: Sequence[Outcome]) -> ErrorCounts:
        counts = {kind.value: 0 for kind in ErrorClass}
        for outcome in outcomes:
            counts[outcome.kind.value] += 1
        return cls(**counts)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {f.name: getattr(self, f.name) for f in fields(ErrorCounts)}
        return out | {"gold": self.gold, "predicted": self.predicted}


# A round: which pairs may match, and how much a pair is preferred among its rivals.
Admits = Callable[[Stated, Stated, int], bool]  # predicted, gold, evidence overlap
Prefers = Callable[[Stated, Stated, int], float]


def _by_fine_label(p: Stated, g: Stated, overlap: int) -> float:
    # The fine label first, as evaluate.positions pairs them; then the shared evidence.
    return 2 * (p.stance == g.stance) + (p.as_of == g.as_of) + overlap / (overlap + 1)


def _by_overlap(p: Stated, g: Stated, overlap: int) -> float:
    return overlap


ROUNDS: tuple[tuple[ErrorClass, Admits, Prefers], ...] = (
    (
        ErrorClass.CORRECT,
        lambda p, g, _: (p.actor, p.coarse, p.as_of) == (g.actor, g.coarse, g.as_of),
        _by_fine_label,
    ),
    (
        ErrorClass.WRONG_DATE,
        lambda p, g, _: (p.actor, p.coarse) == (g.actor, g.coarse),
        _by_fine_label,
    ),
    (
        ErrorClass.WRONG_COARSE,
        lambda p, g, overlap: p.actor == g.actor and p.coarse != g.coarse and overlap > 0,
        _by_overlap,
    ),
    (
        ErrorClass.WRONG_ACTOR,
        lambda p, g, overlap: p.coarse == g.coarse and p.actor != g.actor and overlap > 0,
        _by_overlap,
    ),
)


def classify_positions(
    article_id: str,
    text: str,
    gold: Sequence[TopicalPosition],
    gold_stated: Sequence[Stated],
    predicted: Sequence[Position],
    predicted_stated: Sequence[Stated],
) -> list[Outcome]:
    """Every gold position and every prediction of one article, each in one outcome."""
    overlaps = _evidence_overlaps(text, gold, predicted)
    free_p, free_g = set(range(len(predicted))), set(range(len(gold)))
    outcomes: list[Outcome] = []
    for kind, admits, prefers in ROUNDS:
        candidates = [
            (prefers(predicted_stated[p], gold_stated[g], overlaps[p][g]), p, g)
            for p in sorted(free_p)
            for g in sorted(free_g)
            if admits(predicted_stated[p], gold_stated[g], overlaps[p][g])
        ]
        for p, g in one_to_one(candidates):
            outcomes.append(Outcome(kind, article_id, gold[g], predicted[p]))
            free_p.discard(p)
            free_g.discard(g)
    outcomes += [Outcome(ErrorClass.MISSED, article_id, gold=gold[g]) for g in sorted(free_g)]
    outcomes += [
        Outcome(ErrorClass.SPURIOUS, article_id, predicted=predicted[p]) for p in sorted(free_p)
    ]
    return outcomes


def _evidence_overlaps(
    text: str, gold: Sequence[TopicalPosition], predicted: Sequence[Position]
) -> list[list[int]]:
    """Word tokens shared by each prediction's evidence and each gold evidence sentence
    (none where the gold sentence was not found in the text)."""
    tokens = Tokenizer(text)
    gold_sets = [
        tokens.covered((g.evidence_range,)) if g.evidence_range else frozenset() for g in gold
    ]
    predicted_sets = [
        tokens.covered(tuple((s.start, s.end) for s in p.evidence)) for p in predicted
    ]
    return [[len(p_set & g_set) for g_set in gold_sets] for p_set in predicted_sets]
