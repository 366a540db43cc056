"""World knowledge the pipeline needs, from well-kept data packages (no spaCy here)."""

from onrecord.knowledge.actors import (
    ActorKnowledge,
    KnownActor,
    Office,
    load_actor_knowledge,
    starter_knowledge,
)
from onrecord.knowledge.countries import (
    Country,
    country_by_demonym,
    country_by_name,
    country_of,
    government_name,
)

__all__ = [
    "ActorKnowledge",
    "Country",
    "KnownActor",
    "Office",
    "country_by_demonym",
    "country_by_name",
    "country_of",
    "government_name",
    "load_actor_knowledge",
    "starter_knowledge",
]
