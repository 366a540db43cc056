"""Where a full-text search matched: the spans of a text that its words found.

The store's search (``store.fts``) matches each word of a query as a word or the start
of one, case aside; these are the same matches, as character offsets into the text,
so a page or a client can mark them without searching again.
"""

from __future__ import annotations

import re

from onrecord.store.fts import words_of

__all__ = ["highlights"]


def highlights(text: str, query: str) -> list[tuple[int, int]]:
    """The (start, end) of each word of ``text`` a word of ``query`` begins, in order."""
    words = sorted(set(words_of(query)), key=len, reverse=True)
    if not words:
        return []
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")\w*", re.IGNORECASE)
    return [match.span() for match in pattern.finditer(text)]
