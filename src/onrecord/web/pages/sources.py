"""The front page (what the store holds, the issues it follows) and the sources page
(who gets quoted: named and anonymous sources by outlet and by type of speaker)."""

from __future__ import annotations

from typing import Any

from onrecord.query import source_shares
from onrecord.store import Store

__all__ = ["home_context", "sources_context"]

_COUNTED = ("articles", "attributions", "actors", "positions")


def home_context(store: Store) -> dict[str, Any]:
    counts = store.counts()
    return {
        "counts": {name: counts.get(name, 0) for name in _COUNTED},
        "issues": [
            {"id": s.issue.id, "title": s.issue.title, "statement": s.issue.statement}
            for s in sorted(store.current_issues(), key=lambda s: s.issue.id)
        ],
    }


def sources_context(store: Store) -> dict[str, Any]:
    shares = [share.to_dict() for share in source_shares(store)]
    return {
        "by_outlet": [s for s in shares if s["by"] == "outlet"],
        "by_type": [s for s in shares if s["by"] == "speaker type"],
    }
