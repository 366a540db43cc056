"""Interview transcripts: "TAPPER: Do you think …?" is Tapper's turn.

A paragraph that opens with a speaker's name in capitals and a colon is that
speaker's turn; the turn runs over the unlabelled paragraphs up to the next one.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Span

from onrecord.model import AttributionKind
from onrecord.nlp.attribution.spans import next_word, trimmed_span
from onrecord.nlp.context import DocContext
from onrecord.nlp.doc_records import TRANSCRIPT_METHOD, DocAttribution

_LABEL_WORDS = 4  # "JAKE TAPPER:", "SEN. ELIZABETH WARREN:"


@dataclass(frozen=True)
class Transcript:
    """The turns of an interview transcript, and every label-like paragraph opening
    ("CORRECTION:" too): the colons no other attribution may take as its cue."""

    turns: list[DocAttribution]
    label_colons: frozenset[int]

    def takes_a_label(self, attribution: DocAttribution) -> bool:
        """Whether the tagger read a transcript's "PENCE:" or an editor's "CORRECTION:"
        as a cue (the turn itself stands for the first)."""
        cue = attribution.cue
        return cue is not None and cue.end - 1 in self.label_colons

    def reads_over(self, attribution: DocAttribution) -> bool:
        """Whether a content takes in a turn's speaker label ("PENCE:"): read across
        turns, as a quotation opened at every paragraph and never closed makes it."""
        return any(
            span.start <= turn.cue.start < span.end
            for turn in self.turns
            if turn.cue is not None
            for span in attribution.content
        )


def transcript_turns(ctx: DocContext) -> Transcript:
    """The turns of an interview transcript ("TAPPER: Do you think …?").

    A paragraph that opens with a name in capitals and a colon is that speaker's turn
    when the article also writes the name the ordinary way ("Jake Tapper") or, once
    one such name shows the text is a transcript, when the label opens more than one
    turn (the host who is never introduced). That keeps out editorial labels
    ("CORRECTION:", "UPDATE:", a lone "VIDEO:"). A turn runs on over unlabelled
    paragraphs up to the next one; a stage direction ("(CROSSTALK.)") ends it, and the
    last turn keeps to its paragraph (what follows is the article's own text: "Follow
    Pam Key on Twitter")."""
    labelled = [
        (k, label)
        for k, (start, end) in enumerate(ctx.para_bounds)
        if (label := _speaker_label(ctx, start, end)) is not None
    ]
    colons = frozenset(label.end - 1 for _, label in labelled)
    if not labelled:
        return Transcript([], colons)
    names = {t.text.upper() for t in ctx.doc if t.pos_ == "PROPN" and t.text.istitle()}
    surnames = Counter(_surname(label) for _, label in labelled)
    if not names & surnames.keys():
        return Transcript([], colons)
    turns = []
    for n, (k, label) in enumerate(labelled):
        if _surname(label) not in names and surnames[_surname(label)] < 2:
            continue
        colon = label[-1:]
        first = next_word(ctx, colon.end)
        if first is None:
            continue
        content = [trimmed_span(ctx.doc, first, ctx.para_bounds[k][1])]
        next_turn = labelled[n + 1][0] if n + 1 < len(labelled) else k + 1
        for following in range(k + 1, next_turn):
            if _is_stage_direction(ctx, following):
                break
            content.append(trimmed_span(ctx.doc, *ctx.para_bounds[following]))
        turns.append(
            DocAttribution(
                cue=colon,
                source=label[:-1],
                content=[span for span in content if span is not None],
                kind=AttributionKind.DIRECT,
                confidence=0.8,
                method=TRANSCRIPT_METHOD,
            )
        )
    return Transcript(turns, colons)


def _surname(label: Span) -> str:
    return [t.text for t in label if t.is_alpha][-1]


def _speaker_label(ctx: DocContext, start: int, end: int) -> Span | None:
    """ "WALLACE:" or "JAKE TAPPER:" (with the colon) at the start of a paragraph, also
    after an opening quotation mark (transcripts quoted paragraph by paragraph)."""
    i = start
    while i < end and (ctx.is_space[i] or ctx.is_quote_mark(i)):
        i += 1
    first = i
    while i < end and i - first < _LABEL_WORDS * 2 and ctx.lower[i] != ":":
        text = ctx.doc[i].text
        if not (text.isupper() or text == "."):
            return None
        i += 1
    words = [t for t in ctx.doc[first:i] if t.is_alpha]
    if i >= end or ctx.lower[i] != ":" or not words or len(words) > _LABEL_WORDS:
        return None
    return ctx.doc[first : i + 1]


def _is_stage_direction(ctx: DocContext, k: int) -> bool:
    """ "(CROSSTALK.)", "(END VIDEO CLIP.)", "…": no words outside parentheses."""
    start, end = ctx.para_bounds[k]
    depth = 0
    for i in range(start, end):
        depth += {"(": 1, ")": -1}.get(ctx.lower[i], 0)
        if depth <= 0 and ctx.doc[i].is_alpha:
            return False
    return True
