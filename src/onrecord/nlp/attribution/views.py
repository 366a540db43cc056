"""What a content or source rule may read of one candidate, beside the document.

A rule of one kind has one signature: a content rule takes the document, the
cue and the content so far and returns the content after it; a source rule takes
the document, what the candidate found and the source so far and returns the
source after it. The views carry what the rules read; the rules compute the rest
from the parse.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CueView:
    """One candidate cue: its tokens, the one the parse hangs the others on, and the
    tokens the role tagger marked as its source."""

    tokens: list[int]
    head: int
    tagged_source: frozenset[int] = frozenset()


@dataclass(frozen=True)
class SourceView:
    """A candidate once its content is known: its cue, the content's tokens, and the
    role tagger's source runs outside the content (a source never overlaps it: "The
    bridge, the mayor said, …")."""

    cue: CueView
    content: frozenset[int]
    tagged_runs: tuple[list[int], ...] = ()
