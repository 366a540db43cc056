"""A user-edited aliases file that forces the registry to merge or to split actors.

The file is TOML with two optional arrays of tables::

    # Always one actor, shown as "Volodymyr Zelensky" (its id: volodymyr-zelensky).
    [[merge]]
    name = "Volodymyr Zelensky"                     # the canonical name
    aliases = ["Zelenskyy", "Volodymyr Zelenskiy"]  # other names for the same actor

    # Never one actor, whatever the automatic rules say.
    [[split]]
    names = ["John Smith", "J. Smith"]

Names match the names articles give actors without regard to case, diacritics or
punctuation ("baiba braze" matches "Baiba Braže").

``merge``: every actor whose name is ``name`` or one of ``aliases`` is one actor,
named ``name``. A merge entry's names also take in persons whose name is the same
after the registry's spelling normalisation ("Volodymyr Zelenskyy" joins the entry
above), but never a shorter name ("Zelensky" joins only by the registry's own rule
for surnames, or by being listed). ``aliases`` may be left out, to fix the name (and
so the id) of the actor the automatic rules find. Two ``merge`` entries are two
actors: the registry never joins them. A merge joins persons with persons and other
actors with other actors, never a person with an organisation.

``split``: no two of ``names`` end up as one actor (at least two names, each a
different name once folded). Split names match by fold alone, so a split can keep
apart two spellings the registry would merge ("Syrsky", "Syrskyi").

Anything else (unknown keys, wrong types, empty names, a name in two merge entries,
names that one entry merges and another splits) is a :class:`ConfigError` that names
the file and the entry.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from itertools import combinations
from pathlib import Path
from typing import Any

from onrecord.errors import ConfigError
from onrecord.model import fold

__all__ = ["AliasMerge", "Aliases", "load_aliases", "parse_aliases"]


@dataclass(frozen=True)
class AliasMerge:
    """Names that are one actor, shown as ``name``."""

    name: str
    aliases: tuple[str, ...] = ()

    @property
    def folded(self) -> frozenset[str]:
        return frozenset(fold(n) for n in (self.name, *self.aliases))


@dataclass(frozen=True)
class Aliases:
    """What an aliases file says: forced merges and forced splits."""

    merges: tuple[AliasMerge, ...] = ()
    splits: tuple[tuple[str, ...], ...] = ()

    def merge_for(self, folded_name: str) -> int | None:
        """The index of the merge entry that lists this (folded) name, if any."""
        return self._merge_index.get(folded_name)

    def exclusive_tags(self, folded_name: str) -> dict[str, int]:
        """``{group: member}``: a name may not join one with the same group, other member.

        The groups are each split entry (its members: the entry's names) and the merge
        entries as a whole (members: the entries), so two merge entries never join.
        """
        tags = dict(self._split_tags.get(folded_name, {}))
        merge = self.merge_for(folded_name)
        if merge is not None:
            tags["merge"] = merge
        return tags

    @cached_property
    def _merge_index(self) -> dict[str, int]:
        return {name: index for index, merge in enumerate(self.merges) for name in merge.folded}

    @cached_property
    def _split_tags(self) -> dict[str, dict[str, int]]:
        tags: dict[str, dict[str, int]] = {}
        for number, names in enumerate(self.splits):
            for member, name in enumerate(names):
                tags.setdefault(fold(name), {})[f"split {number}"] = member
        return tags


def load_aliases(path: str | Path) -> Aliases:
    """Read and check an aliases file; every problem is a ``ConfigError`` naming it."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"aliases file {path}: cannot read it: {exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"aliases file {path}: not valid TOML: {exc}") from exc
    return parse_aliases(data, source=str(path))


def parse_aliases(data: Mapping[str, Any], source: str = "<aliases>") -> Aliases:
    """Check parsed TOML (a mapping) and turn it into :class:`Aliases`."""
    where = f"aliases file {source}"
    _reject_unknown_keys(data, {"merge", "split"}, where)
    merges = tuple(
        _parse_merge(entry, f"{where}: merge entry {n}")
        for n, entry in enumerate(_tables(data, "merge", where), start=1)
    )
    splits = tuple(
        _parse_split(entry, f"{where}: split entry {n}")
        for n, entry in enumerate(_tables(data, "split", where), start=1)
    )
    aliases = Aliases(merges=merges, splits=splits)
    _check_consistency(aliases, where)
    return aliases


def _tables(data: Mapping[str, Any], key: str, where: str) -> list[Mapping[str, Any]]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise ConfigError(f"{where}: {key!r} must be an array of tables ([[{key}]])")
    return value


def _parse_merge(entry: Mapping[str, Any], where: str) -> AliasMerge:
    _reject_unknown_keys(entry, {"name", "aliases"}, where)
    if "name" not in entry:
        raise ConfigError(f"{where}: 'name' is missing")
    name = _name(entry["name"], f"{where}: 'name'")
    where = f"{where} ({name})"
    aliases = _names(entry.get("aliases", []), f"{where}: 'aliases'")
    return AliasMerge(name=name, aliases=aliases)


def _parse_split(entry: Mapping[str, Any], where: str) -> tuple[str, ...]:
    _reject_unknown_keys(entry, {"names"}, where)
    if "names" not in entry:
        raise ConfigError(f"{where}: 'names' is missing")
    names = _names(entry["names"], f"{where}: 'names'")
    if len(names) < 2:
        raise ConfigError(f"{where}: 'names' must list at least two names")
    if len({fold(name) for name in names}) < len(names):
        raise ConfigError(f"{where}: 'names' lists the same name twice: {list(names)}")
    return names


def _names(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise ConfigError(f"{where} must be a list of names, not {type(value).__name__}")
    return tuple(_name(item, where) for item in value)


def _name(value: Any, where: str) -> str:
    if not isinstance(value, str):
        raise ConfigError(f"{where}: a name must be a string, not {value!r}")
    if not fold(value):
        raise ConfigError(f"{where}: a name must not be empty ({value!r})")
    return value.strip()


def _reject_unknown_keys(table: Mapping[str, Any], known: set[str], where: str) -> None:
    unknown = sorted(set(table) - known)
    if unknown:
        expected = ", ".join(sorted(known))
        raise ConfigError(f"{where}: unknown key(s) {', '.join(unknown)}; expected: {expected}")


def _check_consistency(aliases: Aliases, where: str) -> None:
    """No name in two merge entries; no split of names that one entry merges."""
    owner: dict[str, int] = {}
    for index, merge in enumerate(aliases.merges):
        for folded in sorted(merge.folded):
            if folded in owner:
                first = aliases.merges[owner[folded]].name
                raise ConfigError(
                    f"{where}: merge entry {index + 1} ({merge.name}): {folded!r} is "
                    f"already in merge entry {owner[folded] + 1} ({first})"
                )
            owner[folded] = index
    for number, names in enumerate(aliases.splits, start=1):
        for a, b in combinations(names, 2):
            merged_by = owner.get(fold(a))
            if merged_by is not None and merged_by == owner.get(fold(b)):
                raise ConfigError(
                    f"{where}: split entry {number}: {a!r} and {b!r} are also merged, "
                    f"by merge entry {merged_by + 1} ({aliases.merges[merged_by].name})"
                )
