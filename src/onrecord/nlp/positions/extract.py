"""Positions in one Doc: candidate statements, their relevance, stance and actor.

Two kinds of statement can show a position. An attribution ("Germany on Friday
suggested that Ukraine could use ...") gives its speaker's position; a narrative
sentence that reports a decision or policy with no one quoted ("Washington's official
position prohibited ...", "Biden has authorized Ukraine to use ...") gives its
subject's. Either is kept when it is about the issue (``relevance``), does something
about the statement at stake (``stance``), and has an actor within the issue's scope
(``actor_level``). Positions of one actor with the same label and date in one article
are one position with all their evidence, and so is one that another states more
precisely (``_refines``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from onrecord.knowledge import Country, country_of
from onrecord.model import Actor, ActorType, AttributionKind, Coarse, DateRule, Issue, fold
from onrecord.nlp.dates.said_on import find_said_on
from onrecord.nlp.dates.temporal import MONTHS, WEEKDAYS
from onrecord.nlp.doc_records import DocAttribution, DocSaidOn
from onrecord.nlp.positions.actor_level import country_of_office, is_state_body, position_holder
from onrecord.nlp.positions.conditions import conditions
from onrecord.nlp.positions.relevance import TopicIndex
from onrecord.nlp.positions.stance import as_advocate, choose_label, find_signals, main_signals
from onrecord.nlp.speakers.mentions import read_mention
from onrecord.nlp.speakers.names import NameIndex, person_actor

ATTRIBUTION_METHOD = "rules-v1:attribution"
NARRATIVE_METHOD = "rules-v1:narrative"
# Nouns that stand for their owner's policy: "Washington's official position".
_POLICY_NOUNS = frozenset({"position", "policy", "decision", "rule", "rules", "stance", "line"})
# Words of a time expression that place a statement before publication, by an unknown time.
_EARLIER_WORDS = frozenset(
    {"previously", "earlier", "formerly", "once", "prior", "before", "recently", "ago", "past"}
)
# Dates the text itself gives as a day.
_DAY_RULES = frozenset({DateRule.EXPLICIT, DateRule.WEEKDAY, DateRule.RELATIVE})
# Words that say a statement is less than certain.
_HEDGES = frozenset(
    {
        "reportedly",
        "apparently",
        "appears",
        "appear",
        "seems",
        "seem",
        "likely",
        "possibly",
        "perhaps",
        "might",
        "allegedly",
        "apparent",
    }
)
# Who a reported clause's subject may be to hold a position ("the U.S. has reportedly
# given ...", "Biden has authorized ..."): not media, not an anonymous group.
_SUBJECT_HOLDERS = frozenset({ActorType.GOVERNMENT, ActorType.ORGANIZATION, ActorType.PERSON})


@dataclass
class DocPosition:
    """A position over a Doc's tokens (see ``onrecord.model.Position``)."""

    issue: str
    actor: Actor
    stance: str
    coarse: Coarse
    conditions: str | None
    said_on: DocSaidOn | None
    as_of: date | None
    held_before: date | None
    evidence: list[Span]
    confidence: float
    method: str
    attributions: list[DocAttribution] = field(default_factory=list)
    speaker: Actor | None = None


@dataclass(frozen=True)
class _Statement:
    """The words one candidate position rests on."""

    tokens: list[Token]  # in text order
    cue: list[Token]
    sentences: list[int]
    speaker: Actor | None  # None for a narrative sentence: its subject acts
    said_on: DocSaidOn | None
    attribution: DocAttribution | None
    subject: Span | None  # who the words say acts, when not the speaker


class PositionFinder:
    def find(self, doc: Doc, issues: Sequence[Issue], lemmas: Sequence[str]) -> list[DocPosition]:
        found = doc._.attributions or []
        out: list[DocPosition] = []
        for issue in issues:
            reader = _IssueReader(doc, issue, lemmas)
            candidates = [reader.read(s) for s in _statements(doc, found, reader.topics)]
            out += _merge([c for c in candidates if c is not None], issue)
        return out


