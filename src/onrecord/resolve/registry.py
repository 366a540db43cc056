"""The corpus-level actor registry: one actor for every way articles name it.

In-article resolution names each speaker once per article ("Vladimir Putin",
"Government of Germany", "anonymous U.S. officials"). The registry collects those
names from every article and decides, over the whole corpus at once, which are one
actor (see ``docs/actors.md`` for the rules)::

    registry = ActorRegistry(load_aliases("aliases.toml"))
    for analysis in analyses:
        registry.add(analysis)
    for entry in registry.actors():
        print(entry.actor.id, entry.actor.name, entry.mentions)
    resolved = registry.apply(analysis)  # each attribution's actor made the canonical one

The decision is taken again whenever something was added since the last one, so the
result never depends on the order articles were added in.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeVar

from onrecord.model import Actor, ActorType, Analysis, fold
from onrecord.resolve._clusters import Cluster, Form, cluster_forms
from onrecord.resolve.aliases import Aliases
from onrecord.resolve.names import PersonName, longest_forms, parse_person_name

__all__ = ["ActorRegistry", "RegistryEntry", "RoleSighting"]

T = TypeVar("T")


@dataclass(frozen=True)
class RoleSighting:
    """A role an article gives an actor, and when the statement was made (if known)."""

    role: str
    article: str
    said_on: date | None = None

    def sort_key(self) -> tuple[date, str, str]:
        return (self.said_on or date.min, self.role, self.article)

    def to_dict(self) -> dict[str, Any]:
        when = self.said_on.isoformat() if self.said_on else None
        return {"role": self.role, "article": self.article, "date": when}


@dataclass(frozen=True)
class RegistryEntry:
    """One actor of the corpus: its canonical form and what was seen of it.

    ``actor.role`` is the latest role seen (by statement date), ``roles`` every one;
    ``aliases`` are the names articles gave it; ``mentions`` counts attributions.
    """

    actor: Actor
    aliases: tuple[str, ...]
    articles: tuple[str, ...]
    mentions: int
    roles: tuple[RoleSighting, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.actor.to_dict(),
            "aliases": list(self.aliases),
            "mentions": self.mentions,
            "articles": list(self.articles),
            "roles": [sighting.to_dict() for sighting in self.roles],
        }


@dataclass
class _FormStats:
    """What was seen of one surface name."""

    mentions: int = 0
    articles: set[str] = field(default_factory=set)
    types: Counter[ActorType] = field(default_factory=Counter)
    affiliations: Counter[str] = field(default_factory=Counter)
    roles: set[RoleSighting] = field(default_factory=set)


class ActorRegistry:
    """Actors merged across articles; see the module docstring."""

    def __init__(self, aliases: Aliases | None = None) -> None:
        self._aliases = aliases or Aliases()
        self._seen: dict[Form, _FormStats] = defaultdict(_FormStats)
        self._resolution: _Resolution | None = None

    def add(self, analysis: Analysis) -> None:
        """Every attribution's actor in one analysis; attributions without one are skipped."""
        published = analysis.article.published
        for attribution in analysis.attributions:
            if attribution.actor is None:
                continue
            said_on = attribution.said_on.date if attribution.said_on else None
            when = said_on or (published.date() if published else None)
            self.add_actor(attribution.actor, analysis.article.id, when)

    def add_actor(self, actor: Actor, article: str, said_on: date | None = None) -> None:
        """One mention of ``actor`` in the article with id ``article``."""
        stats = self._seen[_form_of(actor)]
        stats.mentions += 1
        stats.articles.add(article)
        stats.types[actor.type] += 1
        if actor.affiliation:
            stats.affiliations[actor.affiliation] += 1
        if actor.role:
            stats.roles.add(RoleSighting(actor.role, article, said_on))
        self._resolution = None

    def actors(self) -> list[RegistryEntry]:
        """Every actor, the most mentioned first (then by name)."""
        return list(self._resolved().entries)

    def resolve(self, actor: Actor) -> Actor:
        """The registry's canonical actor for ``actor``: its name, type and stable id.

        The role and affiliation stay the ones ``actor`` has, when it has them: they
        are what that article says at that time. An actor the registry cannot place
        comes back unchanged.
        """
        entry = self._resolved().find(_form_of(actor))
        if entry is None:
            return actor
        canonical = entry.actor
        return dataclasses.replace(
            canonical,
            role=actor.role or canonical.role,
            affiliation=actor.affiliation or canonical.affiliation,
        )

    def apply(self, analysis: Analysis) -> Analysis:
        """A copy of ``analysis`` with every actor replaced by its canonical one."""
        attributions = [
            dataclasses.replace(a, actor=self.resolve(a.actor)) if a.actor else a
            for a in analysis.attributions
        ]
        return dataclasses.replace(analysis, attributions=attributions)

    def _resolved(self) -> _Resolution:
        if self._resolution is None:
            self._resolution = _Resolution(self._seen, self._aliases)
        return self._resolution


