"""The record model: plain data with character offsets. Imports nothing of ours."""

from onrecord.model.actor import Actor, ActorType, actor_id, fold
from onrecord.model.analysis import Analysis
from onrecord.model.article import (
    BODY_KINDS,
    Article,
    Block,
    BlockKind,
    content_hash,
    valid_unicode,
)
from onrecord.model.attribution import Attribution, AttributionAct, AttributionKind, Provenance
from onrecord.model.codec import SCHEMA_VERSION, RecordError
from onrecord.model.position import (
    SIGNALS,
    Coarse,
    Example,
    Issue,
    Position,
    Signal,
    StanceLabel,
)
from onrecord.model.said_on import DateRule, SaidOn
from onrecord.model.span import Span

__all__ = [
    "Actor",
    "ActorType",
    "DateRule",
    "SaidOn",
    "actor_id",
    "fold",
    "Analysis",
    "Article",
    "Attribution",
    "AttributionAct",
    "AttributionKind",
    "Block",
    "BlockKind",
    "BODY_KINDS",
    "Provenance",
    "RecordError",
    "SCHEMA_VERSION",
    "Span",
    "content_hash",
    "valid_unicode",
    "Coarse",
    "Example",
    "Issue",
    "Position",
    "SIGNALS",
    "Signal",
    "StanceLabel",
]