class _IssueReader:
    def __init__(self, doc: Doc, issue: Issue, lemmas: Sequence[str]) -> None:
        self.doc = doc
        self.issue = issue
        self.lemmas = lemmas
        self.topics = TopicIndex(doc, issue)
        self.at_stake = _statement_countries(issue.statement)
        self.roles = {
            a.actor.name: a.actor.role
            for a in reversed(doc._.attributions or [])
            if a.actor is not None and a.actor.role and a.actor.type is ActorType.PERSON
        }

    def read(self, statement: _Statement) -> DocPosition | None:
        if not self.topics.about(_own_words(statement), statement.sentences):
            return None
        close = self.topics.covers(statement.sentences)
        hits = find_signals(statement.tokens, self.lemmas, statement.cue)
        signals = main_signals(hits)
        if not signals:
            return None
        speaker = self._acting(statement, signals)
        if speaker is None:
            return None
        speaker = self._with_role(speaker)
        countries = self._countries(statement.tokens)
        known = countries + self._countries_named_with(speaker)
        for_others = _addresses_others(statement) and self._for_others(
            speaker, known, countries, signals
        )
        actor, behind = position_holder(speaker, known, for_others)
        if self.issue.scope and actor.type.value not in self.issue.scope:
            return None
        if actor.type is not ActorType.GOVERNMENT:
            signals = as_advocate(signals)
        elif "advocacy" in signals and _of_its_own_supply(statement.tokens, actor):
            # A supplier backing strikes "using British-supplied weapons" allows its own.
            signals = (signals - {"advocacy"}) | {"permission"}
        text = _words_of(statement.tokens)
        label = choose_label(self.issue, signals, text)
        if label is None:
            return None
        allowed = {t.i for t in statement.tokens}
        return DocPosition(
            issue=self.issue.id,
            actor=actor,
            stance=label.label,
            coarse=label.coarse,
            conditions=conditions(hits, allowed),
            said_on=statement.said_on,
            as_of=_as_of(statement.said_on, self.doc._.published),
            held_before=_held_before(statement.said_on, self.doc._.published),
            evidence=_evidence(statement, self.topics.sentences),
            confidence=_confidence(statement, close, label.hints != ()),
            method=ATTRIBUTION_METHOD if statement.attribution else NARRATIVE_METHOD,
            attributions=[statement.attribution] if statement.attribution else [],
            speaker=behind,
        )

    def _acting(self, statement: _Statement, signals: frozenset[str]) -> Actor | None:
        """The speaker; for a report by the media, an unnamed source or a ministry of no
        known country ("the U.S. has reportedly given Ukraine permission", "Britain has
        given Ukraine the green light, the defence ministry said"), the state the report
        says acted."""
        speaker = statement.speaker
        reporter = speaker is None or (
            speaker.type in (ActorType.MEDIA, ActorType.ANONYMOUS, ActorType.ORGANIZATION)
            and not speaker.affiliation
            and (speaker.type is not ActorType.ORGANIZATION or is_state_body(speaker))
        )
        if statement.subject is None or not reporter:
            return speaker
        if speaker is not None and "advocacy" in signals:
            return speaker  # the media or a source asking for it: "Allies say Ukraine should"
        subject = self._subject_actor(statement.subject)
        if subject is None or (fold(subject.name) in self.at_stake and "permission" in signals):
            # "Ukraine is allowed to ...": the country at stake is not who allows it
            return speaker
        return subject

    def _subject_actor(self, subject: Span) -> Actor | None:
        actors = read_mention(subject, self._names).actors
        if len(actors) != 1:
            return None
        return actors[0] if actors[0].type in _SUBJECT_HOLDERS else None

    @cached_property
    def _names(self) -> NameIndex:
        """Built only when a subject must be read: most statements need none."""
        return NameIndex.build(self.doc)

    def _countries_named_with(self, speaker: Actor) -> list[Country]:
        """Countries named in the sentences that name the speaker ("Lord Cameron backed
        strikes using British-supplied weapons"), in text order."""
        if speaker.type is not ActorType.PERSON or not speaker.name:
            return []
        surname = speaker.name.split()[-1]
        sentences = [s for s in self.topics.sentences if any(t.text == surname for t in s)]
        return self._countries(t for s in sentences for t in s)

    def _with_role(self, speaker: Actor) -> Actor:
        """A person with the role the article gives them anywhere ("the Ukrainian
        leader" after "Zelensky made another pitch")."""
        if speaker.type is not ActorType.PERSON or speaker.role:
            return speaker
        role = self.roles.get(speaker.name)
        return person_actor(speaker.name, role) if role else speaker

    def _countries(self, tokens: Iterable[Token]) -> list[Country]:
        out: list[Country] = []
        for token in tokens:
            word = token.text.split("-")[0]  # "British-supplied"
            country = country_of(word) if word[:1].isupper() else None
            if country and fold(country.government) not in self.at_stake and country not in out:
                out.append(country)
        return out

    def _for_others(
        self,
        speaker: Actor,
        known: list[Country],
        named: list[Country],
        signals: frozenset[str],
    ) -> bool:
        """An office-holder asking other states to act ("called on allies to lift the
        restrictions"), not stating their own state's policy: neither a state at stake
        asking for itself ("Zelensky made another pitch for permission") nor one speaking
        of its own weapons ("backed strikes using British-supplied weapons")."""
        if signals & {"permission", "prohibition"} or "advocacy" not in signals:
            return False
        country = country_of_office(speaker) or next(iter(known), None)
        if country is None:
            return False
        return fold(country.government) not in self.at_stake and country not in named


