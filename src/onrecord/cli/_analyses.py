"""Inputs to analyses for the commands that analyse: each problem reported as it comes."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from onrecord import api
from onrecord.cli._output import error
from onrecord.model import Analysis, Article, Issue
from onrecord.settings import Settings


class AnalysisStream:
    """Analyses of every article in ``inputs``, in order.

    A document that cannot be read, an analysis that fails, and a skipped article are
    reported on stderr; ``failures`` counts the first two, for the exit status. With
    ``issues``, each analysis has the positions actors take on them.
    """

    def __init__(
        self, inputs: Sequence[str], settings: Settings, issues: Sequence[Issue] = ()
    ) -> None:
        self.inputs = inputs
        self.settings = settings
        self.issues = issues
        self.failures = 0

    def __iter__(self) -> Iterator[Analysis]:
        for analysis in api.analyze_many(self._articles(), self.settings, self.issues):
            self._report(analysis)
            yield analysis

    def _articles(self) -> Iterator[Article]:
        for item in api.read_many(self.inputs, self.settings):
            if isinstance(item, Article):
                yield item
            else:
                self.failures += 1
                error(str(item))

    def _report(self, analysis: Analysis) -> None:
        if analysis.error:
            self.failures += 1
            error(analysis.error)
        elif analysis.skipped:
            error(f"{analysis.article.name}: skipped: {analysis.skipped}")
