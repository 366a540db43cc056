"""When two attributions' contents are the same quote: the words, and how much they share.

A content is compared as its folded words: case, diacritics, punctuation and every kind
of quotation mark gone, whitespace runs one space. Two contents are one quote when the
shorter has enough words and nearly all of them are found, in order, in the longer
(a partial quote, a trimmed or lightly edited version); thresholds in ``QuoteParams``.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

from onrecord.model import fold

__all__ = ["QuoteParams", "grams", "overlap", "quote_words"]


@dataclass(frozen=True)
class QuoteParams:
    """The rule, justified on the shared data in docs/syndication.md.

    Of the 518 attributions found in the 73 shared articles, no two in different
    stories reach 0.9 with 6 words or more (the closest, 0.83, is "social media
    restrictions for under-16s" inside another politician's longer quote), while the
    copies of one quote in the syndicated pairs are at 0.93 ("towards" for "toward" in
    29 words) or more.
    """

    # Fewer words than this are a quote only of themselves: "the debt limit" and "gas and
    # nuclear" recur in unrelated statements of one story.
    min_words: int = 6
    # The share of the shorter content's words the longer one has in the same order: one
    # word in ten may differ ("towards"/"toward", an editor's "[Vladimir]").
    min_overlap: float = 0.9
    # Words count as found only in runs this long: a lone common word matches anything.
    min_run: int = 2
    # Candidates share a run of this many words (a word n-gram index finds them).
    gram_words: int = 3

    def __post_init__(self) -> None:
        if not 0.0 < self.min_overlap <= 1.0:
            raise ValueError(f"min_overlap must be in (0, 1], not {self.min_overlap}")
        if self.gram_words > self.min_words:
            raise ValueError("gram_words must not exceed min_words: short quotes would have none")


def quote_words(text: str) -> tuple[str, ...]:
    """The content's words, folded: "“Absolutely has the RIGHT,”" → absolutely has the right."""
    return tuple(fold(text).split())


def grams(words: tuple[str, ...], size: int) -> set[tuple[str, ...]]:
    return {words[i : i + size] for i in range(len(words) - size + 1)}


def overlap(a: tuple[str, ...], b: tuple[str, ...], min_run: int) -> float:
    """The share of the shorter word list found in the other in order, in runs of at
    least ``min_run`` words (difflib's matching blocks)."""
    shorter, longer = sorted((a, b), key=lambda words: (len(words), words))  # either order
    if not shorter:
        return 0.0
    blocks = SequenceMatcher(None, shorter, longer, autojunk=False).get_matching_blocks()
    return sum(block.size for block in blocks if block.size >= min_run) / len(shorter)
