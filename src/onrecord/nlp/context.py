"""Per-document arrays the attribution features read, computed once per Doc."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

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

    @property
    def n_tokens(self) -> int:
        return len(self.doc)

    def is_quote_mark(self, i: int) -> bool:
        text = self.lower[i]
        return len(text) == 1 and text in QUOTE_CHARS


def build_context(doc: Doc, paragraph_starts: list[int]) -> DocContext:
    sent_bounds = [(s.start, s.end) for s in doc.sents]
    sent_of = [0] * len(doc)
    for k, (start, end) in enumerate(sent_bounds):
        for i in range(start, end):
            sent_of[i] = k
    starts = sorted(set(paragraph_starts) | {0})
    para_of = [bisect.bisect_right(starts, tok.idx) - 1 for tok in doc]
    quotes = find_quotes(doc.text, starts)
    quote_of, quote_tokens = _token_quotes(doc, quotes)
    return DocContext(
        doc,
        sent_of,
        sent_bounds,
        para_of,
        _bounds(para_of),
        quote_of,
        quotes,
        quote_tokens,
        _ancestors(doc),
        lower=[t.lower_ for t in doc],
        lemma=[t.lemma_.lower() for t in doc],
        pos=[t.pos_ for t in doc],
        tag=[t.tag_ for t in doc],
        dep=[t.dep_ for t in doc],
        head=[t.head.i for t in doc],
        child_deps=[tuple(sorted({c.dep_ for c in t.children})) for t in doc],
        is_punct=[t.is_punct for t in doc],
        is_space=[t.is_space for t in doc],
        sent_has_quote=[any(quote_of[i] >= 0 for i in range(a, b)) for a, b in sent_bounds],
    )


def _bounds(group_of: list[int]) -> list[tuple[int, int]]:
    """Token range of each group, for a non-decreasing group index per token."""
    bounds: list[tuple[int, int]] = []
    for i, group in enumerate(group_of):
        while len(bounds) <= group:
            bounds.append((i, i))
        bounds[group] = (bounds[group][0], i + 1)
    return bounds


def _token_quotes(doc: Doc, quotes: list[QuoteRegion]) -> tuple[list[int], list[tuple[int, int]]]:
    quote_of = [-1] * len(doc)
    ranges: list[tuple[int, int]] = []
    idx = [t.idx for t in doc]
    for k, region in enumerate(quotes):
        first = bisect.bisect_left(idx, region.start)
        last = bisect.bisect_left(idx, region.end)
        for i in range(first, last):
            quote_of[i] = k
        ranges.append((first, last))
    return quote_of, ranges


def _ancestors(doc: Doc) -> list[list[int]]:
    heads = [t.head.i for t in doc]
    out: list[list[int]] = []
    for i in range(len(doc)):
        chain: list[int] = []
        j = i
        while heads[j] != j and len(chain) < 64:
            j = heads[j]
            chain.append(j)
        out.append(chain)
    return out
