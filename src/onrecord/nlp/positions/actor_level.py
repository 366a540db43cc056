"""Who holds a position: the state an office-holder speaks for, or the speaker.

Following the annotation conventions, heads of state and government, ministers,
official spokespersons, ministries and unnamed officials stating their state's policy
give a position of "Government of X", the person kept as the speaker. Commentators, former
officials, institutes and international officials ("NATO Secretary General") keep
their own name.
"""

from __future__ import annotations

from collections.abc import Sequence

from onrecord.knowledge import Country, country_of
from onrecord.model import Actor, ActorType, fold
from onrecord.nlp import lexicons
from onrecord.nlp.speakers.mentions import STATE_BODIES

_OFFICES = lexicons.load("state-offices-v1")
# Words that make an office someone else's than a state's, or no longer held.
_NOT_STATE = lexicons.load("non-state-office-words-v1")
_UNNAMED_OFFICIALS = frozenset({"official", "officials"})


def position_holder(
    speaker: Actor, countries: Sequence[Country] = (), for_others: bool = False
) -> tuple[Actor, Actor | None]:
    """(the actor holding the position, the speaker when that is someone else).

    ``countries`` are countries named with the speaker, for an office whose country
    the role does not give ("the Foreign Secretary"). ``for_others`` says the statement
    asks others to act ("called on allies to lift restrictions"): an office-holder
    urging other states speaks as themselves, not as their state's policy.
    """
    if speaker.type is ActorType.GOVERNMENT:
        return Actor(speaker.name, ActorType.GOVERNMENT), speaker if speaker.role else None
    government = _government_of(speaker)
    if government is not None:  # "Russia's defence ministry said"
        return government, speaker
    if speaker.type is ActorType.ANONYMOUS and speaker.affiliation:
        if speaker.name.split()[-1] in _UNNAMED_OFFICIALS:
            return Actor(speaker.affiliation, ActorType.GOVERNMENT), speaker
        return speaker, None
    if speaker.type is ActorType.PERSON and not for_others and holds_state_office(speaker.role):
        country = country_of_office(speaker) or next(iter(countries), None)
        if country is not None:
            return Actor(country.government, ActorType.GOVERNMENT), speaker
    return speaker, None


def is_state_body(actor: Actor) -> bool:
    """A ministry or department of a government ("the defence ministry")."""
    words = set(fold(actor.name).split())
    return actor.type is ActorType.ORGANIZATION and bool(words & STATE_BODIES)


def _government_of(body: Actor) -> Actor | None:
    """The government a state body with a known country belongs to."""
    affiliation = body.affiliation
    if not is_state_body(body) or not affiliation or not affiliation.startswith("Government of"):
        return None
    return Actor(affiliation, ActorType.GOVERNMENT)


def holds_state_office(role: str | None) -> bool:
    if not role:
        return False
    words = set(fold(role).replace("-", " ").replace("’s", "").replace("'s", "").split())
    return bool(words & _OFFICES) and not words & _NOT_STATE


def country_of_office(speaker: Actor) -> Country | None:
    if speaker.affiliation:
        country = country_of(
            speaker.affiliation.removeprefix("Government of ").removeprefix("the ")
        )
        if country is not None:
            return country
    for word in (speaker.role or "").replace("’s", " ").replace("'s", " ").split():
        country = country_of(word.strip(",."))
        if country is not None:
            return country
    return None
