"""The actors knowledge file: who is who beyond the article (docs/actors.md).

A TOML file of ``[[actor]]`` tables::

    [[actor]]
    name = "Recep Tayyip Erdoğan"          # the canonical name, as the record shows it
    aliases = ["Erdogan", "Tayyip Erdogan"] # other names articles use
    type = "person"                         # person, organization, government or media
    surname = "Erdoğan"                     # optional: the word a surname-only mention
                                            # uses, when not the name's last ("Xi")
    country = "Turkey"                      # optional: the country the actor belongs to
    offices = [
      { title = "President", kinds = ["head of state", "head of government", "leader"],
        start = 2014-08-28 },
    ]

An office's ``country`` defaults to the actor's (an international body's office names
its body: ``country = "NATO"``); ``end`` is left out while the office is held. The
``kinds`` say which descriptions the office answers to ("Italy's foreign minister",
"the Ukrainian leader"), from a closed set (``OFFICE_KINDS``).

The shipped starter (``data/actors-v1.toml``) is read first; a user's file
(the ``actors_file`` setting) adds to it, an entry with the same name replacing the
starter's. Every error is a :class:`ConfigError` naming the file, the entry and the
key.
"""

from __future__ import annotations

import datetime
import difflib
import hashlib
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from onrecord.errors import ConfigError
from onrecord.knowledge.countries import country_by_name
from onrecord.model import ActorType, fold

__all__ = [
    "OFFICE_KINDS",
    "ActorKnowledge",
    "KnownActor",
    "Office",
    "load_actor_knowledge",
    "starter_digests",
    "starter_knowledge",
]

STARTER = "actors-v1.toml"
OFFICE_KINDS = frozenset(
    {
        "head of state",
        "head of government",
        "leader",  # the one news copy calls the country's leader
        "foreign minister",
        "defence minister",
        "speaker",  # presiding officer of a legislature (its lower house)
        "secretary general",
        "spokesperson",
    }
)
_ACTOR_KEYS = {"name", "aliases", "type", "surname", "country", "offices"}
_OFFICE_KEYS = {"title", "kinds", "country", "start", "end"}


@dataclass(frozen=True)
class Office:
    title: str  # as the office is called: "Secretary of State"
    kinds: frozenset[str]
    country: str | None  # the state or body the office belongs to
    start: datetime.date
    end: datetime.date | None  # None: held still

    def held_on(self, day: datetime.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class KnownActor:
    name: str
    aliases: tuple[str, ...]
    type: ActorType
    country: str | None
    offices: tuple[Office, ...]
    surname: str | None = None  # for a person: what a surname-only mention writes

    def surname_key(self) -> str:
        return fold(self.surname) if self.surname else fold(self.name).split()[-1]


class ActorKnowledge:
    """Lookups over known actors: by name or alias, and by office on a day."""

    def __init__(self, actors: Iterable[KnownActor]) -> None:
        self.actors = {fold(a.name): a for a in actors}
        self._by_name: dict[str, KnownActor] = {}
        surnames: dict[str, list[KnownActor]] = {}
        for actor in self.actors.values():
            for name in (actor.name, *actor.aliases):
                self._by_name.setdefault(fold(name), actor)
            if actor.type is ActorType.PERSON:
                surnames.setdefault(actor.surname_key(), []).append(actor)
        # A surname alone names the one known person who has it ("Scholz").
        for surname, people in surnames.items():
            if len(people) == 1:
                self._by_name.setdefault(surname, people[0])

    def __len__(self) -> int:
        return len(self.actors)

    def known(self, name: str) -> KnownActor | None:
        """The actor a name, an alias or a known person's surname alone stands for."""
        return self._by_name.get(fold(name))

    def holder(self, kind: str, country: str, day: datetime.date) -> KnownActor | None:
        """Who held an office of ``kind`` for ``country`` on ``day``: of several, the one
        who took it last (an entry left open, like the starter's latest holders, gives
        way to a successor a user's file adds); None when nobody did, or when two took it
        on the same day."""
        found = [
            (office.start, actor)
            for actor in self.actors.values()
            for office in actor.offices
            if kind in office.kinds and office.country == country and office.held_on(day)
        ]
        if not found:
            return None
        latest = max(start for start, _ in found)
        newest = {actor.name: actor for start, actor in found if start == latest}
        return next(iter(newest.values())) if len(newest) == 1 else None

    def offices(self, country: str, day: datetime.date) -> list[tuple[Office, KnownActor]]:
        """The offices of ``country`` held on ``day``, with their holders."""
        return [
            (office, actor)
            for actor in self.actors.values()
            for office in actor.offices
            if office.country == country and office.held_on(day)
        ]

    def extended(self, other: ActorKnowledge) -> ActorKnowledge:
        """This knowledge with ``other``'s entries added, replacing any of the same name."""
        return ActorKnowledge({**self.actors, **other.actors}.values())


def _starter_text() -> str:
    return resources.files("onrecord.knowledge.data").joinpath(STARTER).read_text(encoding="utf-8")


def starter_digests() -> dict[str, str]:
    """The starter's content hash by file name, for the provenance of every analysis."""
    return {STARTER: hashlib.sha256(_starter_text().encode("utf-8")).hexdigest()[:16]}


@lru_cache(maxsize=1)
def starter_knowledge() -> ActorKnowledge:
    """The shipped starter: heads of state and government, foreign and defence ministers
    of the EU, NATO and G20 states, and the leadership of the UN, NATO and the EU, from
    2020 on."""
    return _parse(tomllib.loads(_starter_text()), STARTER)


def load_actor_knowledge(path: str | Path, *, with_starter: bool = True) -> ActorKnowledge:
    """A user's actors file, added to the starter unless ``with_starter`` is false."""
    path = Path(path)
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as error:
        raise ConfigError(f"actors file {path}: cannot be read ({error.strerror})") from error
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(f"actors file {path}: not valid TOML ({error})") from error
    own = _parse(raw, str(path))
    return starter_knowledge().extended(own) if with_starter else own


def _parse(raw: Mapping[str, Any], file: str) -> ActorKnowledge:
    unknown = set(raw) - {"actor"}
    if unknown:
        raise ConfigError(
            f"actors file {file}: unknown table {sorted(unknown)[0]!r} (only [[actor]])"
        )
    entries = raw.get("actor", [])
    if not isinstance(entries, list):
        raise ConfigError(f"actors file {file}: 'actor' must be an array of tables ([[actor]])")
    actors: list[KnownActor] = []
    seen: dict[str, int] = {}
    for number, entry in enumerate(entries, start=1):
        actor = _actor(entry, _Where(file, number, entry))
        if fold(actor.name) in seen:
            raise ConfigError(
                f"actors file {file}: actor {number} ({actor.name}): the same name as actor"
                f" {seen[fold(actor.name)]}"
            )
        seen[fold(actor.name)] = number
        actors.append(actor)
    return ActorKnowledge(actors)


@dataclass(frozen=True)
class _Where:
    file: str
    number: int
    entry: Any

    def fail(self, message: str) -> ConfigError:
        name = self.entry.get("name") if isinstance(self.entry, dict) else None
        label = f"actor {self.number}" + (f" ({name})" if isinstance(name, str) else "")
        return ConfigError(f"actors file {self.file}: {label}: {message}")


def _actor(entry: Any, where: _Where) -> KnownActor:
    if not isinstance(entry, dict):
        raise where.fail("must be a table")
    _refuse_unknown(entry, _ACTOR_KEYS, where, "key")
    name = _required_text(entry, "name", where)
    aliases = entry.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) and fold(a) for a in aliases):
        raise where.fail("'aliases' must be a list of names")
    kind = _required_text(entry, "type", where)
    try:
        actor_type = ActorType(kind)
    except ValueError:
        allowed = ", ".join(t.value for t in ActorType if t is not ActorType.ANONYMOUS)
        raise where.fail(f"'type' must be one of {allowed}, not {kind!r}") from None
    if actor_type is ActorType.ANONYMOUS:
        raise where.fail("'type' anonymous has no place in a file of known actors")
    country = _country(_text(entry, "country", where))
    surname = _text(entry, "surname", where)
    if surname is not None and actor_type is not ActorType.PERSON:
        raise where.fail("'surname' is for persons only")
    offices = entry.get("offices", [])
    if not isinstance(offices, list):
        raise where.fail("'offices' must be a list of tables")
    return KnownActor(
        name,
        tuple(aliases),
        actor_type,
        country,
        tuple(_office(o, country, where, i) for i, o in enumerate(offices, start=1)),
        surname,
    )


