"""Who gets quoted: named and anonymous sources, by outlet and by the type of speaker.

Counts every current attribution of the store once: *named* when its speaker is a
person, organisation, government or outlet, *anonymous* when an anonymous source
("one U.S. official"), *unknown* when no speaker was found for it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Any, Literal

from onrecord.model import ActorType
from onrecord.query.rows import Row
from onrecord.store import SourceCount, Store

__all__ = ["SOURCE_COLUMNS", "SourceShare", "shares_of", "source_row", "source_shares"]

SOURCE_COLUMNS = (
    "by",
    "group",
    "quotes",
    "share",
    "named",
    "anonymous",
    "unknown",
    "anonymous_share",
)
NO_OUTLET = "(no outlet)"
NO_SPEAKER = "(no speaker)"
ANONYMOUS = ActorType.ANONYMOUS.value


@dataclass(frozen=True)
class SourceShare:
    """The quotes of one outlet, or of one type of speaker, and how they split.

    ``share`` is its part of all the quotes; ``anonymous_share`` the part of its own
    quotes from anonymous sources (of those with a speaker found: unknown ones aside).
    """

    by: Literal["outlet", "speaker type"]
    group: str
    quotes: int
    share: float
    named: int
    anonymous: int
    unknown: int

    @property
    def anonymous_share(self) -> float | None:
        known = self.named + self.anonymous
        return round(self.anonymous / known, 3) if known else None

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "anonymous_share": self.anonymous_share}


def source_shares(store: Store) -> list[SourceShare]:
    """Every outlet (the most quoting first), then every speaker type (the same)."""
    return shares_of(store.source_counts())


def shares_of(counts: Sequence[SourceCount]) -> list[SourceShare]:
    """The shares of quotes counted by outlet and speaker type (``Store.source_counts``)."""
    total = sum(c.quotes for c in counts)
    by_outlet = _shares("outlet", counts, lambda c: c.outlet or NO_OUTLET, total)
    by_type = _shares("speaker type", counts, lambda c: c.speaker_type or NO_SPEAKER, total)
    return by_outlet + by_type


def source_row(share: SourceShare) -> Row:
    return share.to_dict()


def _shares(
    by: Literal["outlet", "speaker type"],
    counts: Iterable[SourceCount],
    group_of: Any,
    total: int,
) -> list[SourceShare]:
    split: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for count in counts:
        split[group_of(count)][_kind(count.speaker_type)] += count.quotes
    shares = [
        SourceShare(
            by=by,
            group=group,
            quotes=sum(parts.values()),
            share=round(sum(parts.values()) / total, 3) if total else 0.0,
            named=parts["named"],
            anonymous=parts["anonymous"],
            unknown=parts["unknown"],
        )
        for group, parts in split.items()
    ]
    return sorted(shares, key=lambda s: (-s.quotes, s.group))


def _kind(speaker_type: str | None) -> str:
    if speaker_type is None:
        return "unknown"
    return "anonymous" if speaker_type == ANONYMOUS else "named"
