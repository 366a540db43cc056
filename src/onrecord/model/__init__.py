"""The record model: plain data with character offsets. Imports nothing of ours."""

from onrecord.model.analysis import Analysis
from onrecord.model.article import BODY_KINDS, Article, Block, BlockKind, content_hash
from onrecord.model.attribution import Attribution, AttributionKind, Provenance, Span

__all__ = [
    "Analysis",
    "Article",
    "Attribution",
    "AttributionKind",
    "Block",
    "BlockKind",
    "BODY_KINDS",
    "Provenance",
    "Span",
    "content_hash",
]
