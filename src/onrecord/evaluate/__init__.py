"""Scoring attributions: the PolNeAR reader and metrics, predictions files, the topical set,
positions on an issue, and several topical sets at once with positions by error class.

The names here import only the record model and the errors; never spaCy, never the CLI.
``polnear``, ``topical_run`` and ``training`` (``onrecord train``'s run) drive the pipeline,
so they import ``nlp`` and stay out of this list.
"""

from onrecord.evaluate.agreement import AgreementReport, score_agreement
from onrecord.evaluate.brat import AnnotatedDocument, load_annotators, load_split, parse_ann
from onrecord.evaluate.metrics import (
    ROLES,
    AttributionScores,
    EvaluationReport,
    RoleScores,
    Score,
    Tokenizer,
    format_report,
    greedy_match,
    jaccard,
    normalise_span,
    score_document,
    score_documents,
)
from onrecord.evaluate.position_errors import ErrorClass, ErrorCounts, classify_positions
from onrecord.evaluate.positions import (
    PositionReport,
    PositionScore,
    format_position_report,
    score_positions,
)
from onrecord.evaluate.predictions import (
    prediction_line,
    read_predictions,
    to_range_attribution,
    write_predictions,
)
from onrecord.evaluate.topical import (
    TopicalArticle,
    TopicalAttribution,
    TopicalPosition,
    TopicalReport,
    TopicalScore,
    format_topical_report,
    load_topical,
    score_article,
    score_topical,
)
from onrecord.evaluate.topical_sets import DataSet, SetResult, SetsReport, score_set
from onrecord.evaluate.topical_tables import format_sets_report, sets_report_dict

__all__ = [
    "ROLES",
    "AgreementReport",
    "AnnotatedDocument",
    "AttributionScores",
    "DataSet",
    "ErrorClass",
    "ErrorCounts",
    "EvaluationReport",
    "PositionReport",
    "PositionScore",
    "RoleScores",
    "Score",
    "SetResult",
    "SetsReport",
    "Tokenizer",
    "TopicalArticle",
    "TopicalAttribution",
    "TopicalPosition",
    "TopicalReport",
    "TopicalScore",
    "classify_positions",
    "format_position_report",
    "format_report",
    "format_sets_report",
    "format_topical_report",
    "greedy_match",
    "jaccard",
    "load_annotators",
    "load_split",
    "load_topical",
    "normalise_span",
    "parse_ann",
    "prediction_line",
    "read_predictions",
    "score_agreement",
    "score_article",
    "score_document",
    "score_documents",
    "score_positions",
    "score_set",
    "score_topical",
    "sets_report_dict",
    "to_range_attribution",
    "write_predictions",
]
