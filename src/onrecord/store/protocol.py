"""The ``Store`` protocol and the plain records it takes and gives.

Everything above the store (``onrecord.api``, ``onrecord.query``, the adapters) talks
to a database through this protocol only, in record-model objects and the small
frozen dataclasses below; no SQL or SQLAlchemy object crosses it. One implementation,
:class:`onrecord.store.SqlStore`, serves SQLite and PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Literal, Protocol, runtime_checkable

from onrecord.model import Actor, ActorType, Analysis, Article, Issue, Provenance
from onrecord.store.read_records import Reads

__all__ = [
    "ActorRecord",
    "Added",
    "FormKey",
    "Mention",
    "QuoteCluster",
    "QuoteContent",
    "RunRecord",
    "SearchHit",
    "Store",
    "StoredIssue",
    "StoredSignature",
    "SyndicationGroup",
]


class Added(StrEnum):
    """What storing one analysed article did."""

    NEW = "new"  # an article (a content hash) the store did not have
    VERSION = "version"  # new text at an address the store had: linked to the previous
    UNCHANGED = "unchanged"  # the store had this content hash: nothing written


@dataclass(frozen=True)
class StoredIssue:
    """An issue as the store keeps it: the parsed issue, its file's text and hash."""

    issue: Issue
    hash: str
    content: str
    source: str | None = None


@dataclass(frozen=True)
class RunRecord:
    """One ``ingest`` or ``reanalyze``: what it was given and, once finished, what it did."""

    id: int
    command: str
    started_at: dt.datetime
    finished_at: dt.datetime | None
    inputs: list[str]
    issues: list[str]
    settings_hash: str
    provenance: Provenance | None
    summary: dict[str, Any] | None


@dataclass(frozen=True)
class Mention:
    """One mention of an actor, as the actor registry takes it (``add_actor``)."""

    actor: Actor
    article: str  # the article's id
    said_on: dt.date | None
    counted: bool = True  # an attribution's actor; a position's actor or speaker is not


@dataclass(frozen=True)
class ActorRecord:
    """One actor of the registry, to be written to the store.

    ``record`` is the registry entry's own dict (``RegistryEntry.to_dict()``).
    """

    actor: Actor
    aliases: tuple[str, ...]
    mentions: int
    articles: int
    record: dict[str, Any]


@dataclass(frozen=True)
class SearchHit:
    """One full-text match: an attribution (``id`` its row id) or an article (its id)."""

    within: Literal["attributions", "articles"]
    id: int | str
    article_id: str
    rank: float  # lower is better, comparable within one search only


@dataclass(frozen=True)
class SyndicationGroup:
    """Articles that are copies of one another; the earliest published is ``first``."""

    first_article_id: str
    members: Mapping[str, float | None]  # article id: similarity to the first
    method: str
    first_seen: dt.date | None = None


@dataclass(frozen=True)
class QuoteCluster:
    """The same quote in several articles; the earliest is ``first_attribution_id``."""

    text: str
    first_attribution_id: int
    members: Sequence[int]  # attribution row ids, the first among them
    method: str
    first_seen: dt.date | None = None


@dataclass(frozen=True)
class StoredSignature:
    """An article's MinHash signature as stored (``Signature.to_bytes()``)."""

    article_id: str
    published: dt.datetime | None
    data: bytes


@dataclass(frozen=True)
class QuoteContent:
    """A current attribution's content, with what quote clustering needs of its article."""

    id: int  # the attribution's row id
    article_id: str
    local_id: str  # Attribution.id
    kind: str
    text: str  # the content's parts joined by a space
    start: int  # where the content begins in the article text
    outlet: str | None
    published: dt.datetime | None
    speaker: str | None  # the actor as the article's analysis named it


@dataclass(frozen=True)
class FormKey:
    """An actor as an analysis named it: the key of the registry's decision."""

    name: str
    type: ActorType


@runtime_checkable
class Store(Reads, Protocol):
    """A database holding articles, analyses, actors and runs; see docs/store.md."""

    url: str  # where it is, without a password
    dialect: str  # "sqlite" or "postgresql"

    def close(self) -> None: ...

    def __enter__(self) -> Store: ...

    def __exit__(self, *exc: object) -> None: ...

    # Runs: provenance of every ingest and reanalyze.
    def start_run(self, command: str, inputs: Sequence[str], settings_hash: str) -> int: ...

    def set_run_provenance(self, run_id: int, provenance: Provenance) -> None: ...

    def set_run_issues(self, run_id: int, issue_hashes: Sequence[str]) -> None: ...

    def finish_run(self, run_id: int, summary: Mapping[str, Any]) -> None: ...

    def runs(self) -> list[RunRecord]: ...

    # Issues: every version of every issue file; the latest of each id is current.
    def put_issue(self, issue: Issue, content: str, source: str | None = None) -> StoredIssue: ...

    def current_issues(self) -> list[StoredIssue]: ...

    # Articles and their analyses.
    def has_article(self, article_id: str) -> bool: ...

    def add_analysis(
        self, analysis: Analysis, address: str, run_id: int, issue_hashes: Sequence[str] = ()
    ) -> Added: ...

    def replace_analysis(
        self, analysis: Analysis, run_id: int, issue_hashes: Sequence[str] = ()
    ) -> None: ...

    def stale_articles(self, provenance: Provenance, issue_hashes: Sequence[str]) -> list[str]: ...

    def articles(self, ids: Iterable[str] | None = None) -> Iterator[Article]: ...

    def analyses(
        self, ids: Iterable[str] | None = None, *, canonical: bool = True
    ) -> Iterator[Analysis]: ...

    # The actor registry, across the whole store.
    def mentions(self) -> Iterator[Mention]: ...

    def put_actors(self, actors: Sequence[ActorRecord], forms: Mapping[FormKey, str]) -> None: ...

    def actors(self) -> list[dict[str, Any]]: ...

    def get_meta(self, key: str) -> str | None: ...

    def set_meta(self, key: str, value: str | None) -> None: ...

    # Syndication and quote clusters, as ``onrecord.resolve`` computes them.
    def put_syndication(self, groups: Sequence[SyndicationGroup], run_id: int | None) -> None: ...

    def put_quote_clusters(self, clusters: Sequence[QuoteCluster], run_id: int | None) -> None: ...

    def put_copies(
        self,
        signed: Sequence[tuple[str, bytes]],
        groups: Sequence[SyndicationGroup],
        clusters: Sequence[QuoteCluster],
        run_id: int | None,
    ) -> None: ...

    def unsigned_articles(self) -> list[str]: ...

    def signatures(self) -> list[StoredSignature]: ...

    def quote_contents(self) -> list[QuoteContent]: ...

    def syndication_groups(self) -> list[list[str]]: ...

    def quote_cluster_ids(self) -> list[list[int]]: ...

    # Reading.
    def search(
        self,
        query: str,
        *,
        within: Literal["attributions", "articles"] = "attributions",
        limit: int | None = None,
        current: bool = True,
    ) -> list[SearchHit]: ...

    def counts(self) -> dict[str, int]: ...
