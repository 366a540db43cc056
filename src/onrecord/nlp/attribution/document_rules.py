"""Rules that run after the taggers, over all of a document's attributions.

A content loses what another cue claims, what a conjunction or parenthesis cuts
off from its cue, and, after "said:", what came before; a headline that ends ",
reports say" or ", Blinken says" is theirs; "calls from X to Y" is X asking for Y.
Quotations have their own rules (``quote_rules``), interview transcripts their own
module (``transcripts``).

Every document rule takes the document's attributions so far and returns them
after it: the same records, reshaped in place, then any it adds. They run in the
order of ``DOCUMENT_RULES`` at the end of this module.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span

from onrecord.model import AttributionKind
from onrecord.nlp import lexicons
from onrecord.nlp.attribution.punctuation import CLAUSE_ENDS, LINE_ENDS
from onrecord.nlp.attribution.quote_rules import (
    continuation_quotes,
    dash_signoffs,
    join_next_quote,
    join_previous_quote,
    join_split_quotes,
)
from onrecord.nlp.attribution.spans import (
    Claims,
    content_kind,
    index_runs,
    next_word,
    trimmed_span,
)
from onrecord.nlp.context import DocContext
from onrecord.nlp.doc_records import DocAttribution

DocumentRule = Callable[[DocContext, list[DocAttribution]], list[DocAttribution]]

HEADLINE_METHOD = "rule:headline-tail-v1"
NOMINAL_METHOD = "rule:nominal-from-v1"
# Nouns of asking or warning that name their source with "from": "calls from X to …".
_ASKING_NOUNS = lexicons.load("asking-nouns-v1")
# Verbs that close a headline's attribution: "…, reports say", "…, Blinken says".
_HEADLINE_VERBS = lexicons.load("headline-verbs-v1")
_HEADLINE_SOURCE_MAX = 4  # words between the comma and the verb


def without_others_sentences(ctx: DocContext, found: list[DocAttribution]) -> list[DocAttribution]:
    """“A,” Warren said. “B,” she said later.: a content that runs on into another
    sentence gives up the words there that the cue of that sentence claims as its source
    or content (unless that cue is inside the content: what the speaker reports someone
    said)."""
    cue_sentences = {ctx.sent_of[a.cue.start]: a for a in found if a.cue is not None}
    for attribution in found:
        if attribution.cue is None:
            continue
        own = ctx.sent_of[attribution.cue.start]
        within = attribution.content_tokens()
        taken = set()
        for i in within:
            other = cue_sentences.get(ctx.sent_of[i])
            if other is None or other is attribution or ctx.sent_of[i] == own:
                continue
            nested = other.cue is not None and other.cue.start in within
            claims = [*other.content, other.source] if other.source else other.content
            if not nested and any(p.start <= i < p.end for p in claims):
                taken.add(i)
        if not taken:
            continue
        kept = sorted(within - taken)
        spans = [trimmed_span(ctx.doc, r[0], r[-1] + 1, punctuation=True) for r in index_runs(kept)]
        attribution.content = [span for span in spans if span is not None] or attribution.content
        attribution.kind = content_kind(ctx, attribution.content)
    return found


def without_other_clauses(ctx: DocContext, found: list[DocAttribution]) -> list[DocAttribution]:
    """ "…, but Obama said he was not speaking only about Trump", "(her campaign later
    disclosed that …)": when a content goes on after its cue, a part before the cue
    that a conjunction or an opening parenthesis cuts off from it belongs to another
    clause. ("The bridge, the mayor said, will open" keeps its first part: only the
    source and punctuation stand between. PolNeAR train gold has 30 cut-off parts
    among 2,806 before a cue whose content goes on after it.)"""
    for attribution in found:
        cue = attribution.cue
        if cue is None or not any(part.start >= cue.end for part in attribution.content):
            continue
        kept = [
            part for part in attribution.content if not _cut_off(ctx, part, cue, attribution.source)
        ]
        if kept and len(kept) < len(attribution.content):
            attribution.content = kept
            attribution.kind = content_kind(ctx, kept)
    return found


def _cut_off(ctx: DocContext, part: Span, cue: Span, source: Span | None) -> bool:
    """Whether a conjunction or "(" outside the source stands between a part of the
    content before the cue, in its sentence, and the cue."""
    if part.end > cue.start or ctx.sent_of[part.end - 1] != ctx.sent_of[cue.start]:
        return False
    speaker = range(source.start, source.end) if source is not None else range(0)
    return any(
        ctx.pos[i] in ("CCONJ", "SCONJ") or ctx.lower[i] == "("
        for i in range(part.end, cue.start)
        if i not in speaker
    )


def after_colon_only(ctx: DocContext, found: list[DocAttribution]) -> list[DocAttribution]:
    """ "…, Kall said: “I feel like …”": what a cue introduces with a colon is its
    content, not what came before it (PolNeAR train: 367 of 375 such contents)."""
    for attribution in found:
        cue = attribution.cue
        if cue is None or len(attribution.content) < 2:
            continue
        colon = cue.end - 1 if ctx.lower[cue.end - 1] == ":" else next_word(ctx, cue.end)
        if colon is None or ctx.lower[colon] != ":":
            continue
        after = [part for part in attribution.content if part.start > colon]
        if after and len(after) < len(attribution.content):
            attribution.content = after
            attribution.kind = content_kind(ctx, after)
    return found


def headline_tails(ctx: DocContext, found: list[DocAttribution]) -> list[DocAttribution]:
    """ "U.S. gives Ukraine permission to strike …, reports say": a line with no final
    stop that ends with a comma, a few words and a verb of saying is the attribution of
    what comes before the comma to those words. An attribution the tagger made with
    that verb as its cue is corrected in place; otherwise a new one is returned."""
    out: list[DocAttribution] = []
    claims = Claims(found)
    by_cue: dict[int, DocAttribution] = {}
    for attribution in found:
        if attribution.cue is not None:
            by_cue.setdefault(attribution.cue.start, attribution)
    for start, end in ctx.para_bounds:
        words = [i for i in range(start, end) if not ctx.is_space[i]]
        if len(words) < 4 or ctx.lower[words[-1]] in LINE_ENDS:
            continue
        verb = words[-1]
        if ctx.lower[verb] not in _HEADLINE_VERBS:
            continue
        comma = next((k for k in reversed(words[:-1]) if ctx.lower[k] == ","), None)
        if comma is None or not 1 <= verb - comma - 1 <= _HEADLINE_SOURCE_MAX:
            continue
        content, source = ctx.doc[words[0] : comma], ctx.doc[comma + 1 : verb]
        tagged = by_cue.get(verb)
        if tagged is not None:  # the tagger found the cue but read the line as its source
            tagged.source, tagged.content = source, [content]
            tagged.kind = AttributionKind.INDIRECT
            claims.add(tagged)
            continue
        if claims.claimed(content.start, content.end):
            continue
        out.append(
            DocAttribution(
                cue=ctx.doc[verb : verb + 1],
                source=source,
                content=[content],
                kind=AttributionKind.INDIRECT,
                confidence=0.8,
                method=HEADLINE_METHOD,
            )
        )
    return found + out


def nominal_calls(ctx: DocContext, found: list[DocAttribution]) -> list[DocAttribution]:
    """ "growing calls from opposition lawmakers to delay the vote": the noun is the cue,
    what "from" governs the source, and the "to" or "for" clause after it the content
    (up to the clause's end), when no other attribution took those words."""
    out: list[DocAttribution] = []
    claims = Claims(found)
    for i in range(ctx.n_tokens):
        if ctx.lemma[i] not in _ASKING_NOUNS or not ctx.pos[i].startswith("NOUN"):
            continue
        source = _from_phrase(ctx, i)
        if source is None:
            continue
        content = _clause_after(ctx, source.end)
        if content is None or claims.claimed(content.start, content.end):
            continue
        out.append(
            DocAttribution(
                cue=ctx.doc[i : i + 1],
                source=source,
                content=[content],
                kind=AttributionKind.INDIRECT,
                confidence=0.7,
                method=NOMINAL_METHOD,
            )
        )
        claims.add(out[-1])
    return found + out


def _from_phrase(ctx: DocContext, noun: int) -> Span | None:
    """What "from" right after the noun governs: "calls from Ukrainian officials"."""
    following = noun + 1
    if following >= ctx.n_tokens or ctx.lower[following] != "from":
        return None
    objects = [c for c in ctx.doc[following].children if c.dep_ == "pobj"]
    if not objects:
        return None
    return ctx.doc[objects[0].left_edge.i : objects[0].right_edge.i + 1]


def _clause_after(ctx: DocContext, start: int) -> Span | None:
    """ "to delay the vote", "for a ceasefire": from "to"/"for" to the next comma or
    the sentence's end."""
    if start + 1 >= ctx.n_tokens or ctx.lower[start] not in ("to", "for"):
        return None
    if ctx.lower[start] == "to" and ctx.pos[start + 1] not in ("VERB", "AUX"):
        return None  # "a call from the minister to the mayor": no request
    sentence_end = ctx.sent_bounds[ctx.sent_of[start]][1]
    end = start + 1
    while end < sentence_end and ctx.lower[end] not in CLAUSE_ENDS:
        end += 1
    return ctx.doc[start:end] if end - start > 1 else None


DOCUMENT_RULES: tuple[DocumentRule, ...] = (
    without_others_sentences,
    without_other_clauses,
    after_colon_only,
    join_split_quotes,
    join_next_quote,
    join_previous_quote,
    dash_signoffs,
    continuation_quotes,
    headline_tails,
    nominal_calls,
)
