"""Rules that run after the taggers, for patterns the taggers cannot see.

A quotation split by its attribution ("“A,” said X, “B.”") is one content in
two parts; a paragraph that opens with a quotation nobody claimed continues
the previous paragraph's speaker; a quotation signed off with a dash and a
name ("… .” ― Jane Doe") is that person's; a headline that ends ", reports
say" or ", Blinken says" is theirs; "calls from X to Y" is X asking for Y. A
quotation opening the next sentence, or just before the cue, continues a
speaker's content; a content loses what another cue claims, what a conjunction
or parenthesis cuts off from its cue, and, after "said:", what came before.
(Interview transcripts have their own module, ``nlp.transcripts``.)
"""

from __future__ import annotations

from spacy.tokens import Span

from onrecord.model import AttributionKind
from onrecord.nlp.attribution.grammar import index_runs, quote_before, trimmed_span
from onrecord.nlp.context import DocContext
from onrecord.nlp.doc_records import TRANSCRIPT_METHOD, DocAttribution

CONTINUATION_METHOD = "rule:quote-continuation-v1"
SIGNOFF_METHOD = "rule:dash-signoff-v1"
HEADLINE_METHOD = "rule:headline-tail-v1"
NOMINAL_METHOD = "rule:nominal-from-v1"
# Nouns of asking or warning that name their source with "from": "calls from X to …".
_ASKING_NOUNS = frozenset({"call", "demand", "plea", "appeal", "request", "warning", "pressure"})
# Verbs that close a headline's attribution: "…, reports say", "…, Blinken says".
_HEADLINE_VERBS = frozenset(
    {
        "say",
        "says",
        "said",
        "warn",
        "warns",
        "claim",
        "claims",
        "report",
        "reports",
        "suggest",
        "suggests",
    }
)
_HEADLINE_SOURCE_MAX = 4  # words between the comma and the verb
_SENTENCE_ENDS = frozenset({".", "!", "?"})
_DASHES = frozenset({"―", "—", "–", "--", "-"})


def content_kind(ctx: DocContext, content: list[Span]) -> AttributionKind:
    words = [t.i for span in content for t in span if not (t.is_punct or t.is_space)]
    if not words:
        return AttributionKind.INDIRECT
    quoted = sum(1 for i in words if ctx.quote_of[i] >= 0)
    if quoted == len(words):
        return AttributionKind.DIRECT
    return AttributionKind.MIXED if quoted else AttributionKind.INDIRECT


def join_split_quotes(ctx: DocContext, found: list[DocAttribution]) -> None:
    """“A,” said X, “B.”: give B to the attribution that took A, in place."""
    for attribution in found:
        if attribution.kind is AttributionKind.INDIRECT or attribution.cue is None:
            continue
        after = max(attribution.cue.end, attribution.source.end if attribution.source else 0)
        start = next_word(ctx, after)
        if start is not None and ctx.lower[start] == ",":
            start = next_word(ctx, start + 1)
        region = ctx.quote_of[start] if start is not None else -1
        if (
            region < 0
            or ctx.quote_tokens[region][0] != start
            or _claimed(found, *ctx.quote_tokens[region])
        ):
            continue
        first, end = ctx.quote_tokens[region]
        attribution.content.append(ctx.doc[first:end])


def without_others_sentences(ctx: DocContext, found: list[DocAttribution]) -> None:
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


def without_other_clauses(ctx: DocContext, found: list[DocAttribution]) -> None:
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


def after_colon_only(ctx: DocContext, found: list[DocAttribution]) -> None:
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


def join_next_quote(ctx: DocContext, found: list[DocAttribution]) -> None:
    """“A,” said X, who heads the institute. “B.”: a quotation that opens the next
    sentence of the paragraph and fills it, unclaimed, continues the speaker of a
    quotation that came before its cue; PolNeAR makes them one attribution."""
    for attribution in found:
        cue = attribution.cue
        if (
            attribution.kind is AttributionKind.INDIRECT
            or cue is None
            or attribution.content[-1].end > cue.start
        ):
            continue
        after = max(cue.end, attribution.source.end if attribution.source else 0)
        region = _quote_opening_next_sentence(ctx, after)
        if region is None:
            continue
        first, end = ctx.quote_tokens[region]
        if _fills_sentence(ctx, end) and not _claimed(found, first, end):
            attribution.content.append(ctx.doc[first:end])


