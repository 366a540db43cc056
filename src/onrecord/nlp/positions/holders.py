"""Who takes the position a statement shows: the speaker, the state a report says
acted, or the state an office-holder speaks for (``actor_level``)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from onrecord.knowledge import Country, country_of
from onrecord.model import Actor, ActorType, Issue, Signal, fold
from onrecord.nlp.dates.temporal import MONTHS, WEEKDAYS
from onrecord.nlp.positions.actor_level import country_of_office, is_state_body, position_holder
from onrecord.nlp.positions.relevance import TopicIndex
from onrecord.nlp.positions.statements import Statement
from onrecord.nlp.speakers.mentions import read_mention
from onrecord.nlp.speakers.names import NameIndex, person_actor

# Who a reported clause's subject may be to hold a position ("the U.S. has reportedly
# given ...", "Biden has authorized ..."): not media, not an anonymous group.
_SUBJECT_HOLDERS = frozenset({ActorType.GOVERNMENT, ActorType.ORGANIZATION, ActorType.PERSON})


class HolderFinder:
    """Finds who holds the positions of one issue's statements in one Doc."""

    def __init__(self, doc: Doc, issue: Issue, topics: TopicIndex) -> None:
        self.doc = doc
        self.topics = topics
        self.at_stake = _statement_countries(issue.statement)
        self.roles = {
            a.actor.name: a.actor.role
            for a in reversed(doc._.attributions or [])
            if a.actor is not None and a.actor.role and a.actor.type is ActorType.PERSON
        }

    def find(
        self, statement: Statement, signals: frozenset[Signal]
    ) -> tuple[Actor, Actor | None] | None:
        """(who holds the position, the speaker when that is someone else), or None when
        no one the statement names can."""
        speaker = self._acting(statement, signals)
        if speaker is None:
            return None
        speaker = self._with_role(speaker)
        countries = self._countries(statement.tokens)
        known = countries + self._countries_named_with(speaker) + self._article_country
        for_others = _addresses_others(statement) and self._for_others(
            speaker, known, countries, signals
        )
        return position_holder(speaker, known, for_others)

    def _acting(self, statement: Statement, signals: frozenset[Signal]) -> Actor | None:
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
        if speaker is not None and Signal.ADVOCACY in signals:
            return speaker  # the media or a source asking for it: "Allies say Ukraine should"
        subject = self._subject_actor(statement.subject)
        if subject is None or (
            fold(subject.name) in self.at_stake and Signal.PERMISSION in signals
        ):
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

    @cached_property
    def _article_country(self) -> list[Country]:
        """The country the article names most often (outside the issue's statement), the
        last resort for an office-holder whose country nothing near them gives
        ("Treasury Secretary Janet Yellen" in a report on Washington)."""
        counts: dict[Country, int] = {}
        for sentence in self.topics.sentences:
            for country in self._countries(sentence):
                counts[country] = counts.get(country, 0) + 1
        if not counts:
            return []
        return [max(counts, key=lambda c: counts[c])]

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
        signals: frozenset[Signal],
    ) -> bool:
        """An office-holder asking other states to act ("called on allies to lift the
        restrictions"), not stating their own state's policy: neither a state at stake
        asking for itself ("Zelensky made another pitch for permission") nor one speaking
        of its own weapons ("backed strikes using British-supplied weapons")."""
        if signals & {Signal.PERMISSION, Signal.PROHIBITION} or Signal.ADVOCACY not in signals:
            return False
        country = country_of_office(speaker) or next(iter(known), None)
        if country is None:
            return False
        return fold(country.government) not in self.at_stake and country not in named


def _addresses_others(statement: Statement) -> bool:
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


def _statement_countries(statement: str) -> frozenset[str]:
    """The governments of the countries the issue's statement names ("Ukraine may use
    ... inside Russia"): the ones at stake, not the ones taking positions on it."""
    words = statement.replace("-", " ").split()
    found = {c.government for w in words if (c := country_of(w.strip(",.;:"))) is not None}
    return frozenset(fold(g) for g in found)
