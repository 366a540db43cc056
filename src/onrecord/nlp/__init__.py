"""The NLP stage: the only package that imports spaCy.

Components are registered under versioned names (``onrecord_attribution_v1``)
and usable in any spaCy pipeline; :class:`Annotator` runs them over Articles, and
:class:`AnalysisPool` runs annotators in several processes.
"""

from onrecord.nlp.annotator import Annotator
from onrecord.nlp.pool import AnalysisPool, WorkerFigures

__all__ = ["AnalysisPool", "Annotator", "WorkerFigures"]
