"""Run the annotator over topical-dev style folders and score them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from onrecord.evaluate.topical import TopicalArticle, TopicalReport, load_topical
from onrecord.evaluate.topical_sets import DataSet, SetResult, SetsReport, score_analyses, score_set
from onrecord.ingest.text import parse_text
from onrecord.issues import load_issue
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
    return score_analyses(items, _analyse(items, annotator or Annotator(), issue), issue)


def evaluate_sets(sets: Sequence[DataSet], annotator: Annotator | None = None) -> SetsReport:
    """Every set scored on its issue, with one pipeline loaded for all of them.

    Each set's data and issue file are read before any article is analysed, so a
    missing folder or a bad issue file fails at once rather than after minutes.
    """
    loaded = [(s, load_topical(s.data), _load(s.issue_file())) for s in sets]
    annotator = annotator or Annotator()
    return SetsReport([_evaluate_set(s, items, annotator, issue) for s, items, issue in loaded])


def _evaluate_set(
    data_set: DataSet, items: list[TopicalArticle], annotator: Annotator, issue: Issue | None
) -> SetResult:
    return score_set(data_set, items, _analyse(items, annotator, issue), issue)


def _load(issue_file: Path | None) -> Issue | None:
    return load_issue(issue_file) if issue_file else None


def _analyse(
    items: Sequence[TopicalArticle], annotator: Annotator, issue: Issue | None
) -> list[Analysis]:
    issues = [issue] if issue else []
    return list(annotator.analyze_many((topical_article(item) for item in items), issues))
