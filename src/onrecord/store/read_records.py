"""The read side of the ``Store`` protocol: the questions ``onrecord.query`` asks, and
the plain records the answers come in.

Each method filters, joins and sorts in the database, so a question over a store of
many thousand articles reads only the rows of its answer; what to make of them (the
positions tracker, shares, outputs) is ``onrecord.query``'s. Every answer is in a
stated order, so the same store gives the same answer on SQLite and PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Literal, Protocol

from onrecord.model import Position

__all__ = [
    "EXPORT_TABLES",
    "ActorName",
    "ExportColumn",
    "QuoteFilter",
    "Reads",
    "SourceCount",
    "StoredActor",
    "StoredCluster",
    "StoredPosition",
    "StoredQuote",
]

ExportTable = Literal["articles", "attributions", "actors", "positions"]
EXPORT_TABLES: tuple[ExportTable, ...] = ("articles", "attributions", "actors", "positions")


@dataclass(frozen=True)
class QuoteFilter:
    """Which quotes (current attributions) to read; every condition given must hold.

    ``speaker_ids``: said by one of these canonical actors. ``about``: the content has
    every word of it (the store's full-text search). ``since``/``until``: the day it
    was said (else its article's publication day) within them, both included.
    ``outlets``: its article's outlet is one of these, as stored. ``acts``: its act is
    one of these (``model.AttributionAct`` values). ``anonymous``: its speaker is an
    anonymous source. ``article_ids``: in one of these articles. ``ids``: with one of
    these row ids. ``after``: after this quote in the quotes' order (its day, else
    ``None`` for undated, and its id), for reading a long answer page by page.
    """

    speaker_ids: tuple[str, ...] | None = None
    about: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    outlets: tuple[str, ...] | None = None
    kind: str | None = None
    anonymous: bool = False
    ids: tuple[int, ...] | None = None
    article_ids: tuple[str, ...] | None = None
    after: tuple[dt.date | None, int] | None = None
    acts: tuple[str, ...] | None = None


@dataclass(frozen=True)
class StoredQuote:
    """One stored attribution with what a reader needs of its article and speaker.

    ``id`` is its row id, the quote's id in the store. ``speaker`` is the canonical
    actor's name, else the name the article's analysis gave, else the source's words;
    ``role`` and ``affiliation`` are as the article gave them.
    """

    id: int
    article_id: str
    local_id: str
    article: str  # the article's name (Article.name)
    title: str | None
    url: str | None
    outlet: str | None
    published: dt.date | None
    said_on: dt.date | None
    kind: str
    confidence: float
    speaker_id: str | None
    speaker: str | None
    speaker_type: str | None
    role: str | None
    affiliation: str | None
    source: str | None
    cue: str | None
    content: str
    act: str | None = None  # None for an analysis made before acts

    @property
    def day(self) -> dt.date | None:
        """When it was said, else when its article was published."""
        return self.said_on or self.published


@dataclass(frozen=True)
class ActorName:
    """An actor of the registry and every name articles gave it."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class StoredActor:
    """An actor of the registry as stored: ``record`` is ``RegistryEntry.to_dict()``."""

    id: str
    name: str
    type: str
    role: str | None
    affiliation: str | None
    mentions: int
    articles: int
    aliases: tuple[str, ...]
    record: dict[str, Any]


@dataclass(frozen=True)
class StoredPosition:
    """One article's position, its actor and speaker the registry's canonical ones
    (keeping the role and affiliation the article gave), with its article's name and
    publication day: what the positions tracker takes."""

    id: int
    article_id: str
    article: str
    published: dt.date | None
    position: Position


@dataclass(frozen=True)
class StoredCluster:
    """A quote cluster: the same quote in several articles, its members first seen first."""

    id: int
    text: str
    first_attribution_id: int
    first_seen: dt.date | None
    method: str
    members: tuple[StoredQuote, ...]


@dataclass(frozen=True)
class SourceCount:
    """How many current attributions one outlet has from speakers of one type
    (``speaker_type`` ``None``: no speaker found)."""

    outlet: str | None
    speaker_type: str | None
    quotes: int


@dataclass(frozen=True)
class ExportColumn:
    """One column of an exported table: its name and the kind of its values."""

    name: str
    kind: Literal["text", "integer", "real", "date", "boolean"]


class Reads(Protocol):
    """The questions the read side asks a store; part of :class:`onrecord.store.Store`."""

    def quotes(
        self, where: QuoteFilter, limit: int | None = None, offset: int = 0
    ) -> list[StoredQuote]:
        """Current attributions that pass ``where``, by day (undated last), then id;
        ``offset`` of them left out first, then at most ``limit``."""
        ...

    def quote_count(self, where: QuoteFilter) -> int:
        """How many current attributions pass ``where`` (its ``after`` aside)."""
        ...

    def quote_id(self, article_id: str, local_id: str) -> int | None:
        """The row id of an article's attribution by its id within the analysis."""
        ...

    def outlets(self) -> list[str]:
        """Every outlet of a stored article, sorted."""
        ...

    def actor_names(self, exact: Sequence[str] | None = None) -> list[ActorName]:
        """Every actor of the registry with its aliases, by id; with ``exact``, those
        whose id, name or an alias is one of these, as written."""
        ...

    def stored_actors(self, ids: Sequence[str] | None = None) -> list[StoredActor]:
        """The registry's actors (of ``ids``, else all), by id."""
        ...

    def stored_positions(
        self,
        issue_id: str | None = None,
        actor_id: str | None = None,
        ids: Sequence[int] | None = None,
    ) -> list[StoredPosition]:
        """Current positions (on ``issue_id``, of ``actor_id``, with row ``ids``), by id."""
        ...

    def positions_as_of(self, issue_id: str, as_of: dt.date) -> list[int]:
        """The ids of the current positions on ``issue_id`` that where each actor stood
        on ``as_of`` depends on (``store._as_of``), sorted."""
        ...

    def position_issues(self, actor_id: str) -> list[str]:
        """The issues an actor has current positions on, sorted."""
        ...

    def quote_cluster(self, attribution_id: int) -> StoredCluster | None:
        """The quote cluster an attribution is in, if any."""
        ...

    def source_counts(self) -> list[SourceCount]:
        """Current attributions counted by outlet and speaker type, sorted."""
        ...

    def database_size(self) -> int:
        """The bytes the database takes (SQLite: the file, its write-ahead log folded in;
        PostgreSQL: ``pg_database_size``)."""
        ...

    def export_columns(self, table: ExportTable) -> tuple[ExportColumn, ...]:
        """The columns of ``table`` as :meth:`export_rows` gives them."""
        ...

    def export_rows(self, table: ExportTable) -> Iterator[dict[str, Any]]:
        """Every row of an exported table (current analyses only), by id, in pages."""
        ...
