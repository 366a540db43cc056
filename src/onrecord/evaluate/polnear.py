"""Run the annotator over a PolNeAR-style split and score it."""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from pathlib import Path

from onrecord.evaluate.brat import load_split
from onrecord.evaluate.metrics import EvaluationReport, score_documents
from onrecord.evaluate.predictions import to_range_attribution, write_predictions
from onrecord.ingest.text import parse_text
from onrecord.model import Analysis, Article
from onrecord.model.gold import GoldDocument, RangeAttribution
from onrecord.nlp import Annotator


@dataclass
class PolnearRun:
    report: EvaluationReport
    predictions: dict[str, list[RangeAttribution]]
    seconds: float


def gold_article(document: GoldDocument) -> Article:
    """PolNeAR texts as plain-text articles whose offsets are the file's."""
    return parse_text(document.text, external_id=document.id, language="en")


def evaluate_polnear(
    data_dir: str | Path,
    split: str,
    *,
    annotator: Annotator | None = None,
    predictions_path: str | Path | None = None,
    limit: int | None = None,
) -> PolnearRun:
    gold = load_split(data_dir, split)[:limit]
    annotator = annotator or Annotator()
    started = time.perf_counter()
    predictions = {
        analysis.article.external_id or "": _ranges(analysis)
        for analysis in annotator.analyze_many(gold_article(d) for d in gold)
    }
    seconds = time.perf_counter() - started
    if predictions_path is not None:
        write_predictions(predictions_path, ((d.id, predictions[d.id]) for d in gold))
    return PolnearRun(score_documents(gold, predictions), predictions, seconds)


def _ranges(analysis: Analysis) -> list[RangeAttribution]:
    """The analysis's attributions as PolNeAR relations. A group source ("France and
    Germany said") gives one attribution per member, as the topical conventions ask;
    PolNeAR annotates it as one relation, so identical relations are kept once."""
    if analysis.error:
        print(f"onrecord: {analysis.error}", file=sys.stderr)
    return list(dict.fromkeys(to_range_attribution(a) for a in analysis.attributions))