def join_previous_quote(ctx: DocContext, found: list[DocAttribution]) -> None:
    """“A,” he told the host, “B.”: when the tagger took only the quotation after the
    cue, the unclaimed one just before the cue's clause opens the same content."""
    for attribution in found:
        cue = attribution.cue
        if (
            attribution.kind is AttributionKind.INDIRECT
            or attribution.method == TRANSCRIPT_METHOD
            or cue is None
            or attribution.content[0].start < cue.end
        ):
            continue
        before = quote_before(ctx, cue.root.i)
        if (
            before
            and ctx.para_of[before[0]] == ctx.para_of[cue.start]
            and not _claimed(found, before[0], before[-1] + 1)
        ):
            attribution.content.insert(0, ctx.doc[before[0] : before[-1] + 1])


def _quote_opening_next_sentence(ctx: DocContext, i: int) -> int | None:
    """The quotation that opens the sentence after the one token ``i`` is in (the parse
    may leave its opening mark at the end of the sentence before)."""
    paragraph = ctx.para_of[i - 1]
    ended = False
    for j in range(i, ctx.n_tokens):
        if ctx.para_of[j] != paragraph or ctx.quote_of[j] >= 0:
            break
        ended = ended or ctx.lower[j] in _SENTENCE_ENDS
    else:
        return None
    region = ctx.quote_of[j]
    if ctx.para_of[j] != paragraph or not ended or ctx.quote_tokens[region][0] != j:
        return None  # the paragraph ended, or the quotation is not the sentence's start
    return region


def _fills_sentence(ctx: DocContext, end: int) -> bool:
    """Nothing but punctuation follows the quotation ending before ``end`` up to the end
    of its sentence or paragraph."""
    for j in range(end, ctx.n_tokens):
        if ctx.para_of[j] != ctx.para_of[end - 1] or "\n" in ctx.doc[j].text:
            return True
        if ctx.doc[j].is_sent_start and j > end:
            return True
        if not (ctx.is_punct[j] or ctx.is_space[j]):
            return False
    return True


def continuation_quotes(ctx: DocContext, found: list[DocAttribution]) -> list[DocAttribution]:
    """Quotations that fill their paragraph, unclaimed, continue the previous speaker.

    A quotation followed by more words in its paragraph ("“…?” Vitter demanded",
    "“…” ― Adriana Rodarte") has a speaker of its own there, even when no cue was
    found for it; a short title-cased one is a heading ('All Bets Are Off.')."""
    out: list[DocAttribution] = []
    for first, end in ctx.quote_tokens:
        if (
            first >= end
            or not _opens_paragraph(ctx, first)
            or not _fills_paragraph(ctx, end)
            or _is_heading(ctx, first, end)
            or _claimed(found, first, end)
        ):
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


def _fills_paragraph(ctx: DocContext, end: int) -> bool:
    """Nothing but punctuation, or a credit in parentheses ("(ANSA)"), follows the
    quotation ending before ``end`` in its paragraph."""
    paragraph = ctx.para_of[end - 1]
    depth = 0
    for j in range(end, ctx.n_tokens):
        if ctx.para_of[j] != paragraph or "\n\n" in ctx.doc[j].text:
            break
        depth += {"(": 1, ")": -1}.get(ctx.lower[j], 0)
        if depth <= 0 and not (ctx.is_punct[j] or ctx.is_space[j]):
            return False
    return True


_HEADING_WORDS = 8


def _is_heading(ctx: DocContext, first: int, end: int) -> bool:
    """A few words, every long one capitalised: 'All Bets Are Off.'"""
    words = [ctx.doc[i].text for i in range(first, end) if ctx.doc[i].is_alpha]
    long_words = [w for w in words if len(w) > 3]
    return (
        1 < len(words) <= _HEADING_WORDS
        and bool(long_words)
        and all(w[0].isupper() for w in long_words)
    )


def _opens_paragraph(ctx: DocContext, i: int) -> bool:
    j = i - 1
    while j >= 0 and ctx.doc[j].is_space:
        if "\n\n" in ctx.doc[j].text or ctx.para_of[j] != ctx.para_of[i]:
            return True
        j -= 1
    return j < 0 or ctx.para_of[j] != ctx.para_of[i]


def _previous_direct(found: list[DocAttribution], ctx: DocContext, i: int) -> DocAttribution | None:
    """The attribution in the paragraph just before token ``i``, if it quoted someone."""
    para = ctx.para_of[i]
    candidates = [a for a in found if a.content and ctx.para_of[a.content[-1].end - 1] == para - 1]
    if not candidates:
        return None
    last = max(candidates, key=lambda a: a.content[-1].end)
    return last if last.kind is not AttributionKind.INDIRECT else None


