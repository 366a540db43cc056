"""When each statement was made: time expressions tied to the cue, resolved against
the article's publication date.

The time of a statement is a time expression that modifies the act of saying:
"said on Thursday", "Germany on Friday suggested", "told an outlet last week",
"Stoltenberg, speaking in Prague on Thursday, said". One inside the reported content
is what the statement is about ("said talks would resume on June 4"), and one in a
clause about the source is something else that happened to it ("the minister, who
was appointed in March, said"); neither counts. So words that can be part of a time
expression are gathered into phrases (``_phrases``) and a phrase counts only when the
dependency parse links it to the cue, or to the source, through modifiers alone
(``_link_to``). ``onrecord.nlp.dates.temporal`` turns the phrase into a day or a period. A
date reached through "before", "after" or "since" ("before the vote on May 10") only
places the statement relative to another event, so it fixes no day.

With no time expression the statement takes the publication date (the project's
convention, present or past tense alike), except after "had" ("had warned"): that
places it before some other past event, so no day can be given.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

from spacy.tokens import Doc, Span, Token

from onrecord.model import DateRule
from onrecord.nlp import lexicons
from onrecord.nlp.dates.temporal import MONTHS, NUMBER_WORDS, WEEKDAYS, Resolved, resolve
from onrecord.nlp.doc_records import DocAttribution, DocSaidOn

# Words that can carry a time expression on their own; the resolver decides whether
# the phrase around them is one ("last week" is, "a week of talks" is not).
_KEYWORDS = frozenset(WEEKDAYS) | lexicons.load("time-keywords-v1")
# Words that join a keyword into a longer expression ("in the past few weeks",
# "earlier this month", "on Thursday (2 May)"), besides numbers and keywords.
_JOINERS = lexicons.load("time-joiners-v1")
# Keywords that are also words of names ("USA Today", "CBS This Morning", "Morning
# Joe"): capitalised inside a sentence, they are not time words.
_CALENDAR_NAMES = frozenset(WEEKDAYS)
# Joiners kept inside an expression, never at its edge ("on Thursday", not "Thursday
# in"); some may start one ("the past week").
_EDGES = lexicons.load_table("time-phrase-edges-v1")
_NOT_FIRST = frozenset(word for word, edge in _EDGES.items() if edge == "inner")
_NOT_LAST = frozenset(_EDGES)
# With a year only: "9/11" and "24/7" are names, not dates.
_NUMERIC_DATE = re.compile(r"\d{1,2}[/.]\d{1,2}[/.]\d{2,4}")
_POSSESSIVE = frozenset({"'s", "’s"})
_NOUN_MODIFIERS = frozenset({"amod", "poss", "compound", "nmod"})
_YEAR = re.compile(r"(?:19|20)\d\d")
_ORDINAL = re.compile(r"\d{1,2}(?:st|nd|rd|th)")

# Dependency links a time expression may climb on its way to the cue or source:
# modifiers and arguments, not clauses of their own ("who was appointed in March").
_MODIFIER_LINKS = frozenset(
    "prep pobj npadvmod tmod advmod amod nummod compound appos poss nmod nsubj nsubjpass"
    " dobj dative agent quantmod".split()
)
# Clauses that still tell when the statement was made: "speaking on Thursday",
# "an assessment published on May 13", "asked on Tuesday whether", "Volker, who spoke
# with CBC News earlier this month, said".
_CLAUSE_LINKS = frozenset({"acl", "advcl", "pcomp", "relcl"})
_SPEECH_FORMS = lexicons.load("speech-forms-v1")
_MAX_STEPS = 6
# Which of two expressions equally close to the cue says more.
_PRECISION = {
    DateRule.EXPLICIT: 0,
    DateRule.RELATIVE: 1,
    DateRule.WEEKDAY: 1,
    DateRule.PERIOD: 2,
    DateRule.UNKNOWN: 3,
}


# Prepositions that date the statement only relative to another event: "before
# Russia's incursion on May 10" says the statement came earlier, not on May 10.
_RELATIONAL = lexicons.load("relational-prepositions-v1")


class Said(Protocol):
    """What dating reads of a statement: the words of saying (or, in a sentence that
    quotes no one, of acting), who says it, and what is said. A ``DocAttribution`` is one."""

    @property
    def cue(self) -> Span | None: ...

    @property
    def source(self) -> Span | None: ...

    @property
    def content(self) -> Sequence[Span]: ...


@dataclass(frozen=True)
class _Candidate:
    phrase: Span
    resolved: Resolved
    steps: int


@dataclass(frozen=True)
class _Link:
    """How a time expression reaches the cue: ``steps`` dependency links, ``via`` the
    relational preposition on the way, if any."""

    steps: int
    via: Token | None = None


def find_said_on(
    attribution: Said, published: date | None, updated: date | None = None
) -> DocSaidOn:
    """The date of one attribution's statement.

    A weekday is the latest such day on or before publication, or on or before
    ``updated`` when the article was updated within the week after it: "on Friday" in an
    article published on Thursday and updated on Friday is that Friday.
    """
    if isinstance(published, datetime):  # a datetime compares with no date
        published = published.date()
    found = _said_on(attribution, published)
    if found.rule is DateRule.WEEKDAY and _updated_within_week(published, updated):
        return _said_on(attribution, updated)
    return found


def _updated_within_week(published: date | None, updated: date | None) -> bool:
    if isinstance(updated, datetime):
        updated = updated.date()
    return published is not None and updated is not None and 0 < (updated - published).days < 7


def _said_on(attribution: Said, published: date | None) -> DocSaidOn:
    candidate = _time_expression(attribution, published)
    if candidate is None:
        return _without_time_expression(attribution, published)
    resolved = candidate.resolved
    return DocSaidOn(
        resolved.date, resolved.rule, candidate.phrase, resolved.earliest, resolved.latest
    )


def _without_time_expression(attribution: Said, published: date | None) -> DocSaidOn:
    if published is None or _pluperfect(attribution.cue):
        return DocSaidOn(None, DateRule.UNKNOWN)
    return DocSaidOn(published, DateRule.PUBLISHED)


def _pluperfect(cue: Span | None) -> bool:
    """ "had warned": said before some other past event, not on the day of writing."""
    if cue is None:
        return False
    head = cue.root
    return head.tag_ == "VBN" and any(
        child.dep_ == "aux" and child.lower_ in ("had", "'d") for child in head.children
    )


def _time_expression(attribution: Said, published: date | None) -> _Candidate | None:
    said = attribution.cue if attribution.cue is not None else attribution.source
    if said is None:
        return None
    anchors = _anchors(attribution)
    content = {t.i for span in attribution.content for t in span}
    found = []
    # The cue's sentence only: a time expression elsewhere is about another statement.
    for phrase in _phrases(said.root.sent, content):
        link = _link_to(phrase.root, anchors, content)
        if link is None:
            continue
        if link.via is not None:  # "before the incursion on May 10": earlier, by how much?
            relational = _relational_phrase(link.via, content)
            found.append(_Candidate(relational, Resolved(DateRule.UNKNOWN), link.steps))
            continue
        resolved = resolve(phrase.text, published)
        if resolved is not None:
            found.append(_Candidate(phrase, resolved, link.steps))
    if not found:
        return None
    # Closest in the parse, then the most precise, then closest in the text.
    return min(
        found,
        key=lambda c: (c.steps, _PRECISION[c.resolved.rule], abs(c.phrase.start - said.start)),
    )


def _anchors(attribution: Said) -> set[int]:
    """Tokens whose own modifiers say when the statement was made: the cue, the verbs it
    continues ("went on to say", "met X and said"), the verb governing a nominal or
    adverbial cue, and the source ("Germany on Friday") with, when there is no cue (a
    quotation continuing a speaker), the verb the source is the subject of."""
    anchors: set[int] = set()
    if attribution.cue is not None:
        head = attribution.cue.root
        anchors.add(head.i)
        while head.dep_ in ("conj", "xcomp") and head.head.i != head.i:
            head = head.head
            anchors.add(head.i)
        if not head.tag_.startswith("VB"):
            anchors.update(t.i for t in _governing_verb(head))
    if attribution.source is not None:
        anchors.add(attribution.source.root.i)
        if attribution.cue is None:
            anchors.update(t.i for t in _governing_verb(attribution.source.root))
    return anchors


def _governing_verb(token: Token) -> Iterable[Token]:
    for ancestor in token.ancestors:
        if ancestor.tag_.startswith("VB"):
            return (ancestor,)
    return ()


def _phrases(sentence: Span, excluded: set[int]) -> Iterable[Span]:
    """Runs of time words around each keyword, outside the reported content."""
    doc = sentence.doc
    seen_until = sentence.start
    for token in sentence:
        if token.i < seen_until or token.i in excluded or not _is_keyword(token):
            continue
        start, seen_until = _grow(doc, token.i, sentence, excluded)
        start, end = _trim(doc, start, seen_until)
        end = _with_noun(doc, end, sentence, excluded)
        if start < end:
            yield doc[start:end]


def _is_keyword(token: Token) -> bool:
    """Whether a time expression can be built around ``token``."""
    word = token.lower_
    if word in _KEYWORDS:
        return word in _CALENDAR_NAMES or not _capitalised_inside(token)
    if word.rstrip(".") in MONTHS:  # "May" the month, not "may" the verb
        return token.text[:1].isupper()
    return bool(_NUMERIC_DATE.fullmatch(word) or _YEAR.fullmatch(word))


def _capitalised_inside(token: Token) -> bool:
    return token.text[:1].isupper() and not token.is_sent_start


def _is_part(doc: Doc, i: int) -> bool:
    """Whether token ``i`` can belong to a time expression next to a keyword."""
    token = doc[i]
    word = token.lower_
    if word in _JOINERS or word in NUMBER_WORDS or _is_keyword(token):
        return True
    if word in (",", "-"):  # "May 30, 2024", "2024-05-30": only between numbers
        return _is_number(doc, i - 1) and _is_number(doc, i + 1)
    return _is_number(doc, i)


def _is_number(doc: Doc, i: int) -> bool:
    """ "30", "30th", "twenty" (of "twenty-two")."""
    if not 0 <= i < len(doc):
        return False
    token = doc[i]
    return token.like_num or bool(_ORDINAL.fullmatch(token.lower_))


def _grow(doc: Doc, i: int, sentence: Span, excluded: set[int]) -> tuple[int, int]:
    start, end = i, i + 1
    while start > sentence.start and start - 1 not in excluded and _is_part(doc, start - 1):
        start -= 1
    while end < sentence.end and end not in excluded and _is_part(doc, end):
        end += 1
    return start, end


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop edge words that join expressions but start or end none: "the", "(", "in"."""
    while start < end and doc[start].lower_ in _NOT_FIRST:
        start += 1
    while end > start and (
        doc[end - 1].lower_ in _NOT_LAST and not _closes_parenthesis(doc, start, end)
    ):
        end -= 1
    return start, end


