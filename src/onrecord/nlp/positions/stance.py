"""What a statement does about the issue: its signals, what they mean from who holds
the position, and the label.

The cues in the statement's words (``cues``), read in context (``context``), give its
signals; those nearest the top of the sentence (the cue, then the main clause) are
what the statement does, and limits anywhere narrow it. Who holds the position can
change what they mean (``HOLDER_REWRITES``): someone with no power to decide asks for
what they "allow". The issue's labels say which combination of signals each label
stands for; a label's own hint phrases take precedence, and its labelled examples
break ties.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Token

from onrecord.knowledge import country_of
from onrecord.model import Actor, ActorType, Issue, Signal, StanceLabel, fold
from onrecord.nlp import lexicons
from onrecord.nlp.positions.context import CueInContext, in_context
from onrecord.nlp.positions.cues import Found, depth_of, find_cues

_HINT_GAP = 3  # words allowed between two words of a hint
_EXAMPLE_MIN_OVERLAP = 0.2  # word overlap (Jaccard) an example needs to break a tie
_PROVENANCE = lexicons.load("provenance-participles-v1")


@dataclass(frozen=True)
class Hit:
    signal: Found  # a signal, or the qualifier marker: context has read the others
    token: Token  # the word of the phrase highest in the parse
    depth: int  # steps from the top of the statement; the cue is -1


def find_signals(tokens: Sequence[Token], lemmas: Sequence[str], cue: Iterable[Token]) -> list[Hit]:
    """Signals in ``tokens`` (in text order), read in context; ``cue`` tokens are the
    verb of saying, above everything said."""
    cue_ids = {t.i for t in cue}
    # What the subject's noun phrase says belongs to its owner: in "The Biden
    # administration's decision to allow ... does not change Germany's stance", the
    # permission is not the speaker's.
    content = [t for t in tokens if t.i not in cue_ids]
    in_subjects = {t.i for top in _tops(content) for t in _subject_words(top)}
    matches = [(s, t) for s, t in find_cues(tokens, lemmas) if t.i not in in_subjects]
    hits: list[Hit] = []
    for found, token in matches:
        signal = in_context(found, CueInContext(token, lemmas[token.i], matches))
        if signal is None:
            continue
        depth = -1 if token.i in cue_ids else depth_of(token)
        hits.append(Hit(signal, token, depth))
    return hits


def main_signals(hits: Sequence[Hit]) -> frozenset[Signal]:
    """The signals at the top of the statement, with "limits" when any narrow it."""
    main = [h for h in hits if isinstance(h.signal, Signal) and h.signal is not Signal.LIMITS]
    if not main:
        return frozenset()
    top = min(h.depth for h in main)
    signals = {Signal(h.signal) for h in main if h.depth == top}
    if any(h.signal is Signal.LIMITS for h in hits):
        signals.add(Signal.LIMITS)
    return frozenset(signals)


def _tops(tokens: Sequence[Token]) -> list[Token]:
    """The tokens whose head lies outside ``tokens``: the roots of the statement."""
    ids = {t.i for t in tokens}
    return [t for t in tokens if t.head.i == t.i or t.head.i not in ids]


def _subject_words(top: Token) -> list[Token]:
    """The words of the subject of ``top``, or of ``top`` itself when it is a subject
    (a content cut short after its subject: "The decision to allow ... —")."""
    subjects = [c for c in top.children if c.dep_ in ("nsubj", "nsubjpass")]
    if top.dep_ in ("nsubj", "nsubjpass"):
        subjects.append(top)
    return [w for s in subjects for w in s.subtree]


@dataclass(frozen=True)
class HolderRewrite:
    """``signal`` means ``means`` from a holder for whom ``when`` holds, given the
    statement's words."""

    when: Callable[[Actor, Sequence[Token]], bool]
    signal: Signal
    means: Signal


def _cannot_decide(holder: Actor, tokens: Sequence[Token]) -> bool:
    """A commentator, an institute, another state's official: anyone but a government."""
    return holder.type is not ActorType.GOVERNMENT


