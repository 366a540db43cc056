"""The attribution component: cues, then each cue's source and content.

``finder`` runs the two taggers (``cues``, ``roles``) and the checker. Each kind
of rule is a tuple of same-signature functions, run in its order:
``content_fallbacks.CONTENT_FALLBACKS`` and ``content_rules.CONTENT_RULES`` give a
cue's content, ``source_rules.SOURCE_RULES`` and ``KEPT_SOURCE_RULES`` its
source, ``document_rules.DOCUMENT_RULES`` add and reshape what the taggers cannot
see. A new rule is one function named in one tuple.

What other packages use is exported here: the finder, its model files, and
what training needs to build and label the taggers' instances.
"""

from onrecord.nlp.attribution.checker import CHECKER_MODEL, Checker, Features
from onrecord.nlp.attribution.features import cue_features, make_cue, role_features
from onrecord.nlp.attribution.finder import (
    CUE_MODEL,
    MODEL_DIR,
    ROLE_MODEL,
    AttributionFinder,
    Candidate,
)
from onrecord.nlp.attribution.labels import CONTENT, CUE_BEGIN, CUE_INSIDE, OUTSIDE, SOURCE
from onrecord.nlp.attribution.roles import ADVERB
from onrecord.nlp.attribution.windows import role_window

__all__ = [
    "ADVERB",
    "CHECKER_MODEL",
    "CONTENT",
    "CUE_BEGIN",
    "CUE_INSIDE",
    "CUE_MODEL",
    "MODEL_DIR",
    "OUTSIDE",
    "ROLE_MODEL",
    "SOURCE",
    "AttributionFinder",
    "Candidate",
    "Checker",
    "Features",
    "cue_features",
    "make_cue",
    "role_features",
    "role_window",
]
