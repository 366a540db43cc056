"""onrecord: who said what in the news, and where each actor stands.

The public API. The CLI and every other adapter are thin layers over it.
"""

from __future__ import annotations

from onrecord.api import analyze, analyze_many, read, read_many, settings
from onrecord.errors import OnrecordError, ReadError
from onrecord.model import Analysis, Article, Attribution, Block, BlockKind, Span
from onrecord.settings import Settings

__version__ = "0.1.0"

__all__ = [
    "Analysis",
    "Article",
    "Attribution",
    "Block",
    "BlockKind",
    "OnrecordError",
    "ReadError",
    "Settings",
    "Span",
    "__version__",
    "analyze",
    "analyze_many",
    "read",
    "read_many",
    "settings",
]
