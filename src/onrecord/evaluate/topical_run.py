"""Run the annotator over a topical-dev style folder and score it."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from onrecord.evaluate.positions import PositionReport, score_positions
from onrecord.evaluate.topical import TopicalArticle, TopicalReport, load_topical, score_topical
from onrecord.ingest.text import parse_text
from onrecord.model import Analysis, Article, Issue
from onrecord.nlp import Annotator


def topical_article(item: TopicalArticle) -> Article:
    published = datetime.fromisoformat(item.published) if item.published else None
    return parse_text(
        item.text,
        external_id=item.id,
        outlet=item.outlet,
        published=published,
        language=item.language if item.language != "unknown" else None,
    )


def evaluate_topical(
    data_dir: str | Path, annotator: Annotator | None = None, issue: Issue | None = None
) -> TopicalReport:
    """Attribution scores; with ``issue``, position scores on it as well."""
    items = load_topical(data_dir)
    annotator = annotator or Annotator()
    issues = [issue] if issue else []
    analyses = list(annotator.analyze_many((topical_article(item) for item in items), issues))
    predictions = {_article_id(a): a.attributions for a in analyses}
    report = score_topical(items, predictions)
    if issue is None:
        return report
    return dataclasses.replace(report, positions=_score_positions(items, analyses, issue))


def _score_positions(
    items: Sequence[TopicalArticle], analyses: Sequence[Analysis], issue: Issue
) -> PositionReport:
    positions = {_article_id(a): a.positions or [] for a in analyses}
    skipped = {_article_id(a): a.skipped for a in analyses if a.skipped}
    return score_positions(items, positions, issue, skipped)


def _article_id(analysis: Analysis) -> str:
    return analysis.article.external_id or ""
