"""Features for the two CRF taggers.

The cue tagger labels every token of a sentence as part of a cue or not. The
role tagger then looks at a window of text around one cue and labels each
token as its source, its content or neither, with features that describe
the token *relative to that cue* (the dependency path between them, which
side of the cue it lies on, whether a quotation joins them).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from onrecord.nlp import lexicons
from onrecord.nlp.context import DocContext

CUE_VERBS = lexicons.load("cue-verbs-v1")
CUE_NOUNS = lexicons.load("cue-nouns-v1")
SPEECH_ACT_VERBS = lexicons.load("speech-act-verbs-v1")
Features = list[str]
_CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "dobj", "nsubj", "prep", "advcl", "parataxis"})


def _at(values: list[str], i: int) -> str:
    if 0 <= i < len(values):
        return values[i]
    return "<s>" if i < 0 else "</s>"


def cue_features(ctx: DocContext, i: int) -> Features:
    lower, lemma, pos, dep = ctx.lower[i], ctx.lemma[i], ctx.pos[i], ctx.dep[i]
    head = ctx.head[i]
    kids = ctx.child_deps[i]
    feats = [
        "b",
        f"w={lower}",
        f"l={lemma}",
        f"p={pos}",
        f"t={ctx.tag[i]}",
        f"d={dep}",
        f"l|d={lemma}|{dep}",
        f"hl={ctx.lemma[head]}",
        f"hp={ctx.pos[head]}",
        f"hd={ctx.dep[head]}",
        f"q={ctx.quote_of[i] >= 0}",
        f"-1w={_at(ctx.lower, i - 1)}",
        f"+1w={_at(ctx.lower, i + 1)}",
        f"-2w={_at(ctx.lower, i - 2)}",
        f"-1p={_at(ctx.pos, i - 1)}",
        f"+1p={_at(ctx.pos, i + 1)}",
        f"-2p={_at(ctx.pos, i - 2)}",
        f"+2p={_at(ctx.pos, i + 2)}",
        f"w|+1w={lower}|{_at(ctx.lower, i + 1)}",
        f"-1w|w={_at(ctx.lower, i - 1)}|{lower}",
    ]
    feats += [f"k={k}" for k in kids]
    feats += [f"l|k={lemma}|{k}" for k in kids if k in _CLAUSE_DEPS]
    if lemma in CUE_VERBS:
        feats += ["lexv", f"lexv|p={pos}"] + [f"lexv|k={k}" for k in kids]
    if lemma in SPEECH_ACT_VERBS:  # the class, for words the training data seldom marks
        feats += ["lexw", f"lexw|p={pos}"] + [f"lexw|k={k}" for k in kids]
    if lemma in CUE_NOUNS:
        feats += ["lexn", f"lexn|p={pos}"]
    if ctx.lemma[head] in CUE_VERBS:
        feats.append(f"hlex|d={dep}")
    feats += _quote_neighbourhood(ctx, i)
    return feats


def _quote_neighbourhood(ctx: DocContext, i: int) -> Features:
    """Whether a quotation ends just before or starts just after this token."""
    out = []
    sent = ctx.sent_of[i]
    s_start, s_end = ctx.sent_bounds[sent]
    here = ctx.quote_of[i]
    if any(ctx.quote_of[k] >= 0 and ctx.quote_of[k] != here for k in range(max(s_start, i - 3), i)):
        out.append("q_before")
    if any(
        ctx.quote_of[k] >= 0 and ctx.quote_of[k] != here for k in range(i + 1, min(s_end, i + 4))
    ):
        out.append("q_after")
    if ctx.sent_has_quote[sent]:
        out.append("sent_has_q")
    return out


@dataclass(frozen=True)
class Cue:
    """What the role features need to know about one cue, computed once per cue."""

    tokens: frozenset[int]
    first: int
    last: int
    head: int
    lemma: str
    pos: str
    others: tuple[int, ...]  # the other cues' tokens, sorted


def make_cue(ctx: DocContext, tokens: list[int], other_cues: frozenset[int] = frozenset()) -> Cue:
    head = cue_head(ctx, tokens)
    return Cue(
        frozenset(tokens),
        tokens[0],
        tokens[-1],
        head,
        ctx.lemma[head],
        ctx.pos[head],
        tuple(sorted(other_cues)),
    )


def cue_head(ctx: DocContext, cue: list[int]) -> int:
    """The cue token whose syntactic head lies outside the cue (the first such)."""
    members = set(cue)
    for i in cue:
        if ctx.head[i] not in members or ctx.head[i] == i:
            return i
    return cue[0]


def role_features(ctx: DocContext, cue: Cue, j: int) -> Features:
    rel = "in" if j in cue.tokens else ("before" if j < cue.first else "after")
    path = _path(ctx, cue.head, j)
    dist = _bucket(min(abs(j - cue.first), abs(j - cue.last)))
    sent_off = max(-2, min(3, ctx.sent_of[j] - ctx.sent_of[cue.head]))
    quote = _quote_relation(ctx, cue, j)
    pos = ctx.pos[j]
    feats = [
        "b",
        f"rel={rel}",
        f"dist={dist}",
        f"rel|dist={rel}|{dist}",
        f"so={sent_off}",
        f"po={max(-1, min(2, ctx.para_of[j] - ctx.para_of[cue.head]))}",
        f"path={path}",
        f"path|rel={path}|{rel}",
        f"path|cl={path}|{cue.lemma}",
        f"cl|rel={cue.lemma}|{rel}",
        f"cp={cue.pos}",
        f"p={pos}",
        f"d={ctx.dep[j]}",
        f"w={ctx.lower[j]}",
        f"q={quote}",
        f"q|rel={quote}|{rel}",
        f"q|so={quote}|{sent_off}",
        f"p|rel={pos}|{rel}",
        f"-1p={_at(ctx.pos, j - 1)}",
        f"+1p={_at(ctx.pos, j + 1)}",
    ]
    if ctx.is_quote_mark(j):
        feats.append("qmark")
    if ctx.is_punct[j]:
        feats.append("punct")
    if _blocked(cue, j):
        feats += ["blocked", f"blocked|so={sent_off}"]
    if sent_off == 0:
        feats += _clause_structure(ctx, cue, j, rel)
    return feats


_CLAUSE_LINKS = frozenset(
    {"relcl", "advcl", "acl", "conj", "appos", "prep", "pcomp", "ccomp", "xcomp", "parataxis"}
)


def _clause_structure(ctx: DocContext, cue: Cue, j: int, rel: str) -> Features:
    """The clauses and punctuation that stand between token ``j`` and the cue in its sentence."""
    lo, hi = (j + 1, cue.first) if j < cue.first else (cue.last + 1, j)
    breaks = max(0, ctx.breaks_before[hi] - ctx.breaks_before[lo])
    feats = [f"br|rel={min(breaks, 3)}|{rel}"]
    anc = ctx.ancestors[j]
    if cue.head in anc:
        chain = [j, *anc[: anc.index(cue.head)]]  # j up to the cue head's child
        feats.append(f"depth={min(len(chain), 5)}")
        links = {ctx.dep[k] for k in chain[:-1]} & _CLAUSE_LINKS
        feats += [f"via={d}" for d in sorted(links)]
    return feats


def _bucket(n: int) -> str:
    for limit in (0, 1, 2, 4, 8, 16, 32):
        if n <= limit:
            return str(limit)
    return "far"


def _path(ctx: DocContext, h: int, j: int) -> str:
    """How token ``j`` hangs off the cue head ``h`` in the parse."""
    if ctx.sent_of[h] != ctx.sent_of[j]:
        return "xsent"
    if j == h:
        return "self"
    anc_j = ctx.ancestors[j]
    if h in anc_j:
        k = anc_j.index(h)
        return f"down:{ctx.dep[anc_j[k - 1] if k > 0 else j]}"
    anc_h = ctx.ancestors[h]
    if j in anc_h:
        return f"up:{ctx.dep[h]}" if anc_h[0] == j else "up:far"
    common = next((a for a in anc_h if a in anc_j), None)
    if common is None:
        return "none"
    k = anc_j.index(common)
    return f"side:{ctx.dep[anc_j[k - 1] if k > 0 else j]}"


def _quote_relation(ctx: DocContext, cue: Cue, j: int) -> str:
    region = ctx.quote_of[j]
    if region < 0:
        return "none"
    if region == ctx.quote_of[cue.first]:
        return "with_cue"
    first, last = ctx.quote_tokens[region]
    gap = cue.first - last if last <= cue.first else first - cue.last - 1
    return "adjacent" if gap <= 4 else ("near" if gap <= 12 else "far")


def _blocked(cue: Cue, j: int) -> bool:
    """Whether another cue lies between token ``j`` and this cue."""
    lo, hi = (j, cue.first) if j < cue.first else (cue.last, j)
    k = bisect.bisect_right(cue.others, lo)
    return k < len(cue.others) and cue.others[k] < hi