def _supplies_it(holder: Actor, tokens: Sequence[Token]) -> bool:
    """A government whose own country the words name as the source of what is used
    ("British-supplied", "U.S.-made"; one token or three)."""
    if holder.type is not ActorType.GOVERNMENT:
        return False
    for token in tokens:
        country_word, _, participle = token.text.partition("-")
        if not participle and token.i + 2 < len(token.doc) and token.nbor(1).text == "-":
            participle = token.nbor(2).text
        if participle.lower() in _PROVENANCE and country_word[:1].isupper():
            country = country_of(country_word)
            if country is not None and fold(country.government) == fold(holder.name):
                return True
    return False


# What a signal means from who holds the position; the first rule that applies decides.
HOLDER_REWRITES: tuple[HolderRewrite, ...] = (
    # someone with no power to decide: allowing is asking for it, forbidding opposing it
    HolderRewrite(_cannot_decide, Signal.PERMISSION, Signal.ADVOCACY),
    HolderRewrite(_cannot_decide, Signal.PROHIBITION, Signal.OPPOSITION),
    # backing the use of what one's own country supplied decides it: "Cameron backed
    # strikes using British-supplied weapons" permits them
    HolderRewrite(_supplies_it, Signal.ADVOCACY, Signal.PERMISSION),
)


def for_holder(
    signals: frozenset[Signal], holder: Actor, tokens: Sequence[Token]
) -> frozenset[Signal]:
    """The signals as they mean from ``holder`` (see ``HOLDER_REWRITES``)."""
    return frozenset(_for_holder(s, holder, tokens) for s in signals)


def _for_holder(signal: Signal, holder: Actor, tokens: Sequence[Token]) -> Signal:
    for rule in HOLDER_REWRITES:
        if rule.signal is signal and rule.when(holder, tokens):
            return rule.means
    return signal


def signal_sets(stance: StanceLabel) -> list[frozenset[str]]:
    """The label's alternatives, each the set of signals it needs ("permission+limits")."""
    return [frozenset(e.split("+")) for e in stance.signals]


def choose_label(issue: Issue, signals: frozenset[Signal], text: str) -> StanceLabel | None:
    """The label whose hint the text contains (the longest), signals or not; else the
    one whose signal combination is the most specific of those present, where several
    tie the one of the issue's labelled example most like the text, then the first in
    the file."""
    hinted = [
        (len(hint), stance)
        for stance in issue.stances
        for hint in stance.hints
        if _contains(text, hint)
    ]
    if hinted:
        return max(hinted, key=lambda pair: pair[0])[1]
    if not signals:
        return None
    scored = [
        (len(parts), stance)
        for stance in issue.stances
        for parts in signal_sets(stance)
        if parts <= signals
    ]
    if not scored:
        return None
    top = max(size for size, _ in scored)
    tied = list(dict.fromkeys(stance for size, stance in scored if size == top))
    return _nearest_example(issue, text, tied) or tied[0]


def has_hint(issue: Issue, text: str) -> bool:
    """Whether the text contains a hint of any of the issue's labels."""
    return any(_contains(text, hint) for stance in issue.stances for hint in stance.hints)


def _nearest_example(issue: Issue, text: str, labels: list[StanceLabel]) -> StanceLabel | None:
    """Among tied labels, the one whose example shares the most words with the text."""
    if len(labels) < 2 or not issue.examples:
        return None
    words = _content_words(text)
    best, best_score = None, _EXAMPLE_MIN_OVERLAP
    for example in issue.examples:
        stance = next((s for s in labels if s.label == example.stance), None)
        if stance is None:
            continue
        theirs = _content_words(example.text)
        score = len(words & theirs) / len(words | theirs) if words | theirs else 0.0
        if score > best_score:
            best, best_score = stance, score
    return best


def _content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", text.lower()) if w not in STOP_WORDS and len(w) > 2}


def _contains(text: str, phrase: str) -> bool:
    """The hint's words in order, with at most a few words between two of them: "only
    inside Ukraine" is in "only inside the territory of Ukraine"."""
    words = [re.escape(w).replace("'", "['’]") for w in phrase.replace("’", "'").split()]
    gap = r"(?:\W+\w+){0," + str(_HINT_GAP) + r"}?\W+"
    pattern = r"(?<!\w)" + gap.join(words) + r"(?!\w)"
    return re.search(pattern, text, re.IGNORECASE) is not None
