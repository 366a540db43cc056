"""What the attribution rules share: token runs, spans cut from them, and whether
a stretch of tokens is already some attribution's content."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

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


def _claims(attribution: DocAttribution, first: int, end: int) -> bool:
    cue = attribution.cue
    if cue is not None and first <= cue.start and cue.end <= end:
        return False
    return any(span.start < end and first < span.end for span in attribution.content)


class Claims:
    """Which stretches of a document some attribution already took as content.

    The attributions are filed by the stretches of tokens their contents cover, so
    each question reads only the ones near it (a rule that read them all for each
    quotation made a document of many quotations quadratic). A rule that gives an
    attribution more content, or makes a new one, files it again with ``add``; what
    it held before stays filed, which costs a look but changes no answer."""

    _STRETCH = 32  # tokens

    def __init__(self, found: Iterable[DocAttribution] = ()) -> None:
        self._filed: dict[int, list[DocAttribution]] = defaultdict(list)
        for attribution in found:
            self.add(attribution)

    def add(self, attribution: DocAttribution) -> None:
        for span in attribution.content:
            # An empty span at s counts as overlapping a range around s: file it at s.
            last = max(span.start, span.end - 1)
            for stretch in range(span.start // self._STRETCH, last // self._STRETCH + 1):
                filed = self._filed[stretch]
                if not filed or filed[-1] is not attribution:
                    filed.append(attribution)

    def claimed(self, first: int, end: int) -> bool:
        """Whether a cue outside tokens ``[first, end)`` (a quotation) already took them,
        or part of them, as content. Attributions reported *inside* the quotation ("I
        hope …") do not count."""
        # An empty range [p, p) overlaps a span that holds p, filed where p is.
        last = end - 1 if end > first else first
        seen: set[int] = set()
        for stretch in range(first // self._STRETCH, last // self._STRETCH + 1):
            for attribution in self._filed.get(stretch, ()):
                if id(attribution) not in seen:
                    seen.add(id(attribution))
                    if _claims(attribution, first, end):
                        return True
        return False