def _with_noun(doc: Doc, end: int, sentence: Span, excluded: set[int]) -> int:
    """ "During a recent visit", "at Monday's debate", "in a March 2016 meeting": a phrase
    that modifies a noun right after it takes the noun along."""
    last = doc[end - 1]
    noun = last.head
    if last.dep_ not in _NOUN_MODIFIERS or not (
        end <= noun.i < sentence.end and noun.tag_.startswith("NN")
    ):
        return end
    between = range(end, noun.i)
    if any(i in excluded for i in range(end, noun.i + 1)):
        return end
    if all(doc[i].lower_ in _POSSESSIVE or doc[i].head.i == noun.i for i in between):
        return noun.i + 1
    return end


def _closes_parenthesis(doc: Doc, start: int, end: int) -> bool:
    """ "Thursday (2 May)" keeps its closing bracket."""
    return doc[end - 1].text == ")" and any(t.text == "(" for t in doc[start : end - 1])


def _link_to(token: Token, anchors: set[int], content: set[int]) -> _Link | None:
    """How ``token`` reaches an anchor up the dependency tree, climbing only through
    modifiers and never through the reported content; None when it does not."""
    via = None
    for steps in range(_MAX_STEPS + 1):
        if token.i in anchors:
            return _Link(steps, via)
        if token.lower_ in _RELATIONAL and token.dep_ in ("prep", "advmod"):
            via = token
        parent = token.head
        if parent.i == token.i or parent.i in content or not _modifies(token):
            return None
        token = parent
    return None


