"""The conditions attached to a position, as short phrases from the text.

Each limit or qualifier the stance stage found ("only", "counter-fire", "as long as",
"in line with international law", "to defend itself") sits in a phrase of the
sentence: the prepositional phrase, clause or noun phrase around it ("for
counter-fire purposes in the Kharkiv region", "as long as it conforms to
international law"). Those phrases, in text order and without overlaps, joined by
"; ", are the conditions.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from onrecord.model import Signal
from onrecord.nlp.positions.cues import Marker
from onrecord.nlp.positions.stance import Hit

# The dependency labels that head a phrase worth quoting as a condition.
_PHRASE_HEADS = frozenset({"prep", "advcl", "acl", "npadvmod", "advmod", "dobj", "pobj", "xcomp"})
_MAX_WORDS = 16


def conditions(hits: Sequence[Hit], allowed: set[int]) -> str | None:
    """``allowed`` are the token indices of the statement; phrases stay inside it."""
    spans: list[Span] = []
    for hit in hits:
        if hit.signal not in (Signal.LIMITS, Marker.QUALIFIER):
            continue
        span = _phrase(hit.token, allowed)
        if span is not None and not any(_overlap(span, s) for s in spans):
            spans.append(span)
    if not spans:
        return None
    spans.sort(key=lambda s: s.start)
    return "; ".join(_clean(s) for s in spans)


def _phrase(token: Token, allowed: set[int]) -> Span | None:
    if token.dep_ == "advmod" and token.head.i in allowed:
        # "only" in "should only be used in Ukraine": from it to the end of its verb phrase
        start = token.left_edge.i  # "as long as": from the first "as"
        words = [t for t in token.head.subtree if t.i >= start and t.i in allowed]
        end = min(words[-1].i + 1, start + _MAX_WORDS)
        return token.doc[start:end]
    node = token
    for _ in range(3):
        if node.dep_ in _PHRASE_HEADS and node.i != node.head.i:
            break
        if node.head.i == node.i or node.head.i not in allowed:
            break
        node = node.head
    words = [t for t in node.subtree if t.i in allowed]
    if not words:
        return None
    start, end = words[0].i, words[-1].i + 1
    if end - start > _MAX_WORDS:  # the whole clause: keep the words around the limit
        start = max(start, token.i - _MAX_WORDS // 2)
        end = min(end, start + _MAX_WORDS)
    return token.doc[start:end]


def _overlap(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _clean(span: Span) -> str:
    return span.text.strip(" ,.;:“”\"'‘’")
