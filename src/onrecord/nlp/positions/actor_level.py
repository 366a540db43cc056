"""Who holds a position: the state an office-holder speaks for, or the speaker.

Following the annotation conventions, heads of state and government, ministers,
official spokespersons and unnamed officials stating their state's policy give a
position of "Government of X", the person kept as the speaker. Commentators, former
officials, institutes and international officials ("NATO Secretary General") keep
their own name.
"""

from __future__ import annotations

from collections.abc import Sequence

from onrecord.knowledge import Country, country_of
from onrecord.model import Actor, ActorType, fold

_OFFICES = frozenset(
    {
        "president",
        "premier",
        "chancellor",
        "minister",
        "secretary",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "king",
        "government",
        "leader",
    }
)
# Words that make an office someone else's than a state's, or no longer held.
_NOT_STATE = frozenset(
    {
        "former",
        "ex",
        "opposition",
        "candidate",
        "elect",
        "general",  # "secretary general" of an organisation
        "nato",
        "eu",
        "european",
        "un",
        "nations",
        "party",
        "deputy-leader",
    }
)
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
        government = Actor(speaker.name, ActorType.GOVERNMENT)
        return government, speaker if speaker.role else None
    if speaker.type is ActorType.ANONYMOUS and speaker.affiliation:
        if speaker.name.split()[-1] in _UNNAMED_OFFICIALS:
            return Actor(speaker.affiliation, ActorType.GOVERNMENT), speaker
        return speaker, None
    if speaker.type is ActorType.PERSON and not for_others and holds_state_office(speaker.role):
        country = country_of_office(speaker) or next(iter(countries), None)
        if country is not None:
            return Actor(country.government, ActorType.GOVERNMENT), speaker
    return speaker, None


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
