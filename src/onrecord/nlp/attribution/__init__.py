"""The attribution component: cues, then each cue's source and content.

``finder`` runs the two taggers (``cues``, ``roles``) and the checker; the
content and source rules give each cue's spans their edges; the quote and
document rules add and reshape what the taggers cannot see.
"""

from onrecord.nlp.attribution.finder import AttributionFinder

__all__ = ["AttributionFinder"]
