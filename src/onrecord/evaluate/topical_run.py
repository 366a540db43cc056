"""Run the annotator over a topical-dev style folder and score it."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from onrecord.evaluate.topical import TopicalArticle, TopicalReport, load_topical, score_topical
from onrecord.ingest.text import parse_text
from onrecord.model import Article
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


def evaluate_topical(data_dir: str | Path, annotator: Annotator | None = None) -> TopicalReport:
    items = load_topical(data_dir)
    annotator = annotator or Annotator()
    analyses = annotator.analyze_many(topical_article(item) for item in items)
    predictions = {a.article.external_id or "": a.attributions for a in analyses}
    return score_topical(items, predictions)
