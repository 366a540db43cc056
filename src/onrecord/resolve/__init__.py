"""Across articles: one canonical actor, with a stable id, for every name it has; each
actor's positions on an issue on one timeline; wire copies as syndication groups; and
the same quote across articles as one cluster, with where it was first seen.

Works on record-model objects only (no spaCy, nothing of ``onrecord.nlp``): feed it the
analyses of a corpus, then ask for its actors, positions, groups or quotes, or apply it
to an analysis.
"""

from onrecord.resolve.aliases import Aliases, AliasMerge, load_aliases, parse_aliases
from onrecord.resolve.names import PersonName, is_less_specific, parse_person_name
from onrecord.resolve.positions import PositionTracker
from onrecord.resolve.quote_clusters import (
    QuoteAssignment,
    QuoteCluster,
    QuoteIndex,
    QuoteMember,
    QuoteParams,
    cluster_quotes,
    quote_members,
)
from onrecord.resolve.registry import ActorRegistry, RegistryEntry, RoleSighting
from onrecord.resolve.signatures import Signature, SyndicationParams, signature
from onrecord.resolve.syndication import (
    GroupAssignment,
    Link,
    SignedArticle,
    SyndicationGroup,
    SyndicationIndex,
    group_articles,
    signed_article,
)
from onrecord.resolve.tracked import Evidence, TrackedPosition

__all__ = [
    "ActorRegistry",
    "AliasMerge",
    "Aliases",
    "Evidence",
    "GroupAssignment",
    "Link",
    "PersonName",
    "PositionTracker",
    "QuoteAssignment",
    "QuoteCluster",
    "QuoteIndex",
    "QuoteMember",
    "QuoteParams",
    "RegistryEntry",
    "RoleSighting",
    "Signature",
    "SignedArticle",
    "SyndicationGroup",
    "SyndicationIndex",
    "SyndicationParams",
    "TrackedPosition",
    "cluster_quotes",
    "group_articles",
    "is_less_specific",
    "load_aliases",
    "parse_aliases",
    "parse_person_name",
    "quote_members",
    "signature",
    "signed_article",
]