def _country(name: str | None) -> str | None:
    """A country as the country data names it ("USA" is "United States"), so that
    "Italy's foreign minister" finds it; an international body keeps its name ("NATO")."""
    if name is None:
        return None
    country = country_by_name(name)
    return country.name if country else name


def _office(raw: Any, country: str | None, where: _Where, number: int) -> Office:
    if not isinstance(raw, dict):
        raise where.fail(f"office {number} must be a table")
    _refuse_unknown(raw, _OFFICE_KEYS, where, f"key in office {number}")
    title = _required_text(raw, "title", where)
    kinds = raw.get("kinds", [])
    if not isinstance(kinds, list) or not all(isinstance(k, str) for k in kinds):
        raise where.fail(f"office {number} ({title}): 'kinds' must be a list of office kinds")
    wrong = sorted(set(kinds) - OFFICE_KINDS)
    if wrong:
        raise where.fail(
            f"office {number} ({title}): unknown kind {wrong[0]!r}"
            f" (known: {', '.join(sorted(OFFICE_KINDS))})"
        )
    start, end = raw.get("start"), raw.get("end")
    for key, value in (("start", start), ("end", end)):
        if value is not None and not _is_date(value):
            raise where.fail(
                f"office {number} ({title}): {key!r} must be a date (2024-06-01),"
                f" not {type(value).__name__}"
            )
    if start is None:
        raise where.fail(f"office {number} ({title}): 'start' is missing")
    if end is not None and end < start:
        raise where.fail(f"office {number} ({title}): 'end' {end} is before 'start' {start}")
    office_country = _country(_text(raw, "country", where)) or country
    if office_country is None:
        raise where.fail(f"office {number} ({title}): no 'country', here or on the actor")
    return Office(title, frozenset(kinds), office_country, start, end)


def _is_date(value: object) -> bool:
    return isinstance(value, datetime.date) and not isinstance(value, datetime.datetime)


def _required_text(entry: Mapping[str, Any], key: str, where: _Where) -> str:
    value = _text(entry, key, where)
    if value is None:
        raise where.fail(f"{key!r} is missing")
    return value


def _text(entry: Mapping[str, Any], key: str, where: _Where) -> str | None:
    value = entry.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or not fold(value):
        raise where.fail(f"{key!r} must be a non-empty string, not {type(value).__name__}")
    return value


def _refuse_unknown(entry: Mapping[str, Any], known: set[str], where: _Where, what: str) -> None:
    for key in entry:
        if key not in known:
            close = difflib.get_close_matches(key, sorted(known), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise where.fail(f"unknown {what} {key!r}{hint}")
