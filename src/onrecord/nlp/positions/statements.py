"""The candidate statements of one Doc, and the words each rests on.

An attribution ("Germany on Friday suggested that Ukraine could use ...") gives its
speaker's statement; a narrative sentence whose main clause nobody is quoted in
("Washington's official position prohibited ...", "Biden has authorized Ukraine to
use ...") gives its subject's.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Span, Token

from onrecord.knowledge import country_of
from onrecord.model import Actor, AttributionKind, fold
from onrecord.nlp import lexicons
from onrecord.nlp.doc_records import DocAttribution, DocSaidOn
from onrecord.nlp.positions.dating import act_said_on
from onrecord.nlp.positions.relevance import TopicIndex

_POLICY_NOUNS = lexicons.load("policy-nouns-v1")
_DATELINE_ENDS = frozenset({",", ":", "(", "-", "–", "—", "−"})


@dataclass(frozen=True)
class Statement:
    """The words one candidate position rests on."""

    tokens: list[Token]  # in text order
    cue: list[Token]
    sentences: list[int]
    speaker: Actor | None  # None for a narrative sentence: its subject acts
    said_on: DocSaidOn | None
    attribution: DocAttribution | None
    subject: Span | None  # who the words say acts, when not the speaker


def statements(doc: Doc, found: list[DocAttribution], topics: TopicIndex) -> Iterator[Statement]:
    """The attributions with a speaker, then the narrative sentences about the issue."""
    claimed: set[int] = set()
    for attribution in found:
        if attribution.actor is None or _names_no_one(attribution):
            continue  # "Washington's official position prohibited ...": read as narrative
        statement = _from_attribution(attribution, topics)
        claimed.update(t.i for t in statement.tokens)
        yield statement
    for number, sentence in enumerate(topics.sentences):
        # A sentence whose main clause nobody is quoted in: "Previously, Washington's
        # official position prohibited ..., but Blinken signalled ...".
        tokens = [t for t in sentence if not t.is_space]
        if sentence.root.i not in claimed and topics.about(tokens, [number]):
            narrative = _from_sentence(sentence, number, doc._.published, doc._.updated)
            if narrative is not None:
                yield narrative


def _names_no_one(attribution: DocAttribution) -> bool:
    """Whether the speaker was read off a dateline ("BERLIN, Jan 2 (Reuters) - Germany
    on Sunday welcomed …", "ANKARA: …") or an opening participle ("Reacting, Dmitry
    Medvedev … warned"): words that name no one who holds a position."""
    source, actor = attribution.source, attribution.actor
    if source is None or actor is None or fold(source[0].text) != fold(actor.name):
        return False
    return _is_dateline(source[0]) or _is_opening_participle(source)


def _is_opening_participle(source: Span) -> bool:
    """ "Reacting, Dmitry Medvedev, …": a participle and a comma before the speaker's
    name, within the source (the parse may tag the participle a proper noun)."""
    first = source[0]
    participle = first.tag_ in ("VBG", "VBN") or first.lower_.endswith("ing")
    return participle and len(source) > 2 and source[1].text == "," and not country_of(first.text)


def _is_dateline(token: Token) -> bool:
    """A word in capitals that opens its paragraph, followed by a comma, a colon, a
    parenthesis or a dash."""
    doc = token.doc
    opens = token.i == 0 or _breaks_paragraph(doc[token.i - 1])
    follows = doc[token.i + 1].text if token.i + 1 < len(doc) else ""
    return (
        opens
        and token.is_alpha
        and len(token.text) > 2
        and token.text.isupper()
        and follows in _DATELINE_ENDS
    )


def own_words(statement: Statement) -> list[Token]:
    """The statement and the clause of its cue: "warned of the threat of a global conflict
    if Kyiv's allies allow it to use weapons ..." even where the content found is short."""
    if not statement.cue:
        return statement.tokens
    return [*statement.tokens, *_least_deep(statement.cue).subtree]


def evidence(statement: Statement, sentences: list[Span]) -> list[Span]:
    """The statement's sentences, each cut to the paragraphs the statement is in: the
    parser sometimes runs a sentence on across a heading or a caption."""
    out = []
    for number in statement.sentences:
        sentence = sentences[number]
        inside = [t.i for t in statement.tokens if sentence.start <= t.i < sentence.end]
        out.append(_paragraph_part(sentence, min(inside), max(inside)) if inside else sentence)
    return out


def _from_attribution(attribution: DocAttribution, topics: TopicIndex) -> Statement:
    cue = list(attribution.cue) if attribution.cue is not None else []
    tokens = sorted({t for part in attribution.content for t in part} | set(cue), key=lambda t: t.i)
    tokens = [t for t in tokens if not t.is_space]
    sentences = sorted({topics.sentence_at(t.idx) for t in tokens}) or [0]
    return Statement(
        tokens=tokens,
        cue=cue,
        sentences=sentences,
        speaker=attribution.actor,
        said_on=attribution.said_on,
        attribution=attribution,
        subject=_content_subject(attribution),
    )


def _from_sentence(
    sentence: Span, number: int, published: date | None, updated: date | None
) -> Statement | None:
    root = sentence.root
    subject = _subject_of(root)
    if subject is None:
        return None
    said_on = act_said_on(sentence.doc[root.i : root.i + 1], subject, published, updated)
    paragraph = _paragraph_part(sentence, root.i, root.i)
    tokens = [t for t in paragraph if not t.is_space]
    return Statement(tokens, [], [number], None, said_on, None, subject)


def _least_deep(tokens: Iterable[Token]) -> Token:
    """The token nearest its sentence's root: the head of a phrase or clause."""
    return min(tokens, key=lambda t: sum(1 for _ in t.ancestors))


def _content_subject(attribution: DocAttribution) -> Span | None:
    """The subject of the reported clause: "the U.S. has reportedly given ...". A cue
    inside the clause splits the content ("The U.S. has | given ..."): its verb is the
    content's least deep word, whichever part holds it."""
    if attribution.kind is AttributionKind.DIRECT or not attribution.content:
        return None
    return _subject_of(_least_deep(part.root for part in attribution.content))


def _paragraph_part(sentence: Span, first: int, last: int) -> Span:
    """The part of ``sentence`` between the paragraph breaks around tokens first..last."""
    doc = sentence.doc
    start, end = sentence.start, sentence.end
    for i in range(first - 1, sentence.start - 1, -1):
        if _breaks_paragraph(doc[i]):
            start = i + 1
            break
    for i in range(last + 1, sentence.end):
        if _breaks_paragraph(doc[i]):
            end = i
            break
    return doc[start:end]


def _breaks_paragraph(token: Token) -> bool:
    return token.is_space and "\n" in token.text


def _subject_of(verb: Token) -> Span | None:
    """The subject, or what "there is" introduces ("there are growing calls from
    Ukrainian officials")."""
    existential = any(c.dep_ == "expl" for c in verb.children)
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") or (existential and child.dep_ == "attr"):
            owner = _policy_owner(child)
            head = owner or child
            return head.doc[head.left_edge.i : head.i + 1]
    return None


def _policy_owner(noun: Token) -> Token | None:
    """ "Washington's official position": Washington."""
    if noun.lower_ not in _POLICY_NOUNS:
        return None
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    return None
