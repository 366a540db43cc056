"""Per-document arrays the attribution features read, computed once per Doc."""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from itertools import accumulate

from spacy.tokens import Doc

from onrecord.nlp.quotes import QUOTE_CHARS, QuoteRegion, find_quotes


@dataclass
class DocContext:
    doc: Doc
    sent_of: list[int]  # sentence index of each token
    sent_bounds: list[tuple[int, int]]  # token range of each sentence
    para_of: list[int]  # paragraph (view segment) index of each token
    para_bounds: list[tuple[int, int]]  # token range of each paragraph
    quote_of: list[int]  # index of the quote region holding each token, -1 if none
    quotes: list[QuoteRegion]
    quote_tokens: list[tuple[int, int]]  # token range of each quote region
    ancestors: list[list[int]]  # ancestors of each token within its sentence, nearest first
    # Token attributes as plain lists: features read them hundreds of thousands of
    # times per article, and spaCy Token objects are costly to create.
    lower: list[str]
    lemma: list[str]
    pos: list[str]
    tag: list[str]
    dep: list[str]
    head: list[int]
    child_deps: list[tuple[str, ...]]
    is_punct: list[bool]
    is_space: list[bool]
    sent_has_quote: list[bool]
    # How many clause-breaking marks ("," "—" "(" …) come before each token (n + 1 counts).
    breaks_before: list[int]

    @property
    def n_tokens(self) -> int:
        return len(self.doc)

    def is_quote_mark(self, i: int) -> bool:
        text = self.lower[i]
        return len(text) == 1 and text in QUOTE_CHARS


_ARRAY_ATTRS: list[int | str] = [
    "LOWER",
    "LEMMA",
    "POS",
    "TAG",
    "DEP",
    "HEAD",
    "IS_PUNCT",
    "IS_SPACE",
    "IDX",
]


def build_context(
    doc: Doc, paragraph_starts: list[int], lemmas: list[str] | None = None
) -> DocContext:
    """Arrays for ``doc``; ``lemmas`` (lower-cased) replace the Doc's own when given."""
    sent_bounds = [(s.start, s.end) for s in doc.sents]
    sent_of = [0] * len(doc)
    for k, (start, end) in enumerate(sent_bounds):
        for i in range(start, end):
            sent_of[i] = k
    # One array read instead of a Token object per attribute and token.
    rows = doc.to_array(_ARRAY_ATTRS).tolist() if len(doc) else []
    lower, lemma, pos, tag, dep, rel_head, punct, space, idx = (
        (list(column) for column in zip(*rows, strict=True)) if rows else ([] for _ in _ARRAY_ATTRS)
    )
    strings = _Strings(doc)
    head = [
        i + (offset - 2**64 if offset >= 2**63 else offset) for i, offset in enumerate(rel_head)
    ]
    deps = [strings(d) for d in dep]
    starts = sorted(set(paragraph_starts) | {0})
    para_of = [bisect.bisect_right(starts, offset) - 1 for offset in idx]
    quotes = find_quotes(doc.text, starts)
    quote_of, quote_tokens = _token_quotes(idx, quotes)
    return DocContext(
        doc,
        sent_of,
        sent_bounds,
        para_of,
        _bounds(para_of),
        quote_of,
        quotes,
        quote_tokens,
        _ancestors(head),
        lower=[strings(h) for h in lower],
        lemma=lemmas if lemmas is not None else [strings(h).lower() for h in lemma],
        pos=[strings(h) for h in pos],
        tag=[strings(h) for h in tag],
        dep=deps,
        head=head,
        child_deps=_child_deps(head, deps),
        is_punct=[bool(v) for v in punct],
        is_space=[bool(v) for v in space],
        sent_has_quote=[any(quote_of[i] >= 0 for i in range(a, b)) for a, b in sent_bounds],
        breaks_before=list(accumulate((strings(h) in CLAUSE_BREAKS for h in lower), initial=0)),
    )


CLAUSE_BREAKS = frozenset({",", ";", ":", "—", "–", "--", "-", "(", ")"})


class _Strings:
    """Hash → string, memoised: a document repeats the same few hundred strings."""

    def __init__(self, doc: Doc) -> None:
        self._store = doc.vocab.strings
        self._seen: dict[int, str] = {}

    def __call__(self, key: int) -> str:
        text = self._seen.get(key)
        if text is None:
            text = self._seen[key] = self._store[key] if key else ""
        return text


def _child_deps(head: list[int], deps: list[str]) -> list[tuple[str, ...]]:
    children: list[set[str]] = [set() for _ in head]
    for i, h in enumerate(head):
        if h != i:
            children[h].add(deps[i])
    return [tuple(sorted(c)) for c in children]


def _bounds(group_of: list[int]) -> list[tuple[int, int]]:
    """Token range of each group, for a non-decreasing group index per token."""
    bounds: list[tuple[int, int]] = []
    for i, group in enumerate(group_of):
        while len(bounds) <= group:
            bounds.append((i, i))
        bounds[group] = (bounds[group][0], i + 1)
    return bounds


def _token_quotes(
    idx: list[int], quotes: list[QuoteRegion]
) -> tuple[list[int], list[tuple[int, int]]]:
    quote_of = [-1] * len(idx)
    ranges: list[tuple[int, int]] = []
    for k, region in enumerate(quotes):
        first = bisect.bisect_left(idx, region.start)
        last = bisect.bisect_left(idx, region.end)
        for i in range(first, last):
            quote_of[i] = k
        ranges.append((first, last))
    return quote_of, ranges


def _ancestors(heads: list[int]) -> list[list[int]]:
    out: list[list[int]] = []
    for i in range(len(heads)):
        chain: list[int] = []
        j = i
        while heads[j] != j and len(chain) < 64:
            j = heads[j]
            chain.append(j)
        out.append(chain)
    return out
