"""Where a cue's content comes from when the role tagger marks none, or too little.

A cue whose paragraph ends with its colon ("Limbaugh added:") quotes the next
paragraph whole. When the tagger marks no content, the parse offers one: the
first of ``CONTENT_FALLBACKS`` (at the end of this module) that finds any, each
named by where its content came from (the checker reads that name).
"""

from __future__ import annotations

from collections.abc import Callable

from onrecord.nlp.attribution.punctuation import COMMA_OR_DASH
from onrecord.nlp.attribution.syntax import SUBJECTS, interrupted
from onrecord.nlp.attribution.views import CueView
from onrecord.nlp.context import DocContext

# A fallback takes the cue and returns the content it finds, or nothing.
ContentFallback = Callable[[DocContext, CueView], list[int]]


def complement(ctx: DocContext, cue: CueView) -> list[int]:
    """ "The bridge will open, the mayor said": the tokens of the cue head's clausal
    complement (its ``ccomp`` subtree)."""
    clause = next((c for c in ctx.doc[cue.head].children if c.dep_ == "ccomp"), None)
    if clause is None:
        return []
    return list(range(clause.left_edge.i, clause.right_edge.i + 1))


def that_clause(ctx: DocContext, cue: CueView) -> list[int]:
    """ "X told an outlet on Thursday that …", when the parse missed the clause: from a
    "that" a few words after the cue to the sentence end."""
    last = cue.tokens[-1]
    sent_end = ctx.sent_bounds[ctx.sent_of[last]][1]
    for i in range(last + 1, min(last + 10, sent_end)):
        if ctx.is_punct[i] and ctx.lower[i] not in COMMA_OR_DASH:
            return []
        if ctx.lower[i] == "that":
            end = sent_end
            while end > i and (ctx.is_punct[end - 1] or ctx.is_space[end - 1]):
                end -= 1
            return list(range(i, end))
    return []


def quote_before(ctx: DocContext, head: int) -> list[int]:
    """ "“Why not?” a narrator asks.": the quotation that ends, in the cue's paragraph,
    just before the cue's clause (its subject, or the cue itself)."""
    subject = next(
        (c for c in ctx.doc[head].children if c.dep_ in SUBJECTS and c.i < head),
        None,
    )
    k = (subject.left_edge.i if subject is not None else head) - 1
    while k >= 0 and ctx.quote_of[k] < 0 and (ctx.is_punct[k] or ctx.is_space[k]):
        k -= 1
    if k < 0 or ctx.quote_of[k] < 0 or ctx.para_of[k] != ctx.para_of[head]:
        return []
    first, end = ctx.quote_tokens[ctx.quote_of[k]]
    return list(range(first, end))


def paragraph_after_colon(ctx: DocContext, cue: list[int]) -> list[int]:
    """ "Limbaugh added:" closing its paragraph: the next paragraph is what he added."""
    para = ctx.para_of[cue[-1]]
    _, end = ctx.para_bounds[para]
    last = end - 1
    while last > cue[-1] and ctx.is_space[last]:
        last -= 1
    colon_ends_cue = last == cue[-1] or (last == cue[-1] + 1 and not ctx.is_space[last])
    if ctx.lower[last] != ":" or not colon_ends_cue or para + 1 >= len(ctx.para_bounds):
        return []
    start, end = ctx.para_bounds[para + 1]
    return [i for i in range(start, end) if not ctx.is_space[i]]


def interrupted_clause(ctx: DocContext, cue: CueView) -> list[int]:
    """ "The bridge, the mayor said, will open": the verb clause a cue interrupts,
    without the cue's own words."""
    head = ctx.doc[cue.head]
    clause = interrupted(head)
    if clause is None or clause.pos_ not in {"VERB", "AUX"}:
        return []
    own = range(head.left_edge.i, head.right_edge.i + 1)
    return [i for i in range(clause.left_edge.i, clause.right_edge.i + 1) if i not in own]


def quote_before_clause(ctx: DocContext, cue: CueView) -> list[int]:
    """ "“Why not?” a narrator asks.": the quotation just before the cue's clause."""
    return quote_before(ctx, cue.head)


def starting_content(
    ctx: DocContext, cue: CueView, tagged: list[int]
) -> tuple[str, list[int]] | None:
    """The content the content rules start from, and where it came from: what the
    tagger marked, or the paragraph after the cue's colon, or the first fallback's
    content without what the tagger marked as source (None when that leaves
    nothing)."""
    block = paragraph_after_colon(ctx, cue.tokens)
    if block and set(tagged) <= set(block):
        # "Limbaugh added:" closing its paragraph quotes the next one whole (train
        # gold: 26 of 30), where the tagger often stops at its first sentence.
        return ("tagger" if tagged else "paragraph"), block
    if tagged:
        return "tagger", tagged
    # The tagger saw no content: take one from the parse, at lower confidence; the
    # checker knows which.
    for origin, fallback in CONTENT_FALLBACKS:
        if found := fallback(ctx, cue):
            kept = [i for i in found if i not in cue.tagged_source]
            return (origin, kept) if kept else None
    return None


# Tried in this order; the first that finds a content gives it, under its name.
CONTENT_FALLBACKS: tuple[tuple[str, ContentFallback], ...] = (
    ("clause", complement),
    ("that", that_clause),
    ("quote", quote_before_clause),
    ("interrupted", interrupted_clause),
)
