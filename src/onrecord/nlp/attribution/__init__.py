"""The attribution component: cues, then each cue's source and content.

``finder`` runs the two taggers and the checker; the grammar gives the spans
their edges; ``document_rules`` add and reshape what the taggers cannot see.
"""

from onrecord.nlp.attribution.finder import AttributionFinder

__all__ = ["AttributionFinder"]
