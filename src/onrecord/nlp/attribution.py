"""Finding attributions in a parsed Doc: cues first, then each cue's source and content.

Two CRFs trained on annotated news (PolNeAR by default; see ``onrecord
train``): the cue tagger reads one sentence at a time; the role tagger reads
a window around each cue and marks its source and content. One rule follows
them: a paragraph that opens with an unattributed quotation continues the
previous paragraph's speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, Span

from onrecord.model import AttributionKind
from onrecord.nlp.context import DocContext, build_context
from onrecord.nlp.crf import Tagger
from onrecord.nlp.features import cue_features, role_features
from onrecord.nlp.labels import CONTENT, CUE_BEGIN, CUE_INSIDE, SOURCE
from onrecord.nlp.windows import role_window

MODEL_DIR = Path(__file__).parent / "models" / "attribution-v1"
CUE_MODEL = "cue.crfsuite"
ROLE_MODEL = "role.crfsuite"
METHOD = "crf-v1"
CONTINUATION_METHOD = "rule:quote-continuation-v1"
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


@dataclass
class DocAttribution:
    """An attribution over a Doc's tokens; ``cue`` or ``source`` may be absent."""

    cue: Span | None
    source: Span | None
    content: list[Span]
    kind: AttributionKind
    confidence: float
    method: str


def paragraph_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in _PARAGRAPH_BREAK.finditer(text)]


class AttributionFinder:
    def __init__(self, cue_tagger: Tagger, role_tagger: Tagger, min_confidence: float = 0.0):
        self.cue_tagger = cue_tagger
        self.role_tagger = role_tagger
        self.min_confidence = min_confidence

    @classmethod
    def load(cls, model_dir: Path | None = None, min_confidence: float = 0.0) -> AttributionFinder:
        directory = model_dir or MODEL_DIR
        return cls(Tagger(directory / CUE_MODEL), Tagger(directory / ROLE_MODEL), min_confidence)

    def find(self, doc: Doc) -> list[DocAttribution]:
        if not len(doc):
            return []
        ctx = build_context(doc, paragraph_starts(doc.text))
        cues = self.find_cues(ctx)
        all_cue_tokens = frozenset(i for cue, _ in cues for i in cue)
        found = []
        for cue, confidence in cues:
            attribution = self.find_roles(ctx, cue, all_cue_tokens - set(cue), confidence)
            if attribution is not None and attribution.confidence >= self.min_confidence:
                found.append(attribution)
        found += continuation_quotes(ctx, found)
        return sorted(found, key=lambda a: a.content[0].start)

    def find_cues(self, ctx: DocContext) -> list[tuple[list[int], float]]:
        cues = []
        for start, end in ctx.sent_bounds:
            labels = self.cue_tagger.tag([cue_features(ctx, i) for i in range(start, end)])
            for run in _runs(labels, {CUE_BEGIN, CUE_INSIDE}, breaks_on=CUE_BEGIN):
                probs = [
                    self.cue_tagger.marginal(labels[k], k) for k in run
                ]
                tokens = [start + k for k in run if not ctx.doc[start + k].is_space]
                if tokens:
                    cues.append((tokens, sum(probs) / len(probs)))
        return cues

    def find_roles(
        self, ctx: DocContext, cue: list[int], other_cues: frozenset[int], cue_confidence: float
    ) -> DocAttribution | None:
        window = role_window(ctx, cue)
        labels = self.role_tagger.tag([role_features(ctx, cue, j, other_cues) for j in window])
        content_runs = _runs(labels, {CONTENT})
        if not content_runs:
            return None
        content_probs = [self.role_tagger.marginal(CONTENT, k) for run in content_runs for k in run]
        doc = ctx.doc
        content = [_trimmed_span(doc, window.start + r[0], window.start + r[-1] + 1) for r in content_runs]
        content = [s for s in content if s is not None]
        if not content:
            return None
        source = _nearest_source(doc, window.start, _runs(labels, {SOURCE}), cue)
        confidence = cue_confidence * sum(content_probs) / len(content_probs)
        return DocAttribution(
            cue=doc[cue[0] : cue[-1] + 1],
            source=source,
            content=content,
            kind=content_kind(ctx, content),
            confidence=confidence,
            method=METHOD,
        )


def _runs(labels: list[str], wanted: set[str], breaks_on: str | None = None) -> list[list[int]]:
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


def _trimmed_span(doc: Doc, start: int, end: int) -> Span | None:
    while start < end and doc[start].is_space:
        start += 1
    while end > start and doc[end - 1].is_space:
        end -= 1
    return doc[start:end] if end > start else None


def _nearest_source(doc: Doc, offset: int, runs: list[list[int]], cue: list[int]) -> Span | None:
    if not runs:
        return None

    def distance(run: list[int]) -> int:
        first, last = offset + run[0], offset + run[-1]
        return min(abs(first - cue[-1]), abs(last - cue[0]))

    best = min(runs, key=distance)
    return _trimmed_span(doc, offset + best[0], offset + best[-1] + 1)


def content_kind(ctx: DocContext, content: list[Span]) -> AttributionKind:
    words = [t.i for span in content for t in span if not (t.is_punct or t.is_space)]
    if not words:
        return AttributionKind.INDIRECT
    quoted = sum(1 for i in words if ctx.quote_of[i] >= 0)
    if quoted == len(words):
        return AttributionKind.DIRECT
    return AttributionKind.MIXED if quoted else AttributionKind.INDIRECT


def continuation_quotes(ctx: DocContext, found: list[DocAttribution]) -> list[DocAttribution]:
    """Paragraph-opening quotations nobody claimed continue the previous speaker."""
    claimed = {t.i for a in found for span in a.content for t in span}
    out: list[DocAttribution] = []
    for first, end in ctx.quote_tokens:
        if first >= end or not _opens_paragraph(ctx, first) or claimed & set(range(first, end)):
            continue
        previous = _previous_direct(found + out, ctx, first)
        if previous is None:
            continue
        out.append(
            DocAttribution(
                cue=None,
                source=previous.source,
                content=[ctx.doc[first:end]],
                kind=AttributionKind.DIRECT,
                confidence=previous.confidence * 0.8,
                method=CONTINUATION_METHOD,
            )
        )
    return out


def _opens_paragraph(ctx: DocContext, i: int) -> bool:
    j = i - 1
    while j >= 0 and ctx.doc[j].is_space:
        if "\n\n" in ctx.doc[j].text or ctx.para_of[j] != ctx.para_of[i]:
            return True
        j -= 1
    return j < 0 or ctx.para_of[j] != ctx.para_of[i]


def _previous_direct(
    found: list[DocAttribution], ctx: DocContext, i: int
) -> DocAttribution | None:
    """The attribution in the paragraph just before token ``i``, if it quoted someone."""
    para = ctx.para_of[i]
    candidates = [a for a in found if a.content and ctx.para_of[a.content[-1].end - 1] == para - 1]
    if not candidates:
        return None
    last = max(candidates, key=lambda a: a.content[-1].end)
    return last if last.kind is not AttributionKind.INDIRECT else None
