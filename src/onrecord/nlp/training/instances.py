"""Gold attributions as token labels: training sequences for both CRF taggers."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from onrecord.model.gold import RangeAttribution
from onrecord.nlp.attribution.features import cue_features, make_cue, role_features
from onrecord.nlp.attribution.labels import CONTENT, CUE_BEGIN, CUE_INSIDE, OUTSIDE, SOURCE
from onrecord.nlp.attribution.windows import role_window
from onrecord.nlp.context import DocContext
from onrecord.nlp.document import ParsedArticle, tokens_in

Sequence = tuple[list[list[str]], list[str]]


@dataclass(frozen=True)
class TokenAttribution:
    cue: list[int]
    source: frozenset[int]
    content: frozenset[int]


def token_attributions(
    parsed: ParsedArticle, gold: list[RangeAttribution]
) -> list[TokenAttribution]:
    out = []
    for attribution in gold:

        def to_tokens(ranges: tuple[tuple[int, int], ...]) -> list[int]:
            view_ranges = [r for a, b in ranges for r in parsed.view.range_to_view(a, b)]
            return tokens_in(parsed.doc, view_ranges)

        cue = to_tokens(attribution.cue)
        content = to_tokens(attribution.content)
        if cue and content:
            out.append(
                TokenAttribution(cue, frozenset(to_tokens(attribution.source)), frozenset(content))
            )
    return out


def cue_sequences(ctx: DocContext, gold: list[TokenAttribution]) -> Iterator[Sequence]:
    labels = [OUTSIDE] * ctx.n_tokens
    for attribution in gold:
        for k, i in enumerate(attribution.cue):
            previous = attribution.cue[k - 1] if k else None
            labels[i] = CUE_INSIDE if previous == i - 1 else CUE_BEGIN
    for start, end in ctx.sent_bounds:
        yield [cue_features(ctx, i) for i in range(start, end)], labels[start:end]


def role_sequences(ctx: DocContext, gold: list[TokenAttribution]) -> Iterator[Sequence]:
    all_cues = frozenset(i for a in gold for i in a.cue)
    for attribution in gold:
        cue = make_cue(ctx, attribution.cue, all_cues - set(attribution.cue))
        window = role_window(ctx, attribution.cue)
        xseq = [role_features(ctx, cue, j) for j in window]
        yseq = [_role_label(attribution, j) for j in window]
        yield xseq, yseq


def _role_label(attribution: TokenAttribution, j: int) -> str:
    if j in attribution.content:
        return CONTENT
    if j in attribution.source:
        return SOURCE
    return OUTSIDE
