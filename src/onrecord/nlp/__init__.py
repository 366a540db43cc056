"""The NLP stage: the only package that imports spaCy.

Components are registered under versioned names (``onrecord_attribution_v1``)
and usable in any spaCy pipeline; :class:`Annotator` runs them over Articles.
"""

from onrecord.nlp.annotator import Annotator

__all__ = ["Annotator"]
