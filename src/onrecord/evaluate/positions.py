"""Scoring positions on an issue against the topical set's gold positions.

Per article, predictions and gold are matched one to one on two keys:

- *(actor, coarse stance)*: the actor's canonical name, folded (no case, diacritics or
  punctuation), and the coarse stance (for, for with limits, against, undecided);
- *(actor, coarse stance, as_of)*: the same with the day the position was expressed
  (null matches null).

A gold position is matched by at most one prediction, so a second prediction with the
same key is a false positive. Fine-label accuracy is the share of the pairs matched on
the first key whose predicted label is the gold label. Gold labels map to coarse
stances through the issue's own label set, so a custom set is scored on its own terms.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from onrecord.errors import DataError
from onrecord.evaluate.metrics import Score, one_to_one
from onrecord.model import Coarse, Issue, Position, fold

if TYPE_CHECKING:  # topical.py imports this module to print its report
    from onrecord.evaluate.topical import TopicalArticle, TopicalPosition

__all__ = [
    "PositionReport",
    "PositionScore",
    "Stated",
    "format_position_report",
    "gold_stated",
    "match_positions",
    "predicted_stated",
    "score_article_positions",
    "score_positions",
]

Pair = tuple[int, int]  # (predicted index, gold index)


@dataclass(frozen=True)
class Stated:
    """A position reduced to what is scored; ``actor`` is folded, ``as_of`` YYYY-MM-DD."""

    actor: str
    stance: str
    coarse: Coarse
    as_of: str | None


def actor_and_stance(stated: Stated) -> Hashable:
    return (stated.actor, stated.coarse)


def actor_stance_and_date(stated: Stated) -> Hashable:
    return (stated.actor, stated.coarse, stated.as_of)


@dataclass(frozen=True)
class PositionScore:
    """Counts over the articles of one language (or all of them)."""

    articles: int = 0
    stance: Score = Score()  # matched on (actor, coarse stance) / predicted / gold
    dated: Score = Score()  # matched on (actor, coarse stance, as_of) / predicted / gold
    fine_correct: int = 0  # pairs matched on ``stance`` whose fine labels agree

    @property
    def fine_accuracy(self) -> float:
        matched = self.stance.correct
        return self.fine_correct / matched if matched else 0.0

    def __add__(self, other: PositionScore) -> PositionScore:
        return PositionScore(
            self.articles + other.articles,
            self.stance + other.stance,
            self.dated + other.dated,
            self.fine_correct + other.fine_correct,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "actor_stance": self.stance.to_dict(),
            "actor_stance_as_of": self.dated.to_dict(),
            "fine_correct": self.fine_correct,
            "fine_accuracy": self.fine_accuracy,
        }


@dataclass(frozen=True)
class PositionReport:
    """Scores per language; ``skipped`` maps the articles the analyzer passed over to why."""

    issue: str
    by_language: dict[str, PositionScore] = field(default_factory=dict)
    skipped: dict[str, str] = field(default_factory=dict)

    @property
    def total(self) -> PositionScore:
        """The micro total over every language."""
        return sum(self.by_language.values(), PositionScore())

    def to_dict(self) -> dict[str, Any]:
        return {
            "issue": self.issue,
            "by_language": {k: v.to_dict() for k, v in self.by_language.items()},
            "total": self.total.to_dict(),
            "skipped": dict(self.skipped),
        }


def gold_stated(
    article_id: str, positions: Sequence[TopicalPosition], issue: Issue
) -> list[Stated]:
    """The gold positions of one article, their coarse stance taken from ``issue``."""
    return [_gold_one(article_id, index, p, issue) for index, p in enumerate(positions)]


def _gold_one(article_id: str, index: int, position: TopicalPosition, issue: Issue) -> Stated:
    try:
        coarse = issue.stance(position.stance).coarse
    except KeyError:
        labels = ", ".join(s.label for s in issue.stances)
        raise DataError(
            f"article {article_id}: gold position {index} has stance {position.stance!r}, "
            f"which issue {issue.id!r} does not define (its labels: {labels})"
        ) from None
    return Stated(fold(position.actor), position.stance, coarse, position.as_of)


def predicted_stated(position: Position) -> Stated:
    # The prediction's own coarse stance is scored: mapping it is the system's job.
    as_of = position.as_of.isoformat() if position.as_of else None
    return Stated(fold(position.actor.name), position.stance, position.coarse, as_of)


def match_positions(
    predicted: Sequence[Stated], gold: Sequence[Stated], key: Callable[[Stated], Hashable]
) -> list[Pair]:
    """One-to-one pairs with equal keys.

    Where several gold positions share a key (France both permits and supports lifting:
    both "for"), pairs whose fine label, then whose date, agree are taken first, so
    that the pairing does not lower fine-label accuracy by chance.
    """
    return one_to_one(
        (_agreement(p_stated, g_stated), p, g)
        for p, p_stated in enumerate(predicted)
        for g, g_stated in enumerate(gold)
        if key(p_stated) == key(g_stated)
    )


def _agreement(predicted: Stated, gold: Stated) -> int:
    # The fine label outweighs the date, as fine-label accuracy is the figure at stake.
    return 2 * (predicted.stance == gold.stance) + (predicted.as_of == gold.as_of)


def score_article_positions(gold: Sequence[Stated], predicted: Sequence[Stated]) -> PositionScore:
    """The counts of one article."""
    stance_pairs = match_positions(predicted, gold, actor_and_stance)
    dated_pairs = match_positions(predicted, gold, actor_stance_and_date)
    fine_correct = sum(predicted[p].stance == gold[g].stance for p, g in stance_pairs)
    return PositionScore(
        articles=1,
        stance=Score(len(stance_pairs), len(predicted), len(gold)),
        dated=Score(len(dated_pairs), len(predicted), len(gold)),
        fine_correct=fine_correct,
    )


def score_positions(
    articles: Sequence[TopicalArticle],
    predictions: Mapping[str, Sequence[Position]],
    issue: Issue,
    skipped: Mapping[str, str] | None = None,
) -> PositionReport:
    """Scores per language; an article with no entry in ``predictions`` has none."""
    unknown = set(predictions) - {article.id for article in articles}
    if unknown:
        raise DataError(f"positions for articles not in the topical set: {sorted(unknown)}")
    by_language: dict[str, PositionScore] = {}
    for article in articles:
        gold = gold_stated(article.id, article.positions, issue)
        predicted = [predicted_stated(p) for p in predictions.get(article.id, ())]
        score = score_article_positions(gold, predicted)
        by_language[article.language] = by_language.get(article.language, PositionScore()) + score
    return PositionReport(issue.id, dict(sorted(by_language.items())), dict(skipped or {}))


def format_position_report(report: PositionReport) -> str:
    """A plain-text table per language and in total, then the skipped articles."""
    header = (
        f"{'language':<9} {'articles':>8} {'P':>6} {'R':>6} {'F1':>6} "
        f"{'P+as_of':>7} {'R+as_of':>7} {'F1+as_of':>8} {'fine acc':>8} "
        f"{'matched':>7} {'+as_of':>6} {'pred':>5} {'gold':>5}"
    )
    lines = [
        f"positions on {report.issue}: (actor, coarse stance) and (actor, coarse stance, as_of)",
        header,
        "-" * len(header),
    ]
    rows = [*report.by_language.items(), ("all", report.total)]
    lines += [_position_row(name, score) for name, score in rows]
    lines += [
        f"skipped by the analyzer, so scored with no positions: {article} ({reason})"
        for article, reason in report.skipped.items()
    ]
    return "\n".join(lines)


def _position_row(name: str, score: PositionScore) -> str:
    s, d = score.stance, score.dated
    return (
        f"{name:<9} {score.articles:>8} {s.precision:>6.3f} {s.recall:>6.3f} {s.f1:>6.3f} "
        f"{d.precision:>7.3f} {d.recall:>7.3f} {d.f1:>8.3f} {score.fine_accuracy:>8.3f} "
        f"{s.correct:>7} {d.correct:>6} {s.predicted:>5} {s.gold:>5}"
    )