def _relational_phrase(preposition: Token, content: set[int]) -> Span:
    """ "Before Russia's incursion on May 10", "just days after the vote": the preposition,
    what modifies it and what it governs, short of the content."""
    doc = preposition.doc
    start = preposition.left_edge.i
    end = next(
        (i for i in range(preposition.i, preposition.right_edge.i + 1) if i in content),
        preposition.right_edge.i + 1,
    )
    while end > preposition.i + 1 and doc[end - 1].is_punct:
        end -= 1
    return doc[start:end]


def _modifies(token: Token) -> bool:
    """Whether what ``token`` says about time passes on to its head."""
    if token.dep_ in _MODIFIER_LINKS:
        return True
    if token.dep_ == "conj":  # "France and Germany on Thursday": the source's members
        return token.tag_.startswith("NN")
    return token.dep_ in _CLAUSE_LINKS and token.lower_ in _SPEECH_FORMS


def share_occasions(found: list[DocAttribution]) -> None:
    """ "Volker, who spoke with CBC News earlier this month, said ...": the occasion one
    statement names is the occasion of the same person's statements in the article that
    give no time of their own (quotes from one interview), in place."""
    occasions: dict[str, DocSaidOn] = {}
    for attribution in found:
        if attribution.actor is not None and _names_occasion(attribution):
            occasions.setdefault(attribution.actor.name, attribution.said_on)  # type: ignore[arg-type]
    for attribution in found:
        said_on = attribution.said_on
        if attribution.actor is None or said_on is None or said_on.rule is not DateRule.PUBLISHED:
            continue
        attribution.said_on = occasions.get(attribution.actor.name, said_on)


def _names_occasion(attribution: DocAttribution) -> bool:
    """Whether the statement's time comes from a clause on its speaker ("who spoke ...")."""
    basis = attribution.said_on.basis if attribution.said_on else None
    if basis is None or attribution.source is None:
        return False
    clauses = [c for c in attribution.source.root.children if c.dep_ == "relcl"]
    return any(c.left_edge.i <= basis.start and basis.end <= c.right_edge.i + 1 for c in clauses)
