"""Document rules for quotations the taggers leave alone or cut in two.

A quotation split by its attribution ("“A,” said X, “B.”") is one content in two
parts; a quotation opening the next sentence, or just before the cue, continues a
speaker's content; a paragraph that opens with a quotation nobody claimed
continues the previous paragraph's speaker; a quotation signed off with a dash and
a name ("… .” ― Jane Doe") is that person's.
"""

from __future__ import annotations

from spacy.tokens import Span

from onrecord.model import AttributionKind
from onrecord.nlp.attribution.content_fallbacks import quote_before
from onrecord.nlp.attribution.punctuation import SENTENCE_ENDS, SIGNOFF_DASHES
from onrecord.nlp.attribution.spans import Claims, next_word
from onrecord.nlp.context import DocContext
from onrecord.nlp.doc_records import TRANSCRIPT_METHOD, DocAttribution

CONTINUATION_METHOD = "rule:quote-continuation-v1"
SIGNOFF_METHOD = "rule:dash-signoff-v1"


def join_split_quotes(ctx: DocContext, found: list[DocAttribution]) -> list[DocAttribution]:
    """“A,” said X, “B.”: give B to the attribution that took A, in place."""
    claims = Claims(found)
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
            or claims.claimed(*ctx.quote_tokens[region])
        ):
            continue
        first, end = ctx.quote_tokens[region]
        attribution.content.append(ctx.doc[first:end])
        claims.add(attribution)
    return found


def join_next_quote(ctx: DocContext, found: list[DocAttribution]) -> list[DocAttribution]:
    """“A,” said X, who heads the institute. “B.”: a quotation that opens the next
    sentence of the paragraph and fills it, unclaimed, continues the speaker of a
    quotation that came before its cue; PolNeAR makes them one attribution."""
    claims = Claims(found)
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
        if _fills_sentence(ctx, end) and not claims.claimed(first, end):
            attribution.content.append(ctx.doc[first:end])
            claims.add(attribution)
    return found


def join_previous_quote(ctx: DocContext, found: list[DocAttribution]) -> list[DocAttribution]:
    """“A,” he told the host, “B.”: when the tagger took only the quotation after the
    cue, the unclaimed one just before the cue's clause opens the same content."""
    claims = Claims(found)
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
            and not claims.claimed(before[0], before[-1] + 1)
        ):
            attribution.content.insert(0, ctx.doc[before[0] : before[-1] + 1])
            claims.add(attribution)
    return found


def _quote_opening_next_sentence(ctx: DocContext, i: int) -> int | None:
    """The quotation that opens the sentence after the one token ``i`` is in (the parse
    may leave its opening mark at the end of the sentence before)."""
    paragraph = ctx.para_of[i - 1]
    ended = False
    for j in range(i, ctx.n_tokens):
        if ctx.para_of[j] != paragraph or ctx.quote_of[j] >= 0:
            break
        ended = ended or ctx.lower[j] in SENTENCE_ENDS
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
    claims = Claims(found)
    last_in = _LastInParagraph(ctx, found)
    for first, end in ctx.quote_tokens:
        if (
            first >= end
            or not _opens_paragraph(ctx, first)
            or not _fills_paragraph(ctx, end)
            or _is_heading(ctx, first, end)
            or claims.claimed(first, end)
        ):
            continue
        previous = last_in.paragraph(ctx.para_of[first] - 1)
        if previous is None or previous.kind is AttributionKind.INDIRECT:
            continue  # only a speaker quoted in the paragraph before goes on
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
        last_in.add(out[-1])
    return found + out


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


class _LastInParagraph:
    """The attribution whose content ends last in each paragraph (the first of them,
    in the order given, when several end at the same token)."""

    def __init__(self, ctx: DocContext, found: list[DocAttribution]) -> None:
        self._ctx = ctx
        self._last: dict[int, DocAttribution] = {}
        for attribution in found:
            self.add(attribution)

    def add(self, attribution: DocAttribution) -> None:
        if not attribution.content:
            return
        end = attribution.content[-1].end
        paragraph = self._ctx.para_of[end - 1]
        kept = self._last.get(paragraph)
        if kept is None or end > kept.content[-1].end:
            self._last[paragraph] = attribution

    def paragraph(self, paragraph: int) -> DocAttribution | None:
        return self._last.get(paragraph)


def dash_signoffs(ctx: DocContext, found: list[DocAttribution]) -> list[DocAttribution]:
    """Quotations followed by a dash and a name: “…” ― Jane Doe."""
    out = []
    claims = Claims(found)
    for first, end in ctx.quote_tokens:
        dash = _signoff_dash(ctx, end)
        if dash is None or claims.claimed(first, end):
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
    return found + out


def _signoff_dash(ctx: DocContext, end: int) -> int | None:
    """The dash after a quotation, also when glued to the closing mark ("”―")."""
    last = end - 1
    if last >= 0 and len(ctx.lower[last]) > 1 and ctx.lower[last][-1] in SIGNOFF_DASHES:
        return last
    dash = next_word(ctx, end)
    return dash if dash is not None and ctx.lower[dash] in SIGNOFF_DASHES else None


def _name_after(ctx: DocContext, i: int) -> Span | None:
    """A run of proper nouns right after ``i`` (up to six tokens)."""
    start = next_word(ctx, i)
    if start is None or ctx.pos[start] != "PROPN":
        return None
    end = start
    while end < ctx.n_tokens and end - start < 6 and ctx.pos[end] == "PROPN":
        end += 1
    return ctx.doc[start:end]
