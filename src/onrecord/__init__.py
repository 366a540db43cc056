"""onrecord: who said what in the news, and where each actor stands.

The public API. The CLI and every other adapter are thin layers over it.
"""

from __future__ import annotations

from onrecord.api import (
    actor_registry,
    analyze,
    analyze_many,
    ingest_articles,
    load_issue,
    open_store,
    read,
    read_many,
    reanalyze,
    settings,
    track_positions,
)
from onrecord.errors import OnrecordError, ReadError
from onrecord.model import (
    Actor,
    ActorType,
    Analysis,
    Article,
    Attribution,
    Block,
    BlockKind,
    Coarse,
    Issue,
    Position,
    SaidOn,
    Span,
)
from onrecord.settings import Settings

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "ActorType",
    "Analysis",
    "Article",
    "Attribution",
    "Block",
    "BlockKind",
    "Coarse",
    "Issue",
    "OnrecordError",
    "Position",
    "ReadError",
    "SaidOn",
    "Settings",
    "Span",
    "__version__",
    "actor_registry",
    "analyze",
    "analyze_many",
    "ingest_articles",
    "load_issue",
    "open_store",
    "read",
    "read_many",
    "reanalyze",
    "settings",
    "track_positions",
]
