"""What the attribution rules share: token runs, spans cut from them, and whether
a stretch of tokens is already some attribution's content."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from onrecord.model import AttributionKind
from onrecord.nlp.context import DocContext
from onrecord.nlp.doc_records import DocAttribution
from onrecord.nlp.quotes import QUOTE_CHARS


def index_runs(indices: list[int]) -> list[list[int]]:
    """Maximal runs of consecutive indices, in the order given."""
    runs: list[list[int]] = []
    for i in indices:
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def label_runs(
    labels: list[str], wanted: set[str], breaks_on: str | None = None
) -> list[list[int]]:
    """Maximal runs of positions whose label is in ``wanted``."""
    runs: list[list[int]] = []
    for k, label in enumerate(labels):
        if label not in wanted:
            continue
        if runs and runs[-1][-1] == k - 1 and label != breaks_on:
            runs[-1].append(k)
        else:
            runs.append([k])
    return runs


def trimmed_span(doc: Doc, start: int, end: int, punctuation: bool = False) -> Span | None:
    """``doc[start:end]`` without spaces at its ends (and punctuation other than
    quotation marks, when asked: a content never starts with "," or ends with ":")."""

    def loose(i: int) -> bool:
        token = doc[i]
        return token.is_space or (punctuation and token.is_punct and token.text not in QUOTE_CHARS)

    while start < end and loose(start):
        start += 1
    while end > start and loose(end - 1):
        end -= 1
    return doc[start:end] if end > start else None


def next_word(ctx: DocContext, i: int) -> int | None:
    """The next token at or after ``i`` in the same paragraph that is not a space."""
    start_para = ctx.para_of[i - 1] if i > 0 else 0
    while i < ctx.n_tokens and ctx.is_space[i]:
        if "\n" in ctx.lower[i]:
            return None
        i += 1
    return i if i < ctx.n_tokens and ctx.para_of[i] == start_para else None


def content_kind(ctx: DocContext, content: list[Span]) -> AttributionKind:
    """Direct when every word of the content is quoted, mixed when some are."""
    words = [t.i for span in content for t in span if not (t.is_punct or t.is_space)]
    if not words:
        return AttributionKind.INDIRECT
    quoted = sum(1 for i in words if ctx.quote_of[i] >= 0)
    if quoted == len(words):
        return AttributionKind.DIRECT
    return AttributionKind.MIXED if quoted else AttributionKind.INDIRECT


def claimed(found: list[DocAttribution], first: int, end: int) -> bool:
    """Whether a cue outside the quotation already took it (or part of it) as content.

    Attributions reported *inside* the quotation ("I hope …") do not count.
    """
    for attribution in found:
        cue = attribution.cue
        if cue is not None and first <= cue.start and cue.end <= end:
            continue
        if any(span.start < end and first < span.end for span in attribution.content):
            return True
    return False
