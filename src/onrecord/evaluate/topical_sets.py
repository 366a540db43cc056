"""Several topical data sets scored at once: figures per set, their macro average, and
where the position scores are lost (``evaluate.position_errors``).

A set is a topical-dev style folder with its issue: the one given, else its own
``issue.toml``, else none (attributions only). Each set's figures are micro totals over
its articles in every language, so an article the analyzer skips counts as predicting
nothing. The macro average is the plain mean of each figure over the sets that have it
(position figures over the sets with an issue); a macro F1 is the mean of the sets'
F1s, not the F1 of the mean precision and recall. A *held-out* set (a check set) is
scored like the others but kept out of the macro average, and its individual errors
are not even classified, so that no report can list them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from statistics import mean

from onrecord.evaluate.position_errors import ErrorCounts, Outcome, classify_positions
from onrecord.evaluate.positions import gold_stated, predicted_stated, score_positions
from onrecord.evaluate.topical import (
    TopicalArticle,
    TopicalAttribution,
    TopicalReport,
    TopicalScore,
    score_topical,
    speaker_mismatches,
)
from onrecord.model import Analysis, Attribution, Issue

__all__ = [
    "FIGURES",
    "POSITION_FIGURES",
    "DataSet",
    "SetResult",
    "SetsReport",
    "SpeakerError",
    "macro_average",
    "score_analyses",
    "score_set",
]

ISSUE_FILE = "issue.toml"  # a set's own issue, used when none is given for it

# The figures shown per set and averaged, in table order.
ATTRIBUTION_FIGURES = (
    "attribution_p",
    "attribution_r",
    "attribution_f1",
    "speaker_accuracy",
    "said_on_accuracy",
)
POSITION_FIGURES = (
    "position_p",
    "position_r",
    "position_f1",
    "position_dated_p",
    "position_dated_r",
    "position_dated_f1",
)
FIGURES = ATTRIBUTION_FIGURES + POSITION_FIGURES

Figures = dict[str, float | None]


@dataclass(frozen=True)
class DataSet:
    """One set to score: its folder, its issue file, and whether it is held out."""

    data: Path
    issue: Path | None = None  # None: the folder's own issue.toml, if it has one
    held_out: bool = False

    @property
    def name(self) -> str:
        return self.data.resolve().name or str(self.data)

    def issue_file(self) -> Path | None:
        if self.issue is not None:
            return self.issue
        own = self.data / ISSUE_FILE
        return own if own.is_file() else None


@dataclass(frozen=True)
class SpeakerError:
    """A matched attribution whose predicted actor is not the gold speaker."""

    article: str
    gold: TopicalAttribution
    predicted: Attribution


@dataclass(frozen=True)
class SetResult:
    """One set's report; ``outcomes`` and ``speaker_errors`` stay empty when held out."""

    name: str
    data: str
    issue: str | None  # the issue's id
    held_out: bool
    report: TopicalReport
    outcomes: tuple[Outcome, ...] = ()
    speaker_errors: tuple[SpeakerError, ...] = ()
    skipped: dict[str, str] = field(default_factory=dict)  # article id: why not analysed
    failed: dict[str, str] = field(default_factory=dict)  # article id: the analysis error

    @property
    def articles(self) -> int:
        return self.attributions.articles

    @property
    def attributions(self) -> TopicalScore:
        """The micro total over every language."""
        return sum(self.report.by_language.values(), TopicalScore())

    @property
    def error_counts(self) -> ErrorCounts | None:
        """Positions by class; ``None`` without an issue or for a held-out set."""
        if self.issue is None or self.held_out:
            return None
        return ErrorCounts.of(self.outcomes)

    def figures(self) -> Figures:
        a = self.attributions
        out: Figures = {
            "attribution_p": a.attributions.precision,
            "attribution_r": a.attributions.recall,
            "attribution_f1": a.attributions.f1,
            "speaker_accuracy": a.speaker_accuracy,
            "said_on_accuracy": a.said_on_accuracy,
        }
        positions = self.report.positions.total if self.report.positions else None
        stance, dated = (positions.stance, positions.dated) if positions else (None, None)
        out |= {
            "position_p": stance.precision if stance else None,
            "position_r": stance.recall if stance else None,
            "position_f1": stance.f1 if stance else None,
            "position_dated_p": dated.precision if dated else None,
            "position_dated_r": dated.recall if dated else None,
            "position_dated_f1": dated.f1 if dated else None,
        }
        return out


@dataclass(frozen=True)
class SetsReport:
    sets: list[SetResult]

    @property
    def developed(self) -> list[SetResult]:
        """The sets that are not held out: those averaged and whose errors are listed."""
        return [s for s in self.sets if not s.held_out]

    @property
    def held_out(self) -> list[SetResult]:
        return [s for s in self.sets if s.held_out]

    def macro(self) -> Figures:
        return macro_average([s.figures() for s in self.developed])

    def error_counts(self) -> ErrorCounts:
        """Positions by class, summed over the sets that are not held out."""
        return sum((s.error_counts or ErrorCounts() for s in self.developed), ErrorCounts())


def macro_average(rows: Sequence[Figures]) -> Figures:
    """The mean of each figure over the rows that have it (``None`` where none has)."""
    out: Figures = {}
    for name in FIGURES:
        values = [v for row in rows if (v := row.get(name)) is not None]
        out[name] = mean(values) if values else None
    return out


def score_analyses(
    items: Sequence[TopicalArticle], analyses: Sequence[Analysis], issue: Issue | None
) -> TopicalReport:
    """The report of one set from its analyses (in any order, keyed by article id)."""
    report = score_topical(items, {_article_id(a): a.attributions for a in analyses})
    if issue is None:
        return report
    positions = {_article_id(a): a.positions or [] for a in analyses}
    skipped = {_article_id(a): a.skipped for a in analyses if a.skipped}
    return dataclasses.replace(report, positions=score_positions(items, positions, issue, skipped))


def score_set(
    data_set: DataSet,
    items: Sequence[TopicalArticle],
    analyses: Sequence[Analysis],
    issue: Issue | None,
) -> SetResult:
    report = score_analyses(items, analyses, issue)
    result = SetResult(
        data_set.name,
        str(data_set.data),
        issue.id if issue else None,
        data_set.held_out,
        report,
        skipped={_article_id(a): a.skipped for a in analyses if a.skipped},
        failed={_article_id(a): a.error for a in analyses if a.error},
    )
    if data_set.held_out:
        return result
    by_id = {_article_id(a): a for a in analyses}
    outcomes = [o for item in items for o in _outcomes(item, by_id.get(item.id), issue)]
    speakers = [
        SpeakerError(item.id, gold, predicted)
        for item in items
        if (analysis := by_id.get(item.id)) is not None
        for predicted, gold in speaker_mismatches(item, analysis.attributions)
    ]
    return dataclasses.replace(result, outcomes=tuple(outcomes), speaker_errors=tuple(speakers))


def _outcomes(
    item: TopicalArticle, analysis: Analysis | None, issue: Issue | None
) -> list[Outcome]:
    if issue is None:
        return []
    predicted = (analysis.positions or []) if analysis else []
    return classify_positions(
        item.id,
        item.text,
        item.positions,
        gold_stated(item.id, item.positions, issue),
        predicted,
        [predicted_stated(p) for p in predicted],
    )


def _article_id(analysis: Analysis) -> str:
    return analysis.article.external_id or ""
