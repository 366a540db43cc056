"""The stretch of text the role tagger reads around one cue."""

from __future__ import annotations

from onrecord.nlp.context import DocContext

SENTENCES_BEFORE = 1
SENTENCES_AFTER = 2
MAX_WINDOW = 400  # tokens; bounds the cost of pathological inputs


def role_window(ctx: DocContext, cue: list[int]) -> range:
    """Sentences around the cue, widened to whole quotations that touch them."""
    sent = ctx.sent_of[cue[0]]
    last_sent = ctx.sent_of[cue[-1]]
    first = ctx.sent_bounds[max(0, sent - SENTENCES_BEFORE)][0]
    end = ctx.sent_bounds[min(len(ctx.sent_bounds) - 1, last_sent + SENTENCES_AFTER)][1]
    for q_first, q_end in ctx.quote_tokens:
        if q_first < end and q_end > first:
            first, end = min(first, q_first), max(end, q_end)
    first = max(first, cue[0] - MAX_WINDOW // 2)
    end = min(end, cue[-1] + MAX_WINDOW // 2)
    return range(first, end)
