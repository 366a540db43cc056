"""``onrecord_speakers_v1``: who each attribution's source is, within one article.

Attributions are read in text order, keeping a history of who spoke where: a pronoun
("he said") or a definite description ("the official") takes the nearest fitting speaker
before it, or the nearest person named as a sentence's subject; a quotation with no cue
continues the previous speaker; "reportedly" and "it was revealed" are the media's; a
group ("France and Germany") gives one attribution per member, as the conventions ask.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span

from onrecord.knowledge import Country, country_by_name, country_of
from onrecord.knowledge.actors import ActorKnowledge, starter_knowledge
from onrecord.model import Actor, ActorType, fold
from onrecord.nlp import lexicons
from onrecord.nlp.doc_records import TRANSCRIPT_METHOD, DocAttribution
from onrecord.nlp.speakers.known import KnownSpeakers
from onrecord.nlp.speakers.mentions import (
    STATE_BODIES,
    UNSPECIFIED_MEDIA,
    Reading,
    mention_words,
    read_mention,
)
from onrecord.nlp.speakers.names import NameIndex, person_actor

# "reportedly" with no source, "it was revealed that": the media speak.
_PRESS_ADVERBS = lexicons.load("press-adverbs-v1")
_PRESS_VERBS = lexicons.load("press-verbs-v1")  # past participles
_FIRST_PERSON = frozenset({"i", "me"})
_GENERIC_BODIES = lexicons.load("generic-organisation-nouns-v1")
_GROUP_TYPES = frozenset({ActorType.GOVERNMENT, ActorType.ORGANIZATION, ActorType.MEDIA})


@dataclass(frozen=True)
class _Spoken:
    position: int  # token index of the mention
    actor: Actor


class SpeakerResolver:
    """The spaCy component: sets ``actor`` on each of ``doc._.attributions``, with what
    ``knowledge`` (the actors knowledge file, by default the shipped starter) says of
    the speakers the article leaves short."""

    def __init__(self, knowledge: ActorKnowledge | None = None) -> None:
        self.knowledge = knowledge if knowledge is not None else starter_knowledge()

    def __call__(self, doc: Doc) -> Doc:
        found: list[DocAttribution] = doc._.attributions or []
        if found:
            known = KnownSpeakers(self.knowledge, doc._.published)
            doc._.attributions = _Resolution(doc, known).resolve(found)
        return doc


class _Resolution:
    def __init__(self, doc: Doc, known: KnownSpeakers) -> None:
        self.doc = doc
        self.known = known
        self.index = NameIndex.build(doc, known.knowledge)
        self.history: list[_Spoken] = []
        # What each resolved speaker says, for the "I" who speaks inside it.
        self.quoted: list[tuple[list[Span], Actor]] = []
        self.subjects: list[_Spoken] | None = None
        self.states: list[_Spoken] | None = None
        # A person's first role in the article, also for mentions that give none.
        self.roles: dict[str, str] = {}
        for person in self.index.persons:
            if person.role:
                self.roles.setdefault(self.index.full_name(person.name), person.role)

    def resolve(self, found: list[DocAttribution]) -> list[DocAttribution]:
        # A person named inside what someone says is not who "he" is, after it.
        self.said = {t.i for a in found for part in a.content for t in part}
        out: list[DocAttribution] = []
        for attribution in sorted(found, key=_position):
            actors = self._actors(attribution)
            if not actors:
                out.append(attribution)
                continue
            for actor in actors:
                actor = self.known.canonical(self._with_role(actor))
                out.append(replace(attribution, actor=actor))
                self.history.append(_Spoken(_position(attribution), actor))
                self.quoted.append((attribution.content, actor))
        return out

    def _actors(self, attribution: DocAttribution) -> list[Actor]:
        if attribution.source is None:
            return self._unsourced(attribution)
        if attribution.method == TRANSCRIPT_METHOD:
            return [self._transcript_speaker(attribution.source)]
        mention = mention_words(attribution.source, attribution.cue)
        reading = read_mention(mention, self.index, attribution.content)
        if reading.actors:
            return list(reading.actors)
        if reading.pointer is not None:
            actor = self._antecedent(mention.start, reading)
            if actor is None:
                return []
            if actor.type is ActorType.PERSON and not actor.role and reading.fallback:
                # "The Foreign Secretary said": the role the article had not given yet
                actor = person_actor(actor.name, reading.fallback.role)
            return [actor]
        if mention.root.lower_ in _FIRST_PERSON:
            return self._quoting(mention.start)
        return []

    def _quoting(self, position: int) -> list[Actor]:
        """Whoever says the words at ``position``: the "I" of "I think …" inside Pence's
        answer is Pence. The innermost (latest starting) such content wins."""
        inside = [
            (part.start, actor)
            for content, actor in self.quoted
            for part in content
            if part.start <= position < part.end
        ]
        return [max(inside, key=lambda found: found[0])[1]] if inside else []

    def _transcript_speaker(self, label: Span) -> Actor:
        """ "PENCE:" is the article's Mike Pence; "TAPPER:" is the "JAKE TAPPER:" of an
        earlier turn."""
        name = self.index.full_name(" ".join(t.text.title() for t in label if t.is_alpha))
        earlier = (s.actor.name for s in reversed(self.history) if s.actor.type is ActorType.PERSON)
        name = next((n for n in earlier if n.endswith(f" {name}")), name)
        return self._person(name, None)

    def _unsourced(self, attribution: DocAttribution) -> list[Actor]:
        cue = attribution.cue
        if cue is not None and (cue.text.lower() in _PRESS_ADVERBS or _press_passive(cue)):
            return [Actor(UNSPECIFIED_MEDIA, ActorType.MEDIA)]
        if (cue is None or all(t.is_punct for t in cue)) and self.history:
            # A quotation continuing the last speaker, or introduced by a bare colon.
            return [self.history[-1].actor]
        return []

    def _antecedent(self, position: int, reading: Reading) -> Actor | None:
        if reading.pointer == "organization":
            return self._organisation_before(position, reading)
        if reading.pointer == "group":
            spoken = [s for s in self.history if s.actor.type in _GROUP_TYPES]
            spoken += [s for s in self._state_subjects() if s.position < position]
            return max(spoken, key=lambda s: s.position).actor if spoken else None
        if reading.pointer == "anonymous":
            affiliation = reading.fallback.name if reading.fallback else None
            spoken = [
                s
                for s in self.history
                if s.actor.type is ActorType.ANONYMOUS and s.actor.affiliation == affiliation
            ]
            return spoken[-1].actor if spoken else reading.fallback
        if reading.pointer == "spokesperson":
            spoken = [s for s in self.history if "spokes" in (s.actor.role or "")]
            return spoken[-1].actor if spoken else reading.fallback
        candidates = [s for s in self.history if s.actor.type is ActorType.PERSON]
        candidates += self._subjects()
        before = [s for s in candidates if s.position < position]
        if reading.role_words:
            before = [s for s in before if _role_fits(s.actor, reading.role_words, reading.loose)]
        if not before:
            return reading.fallback
        return max(before, key=lambda s: s.position).actor

    def _organisation_before(self, position: int, reading: Reading) -> Actor | None:
        """ "The chamber said": the nearest organisation before it, spoken or named, whose
        name has the word; "the company": the nearest that is no state body."""
        noun = next(iter(reading.role_words))
        spoken = [
            s
            for s in self.history
            if s.actor.type is ActorType.ORGANIZATION and s.position < position
        ]
        named = [
            _Spoken(start, self.known.canonical(Actor(name, ActorType.ORGANIZATION)))
            for start, name in self.index.organisations
            if start < position
        ]
        fits = [
            s
            for s in spoken + named
            if s.actor.name[:1].isupper()  # a name, not "company" from an earlier mention
            and noun in fold(s.actor.name).split()
            or (
                s.actor.name[:1].isupper()
                and noun in _GENERIC_BODIES
                and not set(fold(s.actor.name).split()) & STATE_BODIES
            )
        ]
        return max(fits, key=lambda s: s.position).actor if fits else reading.fallback

    def _state_subjects(self) -> list[_Spoken]:
        """Countries that are a main clause's subject outside reported content: "Germany
        on Sunday welcomed the plan; however, they emphasised ..." is Germany's."""
        if self.states is None:
            self.states = [
                _Spoken(t.i, Actor(country.government, ActorType.GOVERNMENT))
                for t in self.doc
                if t.dep_ == "nsubj"
                and t.head.dep_ == "ROOT"
                and t.tag_ in ("NNP", "NNPS")
                and t.i not in self.said
                and (country := country_by_name(t.text)) is not None
            ]
        return self.states

    def _subjects(self) -> list[_Spoken]:
        """People named as a sentence's subject outside reported content, once."""
        if self.subjects is None:
            self.subjects = [
                _Spoken(p.start, self.known.canonical(self._person(name, p.role)))
                for p in self.index.persons
                if p.is_subject
                and p.start not in self.said
                and self._known_person(name := self.index.full_name(p.name))
            ]
        return self.subjects

    def _known_person(self, name: str) -> bool:
        """A full name, or a single name the article uses more than once (a capitalised
        headline word is tagged as a proper noun, but is seldom repeated)."""
        return " " in name or self.index.count(name) > 1

    def _person(self, name: str, role: str | None) -> Actor:
        role = self.roles.get(name, role)
        return person_actor(name, role)

    def _with_role(self, actor: Actor) -> Actor:
        """A person's later mentions ("Putin") carry the role given first."""
        if actor.type is not ActorType.PERSON:
            return actor
        if actor.role:
            self.roles.setdefault(actor.name, actor.role)
            return actor
        return self._person(actor.name, None)


def _role_fits(actor: Actor, words: frozenset[str], loose: bool) -> bool:
    """Whether "the Latvian president" can be this person: the role the article gave
    them has the description's words; with ``loose``, a person without a known role
    fits too, unless their country differs."""
    places = {w: c.government for w in words if (c := country_of_word(w)) is not None}
    if places and actor.affiliation and actor.affiliation not in places.values():
        return False
    if not actor.role:
        return loose
    return words - places.keys() <= set(fold(actor.role).split())


def _press_passive(cue: Span) -> bool:
    """ "it was revealed that ...", "it has been reported that ...": the press speaks."""
    verb = cue.root
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    has_agent = any(c.dep_ == "agent" for c in verb.children)
    return passive and not has_agent and verb.lower_ in _PRESS_VERBS


def _position(attribution: DocAttribution) -> int:
    spans = [s for s in (attribution.source, attribution.cue) if s is not None]
    spans += attribution.content
    return min(s.start for s in spans)


def country_of_word(word: str) -> Country | None:
    """The country a folded word names: "latvian", "italy", "us"."""
    return country_of(word.title()) or country_by_name(word.upper())
