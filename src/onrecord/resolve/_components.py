"""Connected components that keep their first member, and say whose first changed.

Shared by syndication groups and quote clusters: both name a component by its first
member in a fixed order (the earliest published, then the smallest id), so the names
depend on which members were seen and never on the order they were added in.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from datetime import UTC, datetime
from typing import Any, Generic, TypeVar

__all__ = ["Components", "published_key"]

Key = TypeVar("Key", bound=Hashable)


class Components(Generic[Key]):
    """A union-find whose every component knows its members and its first one."""

    def __init__(self, order: Callable[[Key], Any]) -> None:
        self._order = order
        self._parent: dict[Key, Key] = {}
        self._members: dict[Key, list[Key]] = {}  # by root
        self._first: dict[Key, Key] = {}  # by root

    def __contains__(self, key: object) -> bool:
        return key in self._parent

    def __len__(self) -> int:
        return len(self._parent)

    def add(self, key: Key) -> None:
        self._parent[key] = key
        self._members[key] = [key]
        self._first[key] = key

    def root(self, key: Key) -> Key:
        while self._parent[key] != key:
            self._parent[key] = self._parent[self._parent[key]]
            key = self._parent[key]
        return key

    def first(self, key: Key) -> Key:
        """The first member, in the order given, of the component holding ``key``."""
        return self._first[self.root(key)]

    def members(self, key: Key) -> list[Key]:
        return list(self._members[self.root(key)])

    def join(self, a: Key, b: Key) -> list[Key]:
        """One component of the two; returns the members whose first member changed."""
        root_a, root_b = self.root(a), self.root(b)
        if root_a == root_b:
            return []
        if len(self._members[root_a]) < len(self._members[root_b]):
            root_a, root_b = root_b, root_a  # the smaller tree hangs under the larger
        first_a, first_b = self._first[root_a], self._first[root_b]
        first = min(first_a, first_b, key=self._order)
        changed = self._members[root_b] if first == first_a else self._members[root_a]
        changed = list(changed)
        self._parent[root_b] = root_a
        self._members[root_a].extend(self._members.pop(root_b))
        self._first[root_a] = first
        del self._first[root_b]
        return changed

    def roots(self) -> list[Key]:
        return list(self._members)


_UNDATED = datetime.min.replace(tzinfo=UTC)


def published_key(moment: datetime | None) -> tuple[bool, datetime]:
    """Earliest first, undated last; a naive moment is taken as UTC, so any two compare."""
    if moment is None:
        return (True, _UNDATED)
    return (False, moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC))