class _Resolution:
    """The registry's decision for the forms seen so far, with lookups into it."""

    def __init__(self, seen: dict[Form, _FormStats], aliases: Aliases) -> None:
        clusters = cluster_forms(seen, aliases)
        entries = _with_unique_ids([_entry(cluster, seen, aliases) for cluster in clusters])
        self.entries = sorted(entries, key=lambda e: (-e.mentions, fold(e.actor.name), e.actor.id))
        self._aliases = aliases
        self._by_id = {entry.actor.id: entry for entry in entries}
        self._by_fold: dict[tuple[bool, str], str] = {}
        self._by_merge: dict[tuple[bool, int], str] = {}
        self._by_name: dict[PersonName, set[str]] = defaultdict(set)
        self._by_surname: dict[str, set[PersonName]] = defaultdict(set)
        for cluster, entry in zip(clusters, entries, strict=True):
            self._index(cluster, entry.actor.id)

    def _index(self, cluster: Cluster, actor: str) -> None:
        for form in cluster.forms:
            self._by_fold[form.is_person, form.folded] = actor
            if cluster.merge is not None:  # a cluster is all persons or all not
                self._by_merge[form.is_person, cluster.merge] = actor
            name = parse_person_name(form.name) if form.is_person else None
            if name is not None:
                self._by_name[name].add(actor)
                self._by_surname[name.surname].add(name)

    def find(self, form: Form) -> RegistryEntry | None:
        """The entry of a form: by its fold, its aliases entry, or (a person) its name."""
        found = self._by_fold.get((form.is_person, form.folded))
        merge = self._aliases.merge_for(form.folded)
        if found is None and merge is not None:
            found = self._by_merge.get((form.is_person, merge))
        if found is None and form.is_person:
            found = self._find_person(form.name)
        return self._by_id[found] if found is not None else None

    def _find_person(self, name: str) -> str | None:
        """A person's actor by the same name, else by the one longer name it can be."""
        parsed = parse_person_name(name)
        if parsed is None:
            return None
        ids = self._by_name.get(parsed)
        if ids is None:
            same_surname = {parsed, *self._by_surname.get(parsed.surname, ())}
            longest = longest_forms(same_surname).get(parsed, [])
            ids = {found for longer in longest for found in self._by_name[longer]}
        return next(iter(ids)) if len(ids) == 1 else None


def _form_of(actor: Actor) -> Form:
    return Form(actor.type is ActorType.PERSON, actor.name.strip())


