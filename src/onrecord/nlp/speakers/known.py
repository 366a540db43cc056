"""What the actors knowledge file says about a speaker the article leaves short.

Applied after in-article resolution, so the article's own full names come first:
"Scholz" is the article's "Olaf Scholz" when it names him, and the knowledge's only
when it does not; "Italy's foreign minister", said in an article of 1 June 2024 that
names nobody in that office, is the knowledge's foreign minister of Italy on that day.
Each actor keeps the role the article gave, so the words the resolution rests on stay
in the record.
"""

from __future__ import annotations

import datetime
import re

from onrecord.knowledge import country_by_name, country_of
from onrecord.knowledge.actors import ActorKnowledge, KnownActor
from onrecord.model import Actor, ActorType, fold
from onrecord.nlp import lexicons
from onrecord.nlp.speakers.names import TITLE_ABBREVIATIONS, person_actor

UNNAMED = " (unnamed)"
# "foreign secretary" -> the office kind "foreign minister"
_OFFICE_DESCRIPTIONS = lexicons.load_table("office-descriptions-v1")
# International bodies whose offices the knowledge names by the body ("NATO's secretary
# general"), as role words write them.
_BODIES = lexicons.load_table("international-bodies-v1")
_POSSESSIVE = re.compile(r"['’]s$")


class KnownSpeakers:
    def __init__(self, knowledge: ActorKnowledge, day: datetime.date | None) -> None:
        self.knowledge = knowledge
        self.day = day  # the article's publication day, for offices

    def canonical(self, actor: Actor) -> Actor:
        """The knowledge's name (and type) for an actor it knows by name or alias; for an
        unnamed office-holder, the person who held that office on the article's day."""
        if actor.type is ActorType.ANONYMOUS:
            return actor
        if actor.type is ActorType.PERSON and actor.name.endswith(UNNAMED):
            holder = self.office_holder(actor.role or "")
            return person_actor(holder.name, actor.role) if holder else actor
        known = self.knowledge.known(actor.name)
        if known is None:
            return actor
        if known.type is ActorType.PERSON:
            if actor.type is not ActorType.PERSON:
                return actor  # an organisation named like a known person is not them
            return Actor(known.name, ActorType.PERSON, actor.role, actor.affiliation)
        if actor.type is ActorType.PERSON and " " in actor.name:
            return actor  # a full person's name stays a person's, whatever an alias says
        affiliation = actor.affiliation or _government(known.country)
        return Actor(known.name, known.type, actor.role, affiliation)

    def office_holder(self, role: str) -> KnownActor | None:
        """ "Italy's foreign minister" → the knowledge's foreign minister of Italy on the
        article's day; None without a day, one country (or body), or an office kind the
        other words name exactly."""
        if self.day is None:
            return None
        places: set[str] = set()
        words: list[str] = []
        for raw in role.split():
            word = _POSSESSIVE.sub("", raw.strip(",;:()"))
            place = _place(word)
            if place is not None:
                places.add(place)
            elif fold(word) not in ("the", "country", "nation", ""):
                words.append(TITLE_ABBREVIATIONS.get(fold(word), fold(word)))
        kind = _OFFICE_DESCRIPTIONS.get(" ".join(words))
        if kind is None or len(places) != 1:
            return None
        return self.knowledge.holder(kind, places.pop(), self.day)


def _place(word: str) -> str | None:
    """The country or international body a word of a role names ("Italy", "U.S.",
    "Ukrainian", "NATO")."""
    if fold(word) in _BODIES and word[:1].isupper():
        return _BODIES[fold(word)]
    country = country_of(word) if word[:1].isupper() else None
    return country.name if country else None


def _government(country: str | None) -> str | None:
    found = country_by_name(country) if country else None
    return found.government if found else None
