"""A cue's roles: its source and content, from the role tagger and the rules.

The role tagger marks content and source in a window around the cue; the
content starts from what it marked (or a fallback, ``content_fallbacks``), the
content rules give it its edges, and the source rules find and trim its source,
each kind in the order of its tuple.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from onrecord.nlp import lexicons
from onrecord.nlp.attribution.content_fallbacks import starting_content
from onrecord.nlp.attribution.content_rules import CONTENT_RULES
from onrecord.nlp.attribution.features import Cue, role_features
from onrecord.nlp.attribution.labels import CONTENT, SOURCE
from onrecord.nlp.attribution.source_rules import SOURCE_RULES
from onrecord.nlp.attribution.spans import content_kind, index_runs, label_runs, trimmed_span
from onrecord.nlp.attribution.views import CueView, SourceView
from onrecord.nlp.attribution.windows import role_window
from onrecord.nlp.context import DocContext
from onrecord.nlp.crf import Tagger
from onrecord.nlp.doc_records import DocAttribution

METHOD = "crf-v1"
ADVERBIAL_CUES = lexicons.load("attributing-adverbs-v1")
ADVERB = "adverb"  # the origin of an adverbial cue's content


@dataclass(frozen=True)
class Roles:
    """A cue's source and content, as one attribution."""

    attribution: DocAttribution
    content_confidence: float
    # "tagger", "paragraph", ADVERB, or a fallback's (content_fallbacks.CONTENT_FALLBACKS)
    content_origin: str
    cue: CueView  # what the source rules read of it, also after the checker


@dataclass(frozen=True)
class _Tagged:
    """What the role tagger marked around one cue, in document token indices."""

    content: list[int]
    source: frozenset[int]
    source_runs: list[list[int]]
    confidence: float  # the tagger's mean marginal over the content (0.5 when none)

    def source_runs_outside(self, content: AbstractSet[int]) -> tuple[list[int], ...]:
        return tuple(
            run
            for labelled in self.source_runs
            for run in index_runs([i for i in labelled if i not in content])
        )


def find_roles(tagger: Tagger, ctx: DocContext, tokens: list[int], described: Cue) -> Roles | None:
    """The cue's source and content, with the role tagger's mean marginal over the
    content and where the content came from."""
    tagged = _tag(tagger, ctx, tokens, described)
    cue = CueView(tokens, described.head, tagged.source)
    start = starting_content(ctx, cue, tagged.content)
    if start is None:
        return None
    origin, content_tokens = start
    adverb = next((i for i in tokens if ctx.lemma[i] in ADVERBIAL_CUES), None)
    if adverb is not None:  # "reportedly": the adverb alone is the cue, and no rule applies
        adverbial = _adverbial(ctx, [adverb], adverb)
        return None if adverbial is None else Roles(adverbial, 1.0, ADVERB, cue)
    for content_rule in CONTENT_RULES:
        content_tokens = content_rule(ctx, cue, content_tokens)
    content = _content_spans(ctx.doc, content_tokens)
    if not content:
        return None
    in_content = frozenset(content_tokens)
    found = SourceView(cue, in_content, tagged.source_runs_outside(in_content))
    source = None
    for source_rule in SOURCE_RULES:
        source = source_rule(ctx, found, source)
    kept = without_stray_preposition(ctx, tokens, in_content, source)
    attribution = DocAttribution(
        cue=ctx.doc[kept[0] : kept[-1] + 1],
        source=source,
        content=content,
        kind=content_kind(ctx, content),
        confidence=tagged.confidence,
        method=METHOD,
    )
    return Roles(attribution, tagged.confidence, origin, cue)


def _tag(tagger: Tagger, ctx: DocContext, cue: list[int], described: Cue) -> _Tagged:
    window = role_window(ctx, cue)
    labels = tagger.tag([role_features(ctx, described, j) for j in window])
    content = [window.start + k for k, label in enumerate(labels) if label == CONTENT]
    source = frozenset(window.start + k for k, label in enumerate(labels) if label == SOURCE)
    probs = [tagger.marginal(CONTENT, j - window.start) for j in content] or [0.5]
    runs = [[window.start + k for k in run] for run in label_runs(labels, {SOURCE})]
    return _Tagged(content, source, runs, sum(probs) / len(probs))


def _content_spans(doc: Doc, tokens: list[int]) -> list[Span]:
    """The content's parts: its runs of tokens, without spaces and punctuation at their
    ends (a part that is only those is dropped)."""
    trimmed = [
        trimmed_span(doc, run[0], run[-1] + 1, punctuation=True) for run in index_runs(tokens)
    ]
    return [span for span in trimmed if span is not None]


def _adverbial(ctx: DocContext, cue: list[int], head: int) -> DocAttribution | None:
    """ "X reportedly did Y": the whole clause is the content (taken from the parse,
    so as sure as the cue), and there is no source."""
    verb = ctx.head[head]
    first, last = ctx.doc[verb].left_edge.i, ctx.doc[verb].right_edge.i
    tokens = [
        i
        for i in range(first, last + 1)
        if i not in cue and not (ctx.is_punct[i] or ctx.is_space[i])
    ]
    parts = [ctx.doc[run[0] : run[-1] + 1] for run in index_runs(tokens)]
    if not parts:
        return None
    return DocAttribution(
        cue=ctx.doc[cue[0] : cue[-1] + 1],
        source=None,
        content=parts,
        kind=content_kind(ctx, parts),
        confidence=1.0,
        method=METHOD,
    )


def without_stray_preposition(
    ctx: DocContext, cue: list[int], content: AbstractSet[int], source: Span | None
) -> list[int]:
    """ "said in [an interview]": a preposition at the cue's end whose object is neither
    content nor source says where or when, and is not part of the cue ("pointed to
    [the audit]", "according to [X]" keep theirs). The one rule on the cue's own
    words, run last: it reads both roles."""
    last = ctx.doc[cue[-1]]
    if len(cue) < 2 or last.dep_ != "prep":
        return cue
    objects = [c for c in last.children if c.dep_ in {"pobj", "pcomp"}]
    for i in (i for o in objects for i in range(o.left_edge.i, o.right_edge.i + 1)):
        if i in content or (source is not None and source.start <= i < source.end):
            return cue
    return cue[:-1] if objects else cue
