"""Features for the two CRF taggers.

The cue tagger labels every token of a sentence as part of a cue or not. The
role tagger then looks at a window of text around one cue and labels each
token as its source, its content or neither, with features that describe
the token *relative to that cue* (the dependency path between them, which
side of the cue it lies on, whether a quotation joins them).
"""

from __future__ import annotations

from spacy.tokens import Doc

from onrecord.nlp import lexicons
from onrecord.nlp.context import DocContext

CUE_VERBS = lexicons.load("cue-verbs-v1")
CUE_NOUNS = lexicons.load("cue-nouns-v1")
Features = list[str]


def _word(doc: Doc, i: int) -> str:
    return doc[i].lower_ if 0 <= i < len(doc) else ("<s>" if i < 0 else "</s>")


def _pos(doc: Doc, i: int) -> str:
    return doc[i].pos_ if 0 <= i < len(doc) else "BOUND"


def cue_features(ctx: DocContext, i: int) -> Features:
    doc = ctx.doc
    tok = doc[i]
    lemma = tok.lemma_.lower()
    kids = sorted({c.dep_ for c in tok.children})
    feats = [
        "b",
        f"w={tok.lower_}",
        f"l={lemma}",
        f"p={tok.pos_}",
        f"t={tok.tag_}",
        f"d={tok.dep_}",
        f"l|d={lemma}|{tok.dep_}",
        f"hl={tok.head.lemma_.lower()}",
        f"hp={tok.head.pos_}",
        f"hd={tok.head.dep_}",
        f"q={ctx.quote_of[i] >= 0}",
        f"-1w={_word(doc, i - 1)}",
        f"+1w={_word(doc, i + 1)}",
        f"-2w={_word(doc, i - 2)}",
        f"-1p={_pos(doc, i - 1)}",
        f"+1p={_pos(doc, i + 1)}",
        f"-2p={_pos(doc, i - 2)}",
        f"+2p={_pos(doc, i + 2)}",
        f"w|+1w={tok.lower_}|{_word(doc, i + 1)}",
        f"-1w|w={_word(doc, i - 1)}|{tok.lower_}",
    ]
    feats += [f"k={k}" for k in kids]
    feats += [f"l|k={lemma}|{k}" for k in kids if k in _CLAUSE_DEPS]
    if lemma in CUE_VERBS:
        feats += ["lexv", f"lexv|p={tok.pos_}"] + [f"lexv|k={k}" for k in kids]
    if lemma in CUE_NOUNS:
        feats += ["lexn", f"lexn|p={tok.pos_}"]
    if tok.head.lemma_.lower() in CUE_VERBS:
        feats.append(f"hlex|d={tok.dep_}")
    feats += _quote_neighbourhood(ctx, i)
    return feats


_CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "dobj", "nsubj", "prep", "advcl", "parataxis"})


def _quote_neighbourhood(ctx: DocContext, i: int) -> Features:
    """Whether a quotation ends just before or starts just after this token."""
    out = []
    s_start, s_end = ctx.sent_bounds[ctx.sent_of[i]]
    for k in range(max(s_start, i - 3), i):
        if ctx.quote_of[k] >= 0 and ctx.quote_of[i] != ctx.quote_of[k]:
            out.append("q_before")
            break
    for k in range(i + 1, min(s_end, i + 4)):
        if ctx.quote_of[k] >= 0 and ctx.quote_of[i] != ctx.quote_of[k]:
            out.append("q_after")
            break
    if any(ctx.quote_of[k] >= 0 for k in range(s_start, s_end)):
        out.append("sent_has_q")
    return out


def cue_head(ctx: DocContext, cue: list[int]) -> int:
    """The cue token whose syntactic head lies outside the cue (the first such)."""
    members = set(cue)
    for i in cue:
        if ctx.doc[i].head.i not in members or ctx.doc[i].head.i == i:
            return i
    return cue[0]


def role_features(
    ctx: DocContext, cue: list[int], j: int, other_cues: frozenset[int] = frozenset()
) -> Features:
    doc = ctx.doc
    h = cue_head(ctx, cue)
    tok = doc[j]
    cue_lemma = doc[h].lemma_.lower()
    rel = "in" if j in cue else ("before" if j < cue[0] else "after")
    path = _path(ctx, h, j)
    dist = min(abs(j - cue[0]), abs(j - cue[-1]))
    sent_off = max(-2, min(3, ctx.sent_of[j] - ctx.sent_of[h]))
    quote = _quote_relation(ctx, cue, j)
    feats = [
        "b",
        f"rel={rel}",
        f"dist={_bucket(dist)}",
        f"rel|dist={rel}|{_bucket(dist)}",
        f"so={sent_off}",
        f"po={max(-1, min(2, ctx.para_of[j] - ctx.para_of[h]))}",
        f"path={path}",
        f"path|rel={path}|{rel}",
        f"path|cl={path}|{cue_lemma}",
        f"cl|rel={cue_lemma}|{rel}",
        f"cp={doc[h].pos_}",
        f"p={tok.pos_}",
        f"d={tok.dep_}",
        f"w={tok.lower_}",
        f"q={quote}",
        f"q|rel={quote}|{rel}",
        f"q|so={quote}|{sent_off}",
        f"p|rel={tok.pos_}|{rel}",
        f"-1p={_pos(doc, j - 1)}",
        f"+1p={_pos(doc, j + 1)}",
    ]
    if ctx.is_quote_mark(j):
        feats.append("qmark")
    if tok.is_punct:
        feats.append("punct")
    if _blocked(cue, j, other_cues):
        feats += ["blocked", f"blocked|so={sent_off}"]
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
        child = anc_j[anc_j.index(h) - 1] if anc_j.index(h) > 0 else j
        return f"down:{ctx.doc[child].dep_}"
    anc_h = ctx.ancestors[h]
    if j in anc_h:
        return f"up:{ctx.doc[h].dep_}" if anc_h[0] == j else "up:far"
    common = next((a for a in anc_h if a in anc_j), None)
    if common is None:
        return "none"
    k = anc_j.index(common)
    branch = anc_j[k - 1] if k > 0 else j
    return f"side:{ctx.doc[branch].dep_}"


def _quote_relation(ctx: DocContext, cue: list[int], j: int) -> str:
    region = ctx.quote_of[j]
    if region < 0:
        return "none"
    if region == ctx.quote_of[cue[0]]:
        return "with_cue"
    first, last = ctx.quote_tokens[region]
    if last <= cue[0]:
        gap = cue[0] - last
    else:
        gap = first - cue[-1] - 1
    return "adjacent" if gap <= 4 else ("near" if gap <= 12 else "far")


def _blocked(cue: list[int], j: int, other_cues: frozenset[int]) -> bool:
    if not other_cues:
        return False
    lo, hi = (j, cue[0]) if j < cue[0] else (cue[-1], j)
    return any(lo < k < hi for k in other_cues)
