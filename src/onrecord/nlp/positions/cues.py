"""The cues in a statement's words: phrases of the ``stance-cues-v1`` lexicon, matched
on lemmas, and rules on use ("can be used"). Each says a signal
(``onrecord.model.Signal``) or a marker that only its context turns into one
(``Marker``); ``context`` reads them where they stand.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from enum import StrEnum

from spacy.tokens import Token

from onrecord.model import SIGNALS, Signal
from onrecord.nlp import lexicons


class Marker(StrEnum):
    """What a cue says before its context makes it a signal, or nothing."""

    RESTRICTION = "restriction"  # counts only negated ("no restrictions") or lifted
    QUALIFIER = "qualifier"  # a condition that narrows nothing: "in line with international law"
    RULE_ON_USE = "rule-on-use"  # read as permission or prohibition in context


# What a cue says: a signal, or a marker for its context to read.
Found = Signal | Marker
# (what it says, the word of the phrase highest in the parse)
Match = tuple[Found, Token]


def _found(value: str) -> Found:
    return Signal(value) if value in SIGNALS else Marker(value)


def _phrases() -> dict[str, list[tuple[tuple[str, ...], str | None, Found]]]:
    """First lemma -> (lemmas of the phrase, the part of speech a one-word entry needs,
    what it says), from the lexicon's "phrase[:POS]" keys."""
    out: dict[str, list[tuple[tuple[str, ...], str | None, Found]]] = {}
    for entry, value in lexicons.load_table("stance-cues-v1").items():
        phrase, _, tag = entry.partition(":")
        words = tuple(phrase.split())
        out.setdefault(words[0], []).append((words, tag or None, _found(value)))
    return out


_PHRASES = _phrases()
_PERMISSION_MODALS = lexicons.load("stance-permission-modals-v1")
_HYPHENS = ("-", "‐", "–")


def find_cues(tokens: Sequence[Token], lemmas: Sequence[str]) -> Iterable[Match]:
    """A match for each lexicon phrase, on lemmas with hyphens skipped, and for each rule
    on use ("can be used", "are to be used only in ...")."""
    words = [(t, lemmas[t.i]) for t in tokens if t.text not in _HYPHENS]
    for i, (token, lemma) in enumerate(words):
        for phrase, pos, found in _PHRASES.get(lemma, ()):
            if len(phrase) > 1 and tuple(w for _, w in words[i : i + len(phrase)]) != phrase:
                continue
            if pos is not None and token.pos_ != pos:
                continue
            span = [t for t, _ in words[i : i + len(phrase)]]
            yield found, min(span, key=depth_of)
        if lemma == "use" and _rule_on_use(token):
            yield Marker.RULE_ON_USE, token


def _rule_on_use(token: Token) -> bool:
    """ "can be used", "should only be used", "is destined to be used": a passive "use"
    with a modal or an infinitive states how something may be used; so does an active
    one with a modal of permission ("Ukraine may not use ATACMS", "could use")."""
    auxiliaries = [c for c in token.children if c.dep_ == "aux"]
    if any(c.dep_ == "auxpass" for c in token.children):
        return any(c.tag_ == "MD" or c.lower_ == "to" for c in auxiliaries)
    return any(c.lower_ in _PERMISSION_MODALS for c in auxiliaries)


def depth_of(token: Token) -> int:
    """Steps from the token up to its sentence's root."""
    depth = 0
    node = token
    while node.head.i != node.i:
        node = node.head
        depth += 1
    return depth
