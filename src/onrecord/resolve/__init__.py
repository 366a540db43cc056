"""Actors across articles: one canonical actor, with a stable id, for every name it has.

Works on record-model objects only (no spaCy, nothing of ``onrecord.nlp``): feed it the
analyses of a corpus, then ask for its actors or apply it to an analysis.
"""

from onrecord.resolve.aliases import Aliases, AliasMerge, load_aliases, parse_aliases
from onrecord.resolve.names import PersonName, is_less_specific, parse_person_name
from onrecord.resolve.registry import ActorRegistry, RegistryEntry, RoleSighting

__all__ = [
    "ActorRegistry",
    "AliasMerge",
    "Aliases",
    "PersonName",
    "RegistryEntry",
    "RoleSighting",
    "is_less_specific",
    "load_aliases",
    "parse_aliases",
    "parse_person_name",
]