def _entry(cluster: Cluster, seen: dict[Form, _FormStats], aliases: Aliases) -> RegistryEntry:
    stats = [seen[form] for form in cluster.forms]
    types: Counter[ActorType] = sum((s.types for s in stats), Counter())
    affiliations: Counter[str] = sum((s.affiliations for s in stats), Counter())
    roles = sorted(set().union(*(s.roles for s in stats)), key=RoleSighting.sort_key)
    if cluster.merge is not None:
        name = aliases.merges[cluster.merge].name
    else:
        name = _display_name(cluster.forms, seen)
    # Every form of a cluster was seen, so ``types`` is never empty: the fallback is moot.
    actor = Actor(
        name=name,
        type=_most_common(types, order=list(ActorType)) or ActorType.PERSON,
        role=_current_role(roles),
        affiliation=_most_common(affiliations, order=sorted(affiliations)) or None,
    )
    return RegistryEntry(
        actor=actor,
        aliases=tuple(sorted({form.name for form in cluster.forms})),
        articles=tuple(sorted(set().union(*(s.articles for s in stats)))),
        mentions=sum(s.mentions for s in stats),
        roles=tuple(roles),
    )


def _display_name(forms: tuple[Form, ...], seen: dict[Form, _FormStats]) -> str:
    """The most mentioned full name, in its best spelling.

    A person's name with a full first name beats surnames and initials ("Jens
    Stoltenberg", not "Stoltenberg"); among spellings of one folded name, the one with
    diacritics beats the one without ("Baiba Braže", not "Baiba Braze").
    """
    candidates = [form for form in forms if _is_full_name(form)] or list(forms)
    spellings: dict[str, list[Form]] = defaultdict(list)
    for form in candidates:
        spellings[form.folded].append(form)

    def mentions(folded: str) -> int:
        return sum(seen[form].mentions for form in spellings[folded])

    folded = min(spellings, key=lambda f: (-mentions(f), -len(f), f))
    best = min(spellings[folded], key=lambda form: _spelling_rank(form, seen[form].mentions))
    return best.name


def _is_full_name(form: Form) -> bool:
    name = parse_person_name(form.name) if form.is_person else None
    return name is not None and name.has_full_first_name


def _spelling_rank(form: Form, mentions: int) -> tuple[int, bool, int, str]:
    marks = sum(1 for c in unicodedata.normalize("NFD", form.name) if unicodedata.combining(c))
    return (-marks, form.name.isupper(), -mentions, form.name)


def _current_role(roles: Iterable[RoleSighting]) -> str | None:
    """The role of the latest dated statement; undated, the most frequent role."""
    latest: dict[str, date] = {}
    counts: Counter[str] = Counter()
    for sighting in roles:
        counts[sighting.role] += 1
        latest[sighting.role] = max(
            latest.get(sighting.role, date.min), sighting.said_on or date.min
        )
    if not counts:
        return None
    return min(counts, key=lambda role: (-latest[role].toordinal(), -counts[role], role))


def _most_common(counts: Counter[T], order: list[T]) -> T | None:
    """The most counted item, ties broken by ``order``; ``None`` when nothing was counted."""
    return min(counts, key=lambda item: (-counts[item], order.index(item)), default=None)


def _with_unique_ids(entries: list[RegistryEntry]) -> list[RegistryEntry]:
    """Entries whose ids would collide (a person and an outlet both "Reuters") told apart.

    The first by type order keeps the plain id; the others get their type appended.
    """
    by_id: dict[str, list[int]] = defaultdict(list)
    for index, entry in enumerate(entries):
        by_id[entry.actor.id].append(index)
    unique = list(entries)
    taken = set(by_id)
    for indexes in by_id.values():
        ranked = sorted(indexes, key=lambda i: (list(ActorType).index(entries[i].actor.type), i))
        for rank, index in enumerate(ranked[1:], start=2):
            actor = entries[index].actor
            new_id = f"{actor.id}-{actor.type.value}"
            new_id = new_id if new_id not in taken else f"{new_id}-{rank}"
            taken.add(new_id)
            unique[index] = dataclasses.replace(
                entries[index], actor=dataclasses.replace(actor, id=new_id)
            )
    return unique
