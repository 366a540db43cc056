"""Across articles: one canonical actor, with a stable id, for every name it has; and
each actor's positions on an issue on one timeline.

Works on record-model objects only (no spaCy, nothing of ``onrecord.nlp``): feed it the
analyses of a corpus, then ask for its actors or positions, or apply it to an analysis.
"""

from onrecord.resolve.aliases import Aliases, AliasMerge, load_aliases, parse_aliases
from onrecord.resolve.names import PersonName, is_less_specific, parse_person_name
from onrecord.resolve.positions import PositionTracker
from onrecord.resolve.registry import ActorRegistry, RegistryEntry, RoleSighting
from onrecord.resolve.tracked import Evidence, TrackedPosition

__all__ = [
    "ActorRegistry",
    "AliasMerge",
    "Aliases",
    "Evidence",
    "PersonName",
    "PositionTracker",
    "RegistryEntry",
    "RoleSighting",
    "TrackedPosition",
    "is_less_specific",
    "load_aliases",
    "parse_aliases",
    "parse_person_name",
]
