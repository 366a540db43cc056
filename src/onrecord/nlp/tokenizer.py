"""Tokenizing in time linear in the text, with spaCy's tokens for ordinary text.

spaCy's tokenizer strips affixes off a whitespace-free string one at a time,
searching the whole remaining string for a suffix each time: a run of n marks
(a thousand ``"`` or ``(`` in a row) costs n searches of up to n characters, minutes for
tens of thousands, and the copies and hashes it makes each time are quadratic
too. Two bounds make it linear:

- every suffix pattern of the English tokenizer matches at the end of the
  string and, but for a run of dots, spans a few characters; so the search
  starts ``SUFFIX_WINDOW`` characters before the end (a lookbehind still sees
  the characters before that) and falls back to the whole string only when
  the match starts right there, where it could have started earlier. The
  result is the same match for every string.
- a whitespace-free run longer than ``MAX_RUN`` characters (never seen in
  prose: the longest URLs are a few hundred) is tokenized ``MAX_RUN``
  characters at a time, the pieces joined into one Doc with the same text.
  Only such text gets a token boundary where spaCy's own would put none.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["MAX_RUN", "SUFFIX_WINDOW", "TailSuffixSearch", "bound_suffix_search", "make_doc"]

SUFFIX_WINDOW = 64
MAX_RUN = 1000
_LONG_RUN = re.compile(rf"\S{{{MAX_RUN + 1},}}")

Search = Callable[..., "re.Match[str] | None"]


class TailSuffixSearch:
    """A suffix regex's ``search`` that reads only the end of a long string.

    ``pattern`` is the regex's, so spaCy serializes the tokenizer (it reads
    ``suffix_search.__self__.pattern``) as if the regex itself were set.
    """

    def __init__(self, search: Search) -> None:
        self._search = search
        self.pattern: str = search.__self__.pattern  # type: ignore[attr-defined]

    def search(self, string: str) -> re.Match[str] | None:
        window_start = len(string) - SUFFIX_WINDOW
        if window_start <= 0:
            return self._search(string)
        match = self._search(string, window_start)
        if match is None or match.start() > window_start:
            return match
        return self._search(string)


def bound_suffix_search(nlp: Language) -> None:
    """Give ``nlp``'s tokenizer the windowed suffix search (same tokens, linear time)."""
    tokenizer = nlp.tokenizer
    search = getattr(tokenizer, "suffix_search", None)
    if search is None or isinstance(getattr(search, "__self__", None), TailSuffixSearch):
        return
    if not hasattr(getattr(search, "__self__", None), "pattern"):
        return  # a custom suffix function: nothing known about its matches
    tokenizer.suffix_search = TailSuffixSearch(search).search  # type: ignore[union-attr]


def make_doc(nlp: Language, text: str) -> Doc:
    """``nlp.make_doc(text)``, with whitespace-free runs over ``MAX_RUN`` cut into
    pieces of that length; the Doc's text is ``text`` exactly."""
    cuts = [
        cut
        for run in _LONG_RUN.finditer(text)
        for cut in range(run.start() + MAX_RUN, run.end(), MAX_RUN)
    ]
    if not cuts:
        return nlp.make_doc(text)
    bounds = [0, *cuts, len(text)]
    docs = [nlp.make_doc(text[a:b]) for a, b in zip(bounds, bounds[1:], strict=False)]
    return Doc.from_docs(docs, ensure_whitespace=False)