def dash_signoffs(ctx: DocContext, found: list[DocAttribution]) -> list[DocAttribution]:
    """Quotations followed by a dash and a name: “…” ― Jane Doe."""
    out = []
    for first, end in ctx.quote_tokens:
        dash = _signoff_dash(ctx, end)
        if dash is None or _claimed(found, first, end):
            continue
        name = _name_after(ctx, dash + 1)
        if name is None:
            continue
        out.append(
            DocAttribution(
                cue=ctx.doc[dash : dash + 1],
                source=name,
                content=[ctx.doc[first : min(end, dash)] if dash < end else ctx.doc[first:end]],
                kind=AttributionKind.DIRECT,
                confidence=0.8,
                method=SIGNOFF_METHOD,
            )
        )
    return out


def _signoff_dash(ctx: DocContext, end: int) -> int | None:
    """The dash after a quotation, also when glued to the closing mark ("”―")."""
    last = end - 1
    if last >= 0 and len(ctx.lower[last]) > 1 and ctx.lower[last][-1] in _DASHES:
        return last
    dash = next_word(ctx, end)
    return dash if dash is not None and ctx.lower[dash] in _DASHES else None


def _claimed(found: list[DocAttribution], first: int, end: int) -> bool:
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


def next_word(ctx: DocContext, i: int) -> int | None:
    """The next token at or after ``i`` in the same paragraph that is not a space."""
    start_para = ctx.para_of[i - 1] if i > 0 else 0
    while i < ctx.n_tokens and ctx.is_space[i]:
        if "\n" in ctx.lower[i]:
            return None
        i += 1
    return i if i < ctx.n_tokens and ctx.para_of[i] == start_para else None


def _name_after(ctx: DocContext, i: int) -> Span | None:
    """A run of proper nouns right after ``i`` (up to six tokens)."""
    start = next_word(ctx, i)
    if start is None or ctx.pos[start] != "PROPN":
        return None
    end = start
    while end < ctx.n_tokens and end - start < 6 and ctx.pos[end] == "PROPN":
        end += 1
    return ctx.doc[start:end]


def headline_tails(ctx: DocContext, found: list[DocAttribution]) -> list[DocAttribution]:
    """ "U.S. gives Ukraine permission to strike …, reports say": a line with no final
    stop that ends with a comma, a few words and a verb of saying is the attribution of
    what comes before the comma to those words. An attribution the tagger made with
    that verb as its cue is corrected in place; otherwise a new one is returned."""
    out: list[DocAttribution] = []
    for start, end in ctx.para_bounds:
        words = [i for i in range(start, end) if not ctx.is_space[i]]
        if len(words) < 4 or ctx.lower[words[-1]] in (".", "!", "?", "”", '"'):
            continue
        verb = words[-1]
        if ctx.lower[verb] not in _HEADLINE_VERBS:
            continue
        comma = next((k for k in reversed(words[:-1]) if ctx.lower[k] == ","), None)
        if comma is None or not 1 <= verb - comma - 1 <= _HEADLINE_SOURCE_MAX:
            continue
        content, source = ctx.doc[words[0] : comma], ctx.doc[comma + 1 : verb]
        tagged = next((a for a in found if a.cue is not None and a.cue.start == verb), None)
        if tagged is not None:  # the tagger found the cue but read the line as its source
            tagged.source, tagged.content = source, [content]
            tagged.kind = AttributionKind.INDIRECT
            continue
        if _claimed(found, content.start, content.end):
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
    return out


def nominal_calls(ctx: DocContext, found: list[DocAttribution]) -> list[DocAttribution]:
    """ "growing calls from opposition lawmakers to delay the vote": the noun is the cue,
    what "from" governs the source, and the "to" or "for" clause after it the content
    (up to the clause's end), when no other attribution took those words."""
    out: list[DocAttribution] = []
    for i in range(ctx.n_tokens):
        if ctx.lemma[i] not in _ASKING_NOUNS or not ctx.pos[i].startswith("NOUN"):
            continue
        source = _from_phrase(ctx, i)
        if source is None:
            continue
        content = _clause_after(ctx, source.end)
        if content is None or _claimed(found + out, content.start, content.end):
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
    return out


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
    while end < sentence_end and ctx.lower[end] not in (",", ";", ".", "!", "?"):
        end += 1
    return ctx.doc[start:end] if end - start > 1 else None
