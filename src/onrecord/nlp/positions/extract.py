"""Positions in one Doc: candidate statements, their relevance, stance and actor.

Two kinds of statement can show a position (``statements``): an attribution gives its
speaker's, a narrative sentence that reports a decision or policy with no one quoted
gives its subject's. Either is kept when it is about the issue (``relevance``), does
something about the statement at stake (``stance``), and has an actor within the
issue's scope (``holders``). Positions of one actor with the same label and date in
one article are one position with all their evidence, and so is one that another
states more precisely (``merge``).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from onrecord.model import ActorType, Issue
from onrecord.nlp import lexicons
from onrecord.nlp.positions.conditions import conditions
from onrecord.nlp.positions.dating import as_of, held_before
from onrecord.nlp.positions.holders import HolderFinder
from onrecord.nlp.positions.merge import merge
from onrecord.nlp.positions.records import DocPosition
from onrecord.nlp.positions.relevance import TopicIndex
from onrecord.nlp.positions.stance import (
    choose_label,
    find_signals,
    for_holder,
    has_hint,
    main_signals,
)
from onrecord.nlp.positions.statements import Statement, evidence, own_words, statements

ATTRIBUTION_METHOD = "rules-v1:attribution"
NARRATIVE_METHOD = "rules-v1:narrative"
_HEDGES = lexicons.load("position-hedges-v1")


class PositionFinder:
    def find(self, doc: Doc, issues: Sequence[Issue], lemmas: Sequence[str]) -> list[DocPosition]:
        found = doc._.attributions or []
        out: list[DocPosition] = []
        for issue in issues:
            reader = _IssueReader(doc, issue, lemmas)
            candidates = [reader.read(s) for s in statements(doc, found, reader.topics)]
            out += merge([c for c in candidates if c is not None], issue)
        return out


class _IssueReader:
    def __init__(self, doc: Doc, issue: Issue, lemmas: Sequence[str]) -> None:
        self.doc = doc
        self.issue = issue
        self.lemmas = lemmas
        self.topics = TopicIndex(doc, issue)
        self.holders = HolderFinder(doc, issue, self.topics)

    def read(self, statement: Statement) -> DocPosition | None:
        if not self.topics.about(own_words(statement), statement.sentences):
            return None
        close = self.topics.covers(statement.sentences)
        hits = find_signals(statement.tokens, self.lemmas, statement.cue)
        signals = main_signals(hits)
        # A label's hint is the user's own word for it: it gives the label without a cue
        # of the lexicon ("greenwashing", "voted in favour", "no rush").
        if not signals and not has_hint(self.issue, _words_of(statement.tokens)):
            return None
        held = self.holders.find(statement, signals)
        if held is None:
            return None
        actor, behind = held
        if self.issue.scope and actor.type.value not in self.issue.scope:
            return None
        signals = for_holder(signals, actor, statement.tokens)
        label = choose_label(self.issue, signals, _words_of(statement.tokens))
        if label is None:
            return None
        allowed = {t.i for t in statement.tokens}
        published = self.doc._.published
        return DocPosition(
            issue=self.issue.id,
            actor=actor,
            stance=label.label,
            coarse=label.coarse,
            conditions=conditions(hits, allowed),
            said_on=statement.said_on,
            as_of=as_of(statement.said_on, published),
            held_before=held_before(statement.said_on, published),
            evidence=evidence(statement, self.topics.sentences),
            confidence=_confidence(statement, close, label.hints != ()),
            method=ATTRIBUTION_METHOD if statement.attribution else NARRATIVE_METHOD,
            attributions=[statement.attribution] if statement.attribution else [],
            speaker=behind,
        )


def _confidence(statement: Statement, close: bool, hinted: bool) -> float:
    """0.5, more when the statement itself names every topic, a hint chose its label or
    a named speaker said it; less when it hedges ("appears to", "reportedly", "likely")."""
    score = 0.5 + (0.2 if close else 0.0) + (0.1 if hinted else 0.0)
    speaker = statement.speaker
    if speaker is not None and speaker.type is not ActorType.ANONYMOUS:
        score += 0.1
    if any(t.lower_ in _HEDGES for t in statement.tokens):
        score -= 0.2
    return round(min(max(score, 0.1), 0.95), 2)


def _words_of(tokens: Sequence[Token]) -> str:
    """The tokens' text, a space where words were left out between two of them (the
    content and its cue without the speaker: "… borders said", not "borderssaid")."""
    return "".join(
        t.text_with_ws if k + 1 == len(tokens) or tokens[k + 1].i == t.i + 1 else t.text + " "
        for k, t in enumerate(tokens)
    )
