"""How far annotators agree with one another, in the metrics the system is scored by.

On an article annotated several times, the first annotator is the gold (as in ``eval
polnear``) and every other annotator is scored against it as if it were a system. The
sum over those pairs is the ceiling a split's annotations set: a system cannot be
expected to match the gold more closely than a second annotator does.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from onrecord.evaluate.brat import AnnotatedDocument
from onrecord.evaluate.metrics import EvaluationReport, score_document


@dataclass(frozen=True)
class AgreementReport:
    """Scores summed over (gold, other annotator) pairs: ``report.documents`` counts the
    pairs, ``articles`` the articles with two annotators or more."""

    report: EvaluationReport = field(default_factory=EvaluationReport)
    articles: int = 0


def score_agreement(documents: list[AnnotatedDocument]) -> AgreementReport:
    report, articles = EvaluationReport(), 0
    for document in documents:
        first, *others = document.annotations.values()
        if others:
            articles += 1
        for other in others:
            report = report + score_document(document.text, first, other)
    return AgreementReport(report, articles)