_SUPPLIED = frozenset({"supplied", "provided", "donated", "made", "built", "produced"})


def _of_its_own_supply(tokens: Iterable[Token], government: Actor) -> bool:
    """Whether the words name weapons the government's country supplied ("British-supplied",
    one token or three)."""
    for token in tokens:
        country_word, _, supplied = token.text.partition("-")
        if not supplied and token.i + 2 < len(token.doc) and token.nbor(1).text == "-":
            supplied = token.nbor(2).text
        if supplied.lower() in _SUPPLIED and country_word[:1].isupper():
            country = country_of(country_word)
            if country is not None and fold(country.government) == fold(government.name):
                return True
    return False


def _addresses_others(statement: _Statement) -> bool:
    """Whether the statement's cue names whom it asks ("called on allies to ...", "urged
    members to ..."): "said Ukraine should be allowed" asks no one in particular."""
    for token in statement.cue:
        for child in token.children:
            objects = [child] if child.dep_ == "dobj" else []
            if child.dep_ == "prep" and child.lower_ in ("on", "upon"):
                objects = [c for c in child.children if c.dep_ == "pobj"]
            if any(not _is_time_word(o) for o in objects):
                return True
    return False


def _is_time_word(token: Token) -> bool:
    """ "said on Tuesday": a day, not someone asked."""
    return token.lower_ in WEEKDAYS or token.lower_ in MONTHS or token.like_num


def _statements(doc: Doc, found: list[DocAttribution], topics: TopicIndex) -> Iterator[_Statement]:
    claimed: set[int] = set()
    for attribution in found:
        if attribution.actor is None:
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


def _from_attribution(attribution: DocAttribution, topics: TopicIndex) -> _Statement:
    cue = list(attribution.cue) if attribution.cue is not None else []
    tokens = sorted({t for part in attribution.content for t in part} | set(cue), key=lambda t: t.i)
    tokens = [t for t in tokens if not t.is_space]
    sentences = sorted({topics.sentence_at(t.idx) for t in tokens}) or [0]
    return _Statement(
        tokens=tokens,
        cue=cue,
        sentences=sentences,
        speaker=attribution.actor,
        said_on=attribution.said_on,
        attribution=attribution,
        subject=_content_subject(attribution),
    )


def _own_words(statement: _Statement) -> list[Token]:
    """The statement and the clause of its cue: "warned of the threat of a global conflict
    if Kyiv's allies allow it to use weapons ..." even where the content found is short."""
    if not statement.cue:
        return statement.tokens
    return [*statement.tokens, *_clause(statement.cue)]


def _clause(cue: list[Token]) -> list[Token]:
    return list(_least_deep(cue).subtree)


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


def _from_sentence(
    sentence: Span, number: int, published: date | None, updated: date | None
) -> _Statement | None:
    root = sentence.root
    subject = _subject_of(root)
    if subject is None:
        return None
    verb = sentence.doc[root.i : root.i + 1]
    said_on = find_said_on(
        DocAttribution(verb, subject, [], AttributionKind.INDIRECT, 1.0, NARRATIVE_METHOD),
        published,
        updated,
    )
    paragraph = _paragraph_part(sentence, root.i, root.i)
    tokens = [t for t in paragraph if not t.is_space]
    return _Statement(tokens, [], [number], None, said_on, None, subject)


def _evidence(statement: _Statement, sentences: list[Span]) -> list[Span]:
    """The statement's sentences, each cut to the paragraphs the statement is in: the
    parser sometimes runs a sentence on across a heading or a caption."""
    out = []
    for number in statement.sentences:
        sentence = sentences[number]
        inside = [t.i for t in statement.tokens if sentence.start <= t.i < sentence.end]
        out.append(_paragraph_part(sentence, min(inside), max(inside)) if inside else sentence)
    return out


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


def _statement_countries(statement: str) -> frozenset[str]:
    """The governments of the countries the issue's statement names ("Ukraine may use
    ... inside Russia"): the ones at stake, not the ones taking positions on it."""
    words = statement.replace("-", " ").split()
    found = {c.government for w in words if (c := country_of(w.strip(",.;:"))) is not None}
    return frozenset(fold(g) for g in found)


def _as_of(said_on: DocSaidOn | None, published: date | None) -> date | None:
    """The statement's day; for a period that runs up to publication ("have said in the
    past few weeks", "announced this week"), the position still held when published."""
    if said_on is None:
        return None
    if said_on.date is not None:
        return said_on.date
    if (
        said_on.rule is DateRule.PERIOD
        and published
        and said_on.latest
        and said_on.latest >= published
    ):
        return published
    return None


