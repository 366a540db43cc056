"""The same quote across articles: one cluster per quote, where it was first seen, and
every outlet that carried it.

An attribution's content joins another's when they are the same words after folding
case, whitespace and quotation marks, or when nearly all the words of the shorter are
in the longer, in order (``_quote_match``): a partial quote joins the full one, a
trimmed version the untrimmed. Clusters are the connected components of those links.
Any two contents are linked or not by themselves alone, so adding analyses batch by
batch gives the clusters that adding them at once gives.

A cluster is named by its first-seen member: the attribution in the earliest-published
article (undated articles last), ties to the smaller article id, then the earlier
place in the article. ``QuoteIndex.add`` returns the clusters of the new attributions
and of every older one whose cluster id changed, for the store to write.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property

from onrecord.model import Analysis, AttributionKind, RecordError
from onrecord.resolve._components import Components, published_key
from onrecord.resolve._quote_match import QuoteParams, grams, overlap, quote_words

__all__ = [
    "QuoteAssignment",
    "QuoteCluster",
    "QuoteIndex",
    "QuoteMember",
    "QuoteParams",
    "cluster_quotes",
    "quote_members",
]


@dataclass(frozen=True)
class QuoteMember:
    """One attribution's content, with what clustering needs of its article."""

    article_id: str
    attribution_id: str
    text: str  # the content's parts, joined by a space
    start: int  # where the content begins in the article text
    kind: AttributionKind
    outlet: str | None = None
    published: datetime | None = None
    speaker: str | None = None  # the actor's name, when resolved

    @property
    def key(self) -> str:
        """The attribution's id across the record: ``ARTICLE_ID:ATTRIBUTION_ID``."""
        return f"{self.article_id}:{self.attribution_id}"

    @cached_property
    def words(self) -> tuple[str, ...]:
        return quote_words(self.text)


@dataclass(frozen=True)
class QuoteAssignment:
    member: str  # QuoteMember.key
    cluster_id: str  # the key of the cluster's first-seen member


@dataclass(frozen=True)
class QuoteCluster:
    """One quote as carried by one or more articles."""

    id: str
    members: tuple[QuoteMember, ...]  # first seen first
    first_seen: QuoteMember = field(init=False)
    text: str = field(init=False)  # the fullest wording: the member with the most words
    outlets: tuple[str, ...] = field(init=False)  # each once, in the order they carried it
    articles: tuple[str, ...] = field(init=False)  # article ids, each once, in that order

    def __post_init__(self) -> None:
        fullest = max(self.members, key=lambda m: len(m.words))  # the first of the longest
        object.__setattr__(self, "first_seen", self.members[0])
        object.__setattr__(self, "text", fullest.text)
        outlets = (m.outlet for m in self.members if m.outlet)
        object.__setattr__(self, "outlets", tuple(dict.fromkeys(outlets)))
        object.__setattr__(self, "articles", tuple(dict.fromkeys(m.article_id for m in self)))

    def __iter__(self) -> Iterator[QuoteMember]:
        return iter(self.members)

    def __len__(self) -> int:
        return len(self.members)


def quote_members(analysis: Analysis) -> list[QuoteMember]:
    """The attributions of one analysis that have a content, as members to cluster."""
    article = analysis.article
    found = []
    for attribution in analysis.attributions:
        if not attribution.content:
            continue
        if not attribution.id:
            raise RecordError(f"{article.name}: attribution", "has no id to be clustered by")
        found.append(
            QuoteMember(
                article_id=article.id,
                attribution_id=attribution.id,
                text=" ".join(part.text for part in attribution.content),
                start=min(part.start for part in attribution.content),
                kind=attribution.kind,
                outlet=article.outlet,
                published=article.published,
                speaker=attribution.actor.name if attribution.actor else None,
            )
        )
    return found


def cluster_quotes(
    analyses: Iterable[Analysis], params: QuoteParams | None = None, min_articles: int = 2
) -> list[QuoteCluster]:
    """The quotes carried by at least ``min_articles`` articles, most carried first."""
    index = QuoteIndex(params)
    index.add(member for analysis in analyses for member in quote_members(analysis))
    return index.clusters(min_articles)


