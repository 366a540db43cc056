"""Where a cue's content comes from when the role tagger marks none, or too little.

The parse offers, in order: the cue's clausal complement ("The bridge will open,
the mayor said"), the clause after a "that" the parse missed ("told an outlet on
Thursday that …"), the quotation just before the cue's clause ("“Why not?” a
narrator asks"), the clause the cue interrupts ("The bridge, the mayor said, will
open"). A cue whose paragraph ends with its colon ("Limbaugh added:") quotes the
next paragraph whole.
"""

from __future__ import annotations

from onrecord.nlp.attribution.syntax import SUBJECTS, interrupted
from onrecord.nlp.context import DocContext


def complement(ctx: DocContext, head: int) -> list[int]:
    """The tokens of the cue head's clausal complement (its ``ccomp`` subtree)."""
    clause = next((c for c in ctx.doc[head].children if c.dep_ == "ccomp"), None)
    if clause is None:
        return []
    return list(range(clause.left_edge.i, clause.right_edge.i + 1))


def that_clause(ctx: DocContext, cue: list[int]) -> list[int]:
    """ "X told Y that …": from a "that" a few words after the cue to the sentence end."""
    sent_end = ctx.sent_bounds[ctx.sent_of[cue[-1]]][1]
    for i in range(cue[-1] + 1, min(cue[-1] + 10, sent_end)):
        if ctx.is_punct[i] and ctx.lower[i] not in {",", "—", "–"}:
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


def interrupted_clause(ctx: DocContext, head: int) -> list[int]:
    """ "The bridge, the mayor said, will open": the verb clause a cue interrupts,
    without the cue's own words."""
    cue = ctx.doc[head]
    clause = interrupted(cue)
    if clause is None or clause.pos_ not in {"VERB", "AUX"}:
        return []
    own = range(cue.left_edge.i, cue.right_edge.i + 1)
    return [i for i in range(clause.left_edge.i, clause.right_edge.i + 1) if i not in own]


def fallback_content(ctx: DocContext, head: int, cue: list[int]) -> tuple[str, list[int]]:
    """Where a content comes from when the tagger marks none, and its tokens: the cue's
    clausal complement ("The bridge will open, the mayor said"), the clause after a
    "that" when the parse missed it ("told an outlet on Thursday that …"), or the
    quotation just before the cue's clause ("“Why not?” a narrator asks"), or the
    clause the cue interrupts ("The bridge, the mayor said, will open")."""
    if tokens := complement(ctx, head):
        return "clause", tokens
    if tokens := that_clause(ctx, cue):
        return "that", tokens
    if tokens := quote_before(ctx, head):
        return "quote", tokens
    return "interrupted", interrupted_clause(ctx, head)
