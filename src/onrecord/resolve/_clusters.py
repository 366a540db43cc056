"""Which surface forms are one actor: the registry's merge rules, in one pass.

The pass runs over the whole set of forms at once, in sorted order, so the result
depends on which forms were seen and never on the order they were seen in:

1. forms with the same folded name are one actor ("Baiba Braze", "Baiba Braže");
2. the aliases file's merges join their forms;
3. persons with the same normalised name are one ("Zelensky", "Zelenskyy");
4. a shorter form of a person's name ("Putin", "V. Putin") joins the one person it can
   be: when the longest names it fits are all one actor already, and no one with a
   suffix it lacks ("Jr.") fits it too; otherwise it stays apart. A name the aliases
   file merged stays where the file put it. The decisions are all taken on the
   clusters of step 3, then carried out.

A join is refused when it would put two names of one aliases ``split`` entry, or of two
different ``merge`` entries, into one actor.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable
from functools import lru_cache
from typing import NamedTuple

from onrecord.model import fold
from onrecord.resolve.aliases import Aliases
from onrecord.resolve.names import PersonName, longest_forms, parse_person_name

__all__ = ["Cluster", "Form", "cluster_forms"]


class Form(NamedTuple):
    """A name as an article gives it, and whether it names a person."""

    is_person: bool
    name: str

    @property
    def folded(self) -> str:
        return _fold(self.name)


# Every stage looks at the folded names again; folding is the costly part of that.
_fold = lru_cache(maxsize=1 << 16)(fold)


class Cluster(NamedTuple):
    """The forms of one actor, and the aliases merge entry that names it, if one does."""

    forms: tuple[Form, ...]
    merge: int | None


# A cluster's exclusive tags: (group, member). Two clusters whose tags give one group
# two different members may not join: a split entry's names, different merge entries.
Tags = dict[str, int]


class _UnionFind:
    def __init__(self, forms: Iterable[Form], tags: dict[Form, Tags]) -> None:
        self._parent = {form: form for form in forms}
        self._tags = {form: dict(tags.get(form, {})) for form in self._parent}

    def root(self, form: Form) -> Form:
        while self._parent[form] != form:
            self._parent[form] = self._parent[self._parent[form]]
            form = self._parent[form]
        return form

    def join(self, a: Form, b: Form) -> bool:
        """Join the clusters of ``a`` and ``b`` unless their tags forbid it."""
        root_a, root_b = self.root(a), self.root(b)
        if root_a == root_b:
            return True
        tags_a, tags_b = self._tags[root_a], self._tags[root_b]
        if any(tags_b.get(group, member) != member for group, member in tags_a.items()):
            return False
        root, child = sorted((root_a, root_b))  # the smaller root, so the result is stable
        self._parent[child] = root
        self._tags[root] = {**tags_a, **tags_b}
        return True

    def is_pinned(self, form: Form) -> bool:
        """Whether the aliases file decided this form's actor (by a merge entry)."""
        return "merge" in self._tags[self.root(form)]

    def join_all(self, forms: list[Form]) -> None:
        for form in forms[1:]:
            self.join(forms[0], form)

    def clusters(self, keep: set[Form]) -> list[Cluster]:
        """The clusters, of the forms in ``keep`` only; clusters left empty are dropped."""
        members: dict[Form, list[Form]] = defaultdict(list)
        for form in sorted(keep):
            members[self.root(form)].append(form)
        found = [
            Cluster(tuple(forms), self._tags[root].get("merge")) for root, forms in members.items()
        ]
        return sorted(found)


def cluster_forms(forms: Iterable[Form], aliases: Aliases | None = None) -> list[Cluster]:
    """The forms grouped into actors; each group and the list are sorted.

    The names of the aliases file's merge entries take part in steps 1 to 3 as if seen,
    as persons and as other actors both, so that "Volodymyr Zelenskyy" joins an entry
    named "Volodymyr Zelensky"; they are left out of the clusters returned.
    """
    aliases = aliases or Aliases()
    seen = set(forms)
    unique = sorted(seen | _listed_forms(aliases))
    found = _UnionFind(unique, {form: aliases.exclusive_tags(form.folded) for form in unique})
    for group in _group_by(unique, lambda form: (form.is_person, form.folded)):
        found.join_all(group)
    for group in _alias_groups(unique, aliases):
        found.join_all(group)
    persons = _person_names(unique)
    for group in _group_by(list(persons), lambda form: persons[form]):
        found.join_all(group)
    # Listed names are not seen: they never make a shorter name ambiguous or take it in.
    _attach_shorter_names(found, {form: persons[form] for form in persons if form in seen})
    return found.clusters(keep=seen)


def _listed_forms(aliases: Aliases) -> set[Form]:
    names = {name for merge in aliases.merges for name in (merge.name, *merge.aliases)}
    return {Form(is_person, name) for name in names for is_person in (True, False)}


def _alias_groups(forms: list[Form], aliases: Aliases) -> list[list[Form]]:
    """Forms each merge entry joins; persons and non-persons apart."""
    listed = [form for form in forms if aliases.merge_for(form.folded) is not None]
    return _group_by(listed, lambda form: (aliases.merge_for(form.folded), form.is_person))


def _person_names(forms: list[Form]) -> dict[Form, PersonName]:
    names = {form: parse_person_name(form.name) for form in forms if form.is_person}
    return {form: name for form, name in names.items() if name is not None}


def _attach_shorter_names(found: _UnionFind, persons: dict[Form, PersonName]) -> None:
    """Step 4: decide every shorter name against the clusters as they stand, then join."""
    forms_of: dict[PersonName, list[Form]] = defaultdict(list)
    same_surname: dict[str, set[PersonName]] = defaultdict(set)
    for form, name in sorted(persons.items()):
        forms_of[name].append(form)
        same_surname[name.surname].add(name)
    joins: list[tuple[Form, Form]] = []
    for surname in sorted(same_surname):
        for name, longest in sorted(longest_forms(same_surname[surname]).items()):
            forms = forms_of[name]
            if any(found.is_pinned(form) for form in forms):
                continue  # the aliases file said who this is
            targets = {found.root(form) for longer in longest for form in forms_of[longer]}
            if len(targets) == 1:
                joins += [(form, next(iter(targets))) for form in forms]
    for form, target in joins:
        found.join(form, target)


def _group_by(forms: list[Form], key: Callable[[Form], Hashable]) -> list[list[Form]]:
    """Groups of two forms or more with the same key, in the order of ``forms``."""
    groups: dict[Hashable, list[Form]] = defaultdict(list)
    for form in forms:
        groups[key(form)].append(form)
    return [group for group in groups.values() if len(group) > 1]