class QuoteIndex:
    """Quotes and their clusters; build it from stored attributions, then ``add`` each
    new batch."""

    def __init__(self, params: QuoteParams | None = None) -> None:
        self.params = params or QuoteParams()
        self._members: dict[str, QuoteMember] = {}
        self._by_gram: dict[tuple[str, ...], list[str]] = defaultdict(list)
        # The first member of each wording: whether two contents are linked depends on
        # their words alone, so a wording seen before is linked to all its links are.
        self._wordings: dict[tuple[str, ...], str] = {}
        self._clusters: Components[str] = Components(self._order)

    def __len__(self) -> int:
        return len(self._members)

    def __contains__(self, key: object) -> bool:
        return key in self._members

    def add(self, members: Iterable[QuoteMember]) -> list[QuoteAssignment]:
        """Add a batch; the cluster of every new member, and of every member already in
        the index whose cluster id changed, sorted by member key."""
        changed: set[str] = set()
        for member in members:
            if self._admit(member):
                changed.add(member.key)
                changed.update(self._link(member))
        return [QuoteAssignment(key, self.cluster_of(key)) for key in sorted(changed)]

    def restore(self, members: Iterable[QuoteMember], clusters: Iterable[Iterable[str]]) -> None:
        """Members clustered before, as a store keeps them, without comparing them again:
        ``clusters`` gives the member keys of each cluster. Members added after are
        compared with these as with any others, so restoring and adding a batch gives
        the clusters that adding everything gives, but where a link ran through a
        member since gone (a reanalysed article's old attribution)."""
        for member in members:
            if self._admit(member) and len(member.words) >= self.params.min_words:
                seen = self._wordings.get(member.words)
                if seen is None:
                    self._index(member)
                else:
                    self._clusters.join(member.key, seen)
        for cluster in clusters:
            keys = [key for key in cluster if key in self._members]
            for key in keys[1:]:
                self._clusters.join(keys[0], key)

    def cluster_of(self, key: str) -> str:
        """The cluster id of a member (``QuoteMember.key``) in the index."""
        return self._clusters.first(key)

    def cluster(self, key: str) -> QuoteCluster:
        """The cluster of the member ``key``: first seen and every outlet that carried it."""
        members = sorted(self._clusters.members(key), key=self._order)
        return QuoteCluster(members[0], tuple(self._members[m] for m in members))

    def clusters(self, min_articles: int = 2) -> list[QuoteCluster]:
        """The clusters carried by at least ``min_articles`` articles: the most carried
        first, then by first seen."""
        found = [self.cluster(root) for root in self._clusters.roots()]
        found = [c for c in found if len(c.articles) >= min_articles]
        return sorted(found, key=lambda c: (-len(c.articles), -len(c), self._order(c.id)))

    def _admit(self, member: QuoteMember) -> bool:
        known = self._members.get(member.key)
        if known is not None:
            if known.words != member.words:
                raise RecordError(member.key, "is in the quote index with another content")
            return False
        self._members[member.key] = member
        self._clusters.add(member.key)
        return True

    def _link(self, member: QuoteMember) -> set[str]:
        """Link the member to the same quote elsewhere; the members whose cluster id changed."""
        words = member.words
        if len(words) < self.params.min_words:
            return set()
        seen = self._wordings.get(words)
        if seen is not None:  # the same words again (a wire copy): the same links
            return set(self._clusters.join(member.key, seen))
        mine = grams(words, self.params.gram_words)
        candidates = {other for gram in mine for other in self._by_gram.get(gram, ())}
        changed: set[str] = set()
        for other in sorted(candidates):
            if self._clusters.root(other) == self._clusters.root(member.key):
                continue  # joined already, through another member
            theirs = self._members[other].words
            if overlap(words, theirs, self.params.min_run) >= self.params.min_overlap:
                changed.update(self._clusters.join(member.key, other))
        self._index(member)
        return changed

    def _index(self, member: QuoteMember) -> None:
        """Make the member a candidate for those added after: its word runs, indexed."""
        self._wordings[member.words] = member.key
        for gram in grams(member.words, self.params.gram_words):
            self._by_gram[gram].append(member.key)

    def _order(self, key: str) -> tuple[tuple[bool, datetime], str, int, str]:
        member = self._members[key]
        return (published_key(member.published), member.article_id, member.start, key)