def _held_before(said_on: DocSaidOn | None, published: date | None) -> date | None:
    """Publication, for a position the text places before it without a day ("Previously",
    "earlier", "had long prohibited")."""
    if said_on is None or said_on.date is not None or published is None:
        return None
    if said_on.rule is DateRule.PERIOD:
        latest = said_on.latest
        return latest + timedelta(days=1) if latest and latest < published else None
    if said_on.rule is DateRule.UNKNOWN and said_on.basis is not None:
        words = {t.lower_ for t in said_on.basis}
        return published if words & _EARLIER_WORDS else None
    return None


def _confidence(statement: _Statement, close: bool, hinted: bool) -> float:
    """0.5, more when the statement itself names every topic, a hint chose its label or
    a named speaker said it; less when it hedges ("appears to", "reportedly", "likely")."""
    score = 0.5 + (0.2 if close else 0.0) + (0.1 if hinted else 0.0)
    speaker = statement.speaker
    if speaker is not None and speaker.type is not ActorType.ANONYMOUS:
        score += 0.1
    if any(t.lower_ in _HEDGES for t in statement.tokens):
        score -= 0.2
    return round(min(max(score, 0.1), 0.95), 2)


def _merge(positions: list[DocPosition], issue: Issue) -> list[DocPosition]:
    """One position per actor, label and date, with all its evidence; then the ones
    another says more precisely folded into it (see ``_refines``)."""
    merged: dict[tuple[str, str, date | None], DocPosition] = {}
    for position in positions:
        key = (fold(position.actor.name), position.stance, position.as_of)
        if key in merged:
            _absorb(merged[key], position)
        else:
            merged[key] = position
    kept: list[DocPosition] = []
    for position in merged.values():
        finer = next((p for p in merged.values() if _refines(p, position, issue)), None)
        if finer is None:
            kept.append(position)
        else:
            _absorb(finer, position)
    return kept


def _refines(finer: DocPosition, coarser: DocPosition, issue: Issue) -> bool:
    """Whether ``finer`` says what ``coarser`` says, more precisely, in one article: a
    label that adds signals ("permits_with_limits" to "permits") on the same day or on
    a day the text gives where the other has only the publication date or a period
    (the headline's "U.S. gives Ukraine permission" and the body's counter-fire limits;
    "Germany announced this week …" and "Germany on Friday suggested … attacks from
    just inside Russia"), or the same coarse stance with a day the text gives where
    the other has none (the lead's "Cameron has backed ..." and "On Thursday (2 May),
    Lord Cameron said ...")."""
    if finer is coarser or fold(finer.actor.name) != fold(coarser.actor.name):
        return False
    text_dated = _dated_by_text(finer) and not _dated_by_text(coarser)
    if _adds_signals(issue, finer.stance, coarser.stance):
        return finer.as_of == coarser.as_of or text_dated
    return finer.coarse is coarser.coarse and text_dated


def _adds_signals(issue: Issue, finer: str, coarser: str) -> bool:
    finer_sets = [frozenset(e.split("+")) for e in issue.stance(finer).signals]
    coarser_sets = [frozenset(e.split("+")) for e in issue.stance(coarser).signals]
    return bool(coarser_sets) and all(any(c < f for f in finer_sets) for c in coarser_sets)


def _dated_by_text(position: DocPosition) -> bool:
    """Whether the text gives the position's day ("on Friday", "on May 13"), not only
    the publication date or a period ("this week")."""
    said_on = position.said_on
    return said_on is not None and said_on.rule in _DAY_RULES and position.as_of is not None


def _absorb(kept: DocPosition, position: DocPosition) -> None:
    kept.evidence += [s for s in position.evidence if s not in kept.evidence]
    kept.attributions += [a for a in position.attributions if a not in kept.attributions]
    kept.confidence = max(kept.confidence, position.confidence)
    kept.conditions = _joined(kept.conditions, position.conditions)
    kept.speaker = kept.speaker or position.speaker


def _joined(first: str | None, second: str | None) -> str | None:
    parts = [p for text in (first, second) if text for p in text.split("; ")]
    unique = list(dict.fromkeys(parts))
    return "; ".join(unique) if unique else None


def _words_of(tokens: Sequence[Token]) -> str:
    """The tokens' text, a space where words were left out between two of them (the
    content and its cue without the speaker: "… borders said", not "borderssaid")."""
    return "".join(
        t.text_with_ws if k + 1 == len(tokens) or tokens[k + 1].i == t.i + 1 else t.text + " "
        for k, t in enumerate(tokens)
    )
