"""Near-duplicate articles: wire copies re-published by many outlets, as groups.

Each article's body becomes a MinHash signature (``resolve.signatures``); a MinHash LSH
index (datasketch) proposes the pairs whose signatures share a band, and a pair is
linked when the estimated containment of the shorter body in the longer reaches
``SyndicationParams.min_containment``. Groups are the connected components of the
links. Whether two articles are linked depends on their two signatures only, so
adding articles batch by batch gives the groups that adding them all at once gives.

A group is named by its first member: the earliest published, undated ones last, ties
to the smallest article id. A group's id changes only when a new article is earlier
than its first member or joins it to a group with an earlier first member; ``add``
returns those changes with the new articles' groups, for the store to write.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from datasketch import MinHashLSH

from onrecord.model import Article, RecordError
from onrecord.resolve._components import Components, published_key
from onrecord.resolve.signatures import Signature, SyndicationParams, signature

__all__ = [
    "GroupAssignment",
    "Link",
    "SignedArticle",
    "SyndicationGroup",
    "SyndicationIndex",
    "group_articles",
    "signed_article",
]


@dataclass(frozen=True)
class SignedArticle:
    """What the index keeps of an article: its id, when it was published, its signature."""

    article_id: str
    published: datetime | None
    signature: Signature

    @classmethod
    def from_bytes(cls, article_id: str, published: datetime | None, data: bytes) -> SignedArticle:
        """An article as the store keeps it: the signature as ``Signature.to_bytes`` wrote it."""
        return cls(article_id, published, Signature.from_bytes(data, where=article_id))


@dataclass(frozen=True)
class Link:
    """Two articles found to be copies, with the estimates that decided it."""

    first: str  # the smaller article id of the two
    second: str
    jaccard: float
    containment: float


@dataclass(frozen=True)
class GroupAssignment:
    article_id: str
    group_id: str  # the id of the group's first member


@dataclass(frozen=True)
class SyndicationGroup:
    id: str
    members: tuple[str, ...]  # article ids, first member first, in the order that names it
    links: tuple[Link, ...]


def signed_article(article: Article, params: SyndicationParams | None = None) -> SignedArticle:
    return SignedArticle(article.id, article.published, signature(article, params))


def group_articles(
    articles: Iterable[Article], params: SyndicationParams | None = None
) -> list[SyndicationGroup]:
    """The groups of two or more copies among ``articles``, largest first."""
    index = SyndicationIndex(params)
    index.add(signed_article(article, index.params) for article in articles)
    return index.groups()


class SyndicationIndex:
    """Signed articles, their links and groups; build it from stored signatures, then
    ``add`` each new batch."""

    def __init__(self, params: SyndicationParams | None = None) -> None:
        self.params = params or SyndicationParams()
        self._lsh = MinHashLSH(
            num_perm=self.params.num_perm, params=(self.params.bands, self.params.rows)
        )
        self._articles: dict[str, SignedArticle] = {}
        self._groups: Components[str] = Components(self._order)
        self._links: list[Link] = []

    def __len__(self) -> int:
        return len(self._articles)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._articles

    def add(self, articles: Iterable[SignedArticle]) -> list[GroupAssignment]:
        """Add a batch; the group of every new article, and of every article already in
        the index whose group id changed, sorted by article id."""
        changed: set[str] = set()
        for article in articles:
            if self._admit(article):
                changed.add(article.article_id)
                changed.update(self._link(article))
        return [GroupAssignment(a, self.group_of(a)) for a in sorted(changed)]

    def signed(self, article_id: str) -> SignedArticle:
        """The article with ``article_id`` as the index holds it."""
        return self._articles[article_id]

    def group_of(self, article_id: str) -> str:
        """The group id of an article in the index (its own id when it has no copy)."""
        return self._groups.first(article_id)

    def groups(self, min_size: int = 2) -> list[SyndicationGroup]:
        """The groups of at least ``min_size`` articles, largest first, then by id."""
        by_group: dict[str, list[Link]] = {}
        for link in self._links:
            by_group.setdefault(self.group_of(link.first), []).append(link)
        found = []
        for root in self._groups.roots():
            members = sorted(self._groups.members(root), key=self._order)
            if len(members) >= min_size:
                group_id = members[0]
                links = sorted(by_group.get(group_id, []), key=lambda k: (k.first, k.second))
                found.append(SyndicationGroup(group_id, tuple(members), tuple(links)))
        return sorted(found, key=lambda g: (-len(g.members), self._order(g.id)))

    def links(self) -> list[Link]:
        return list(self._links)

    def _admit(self, article: SignedArticle) -> bool:
        """Whether the article is new; the same id again with another signature is an error."""
        known = self._articles.get(article.article_id)
        if known is not None:
            if known.signature != article.signature:
                raise RecordError(
                    article.article_id, "is in the syndication index with another signature"
                )
            return False
        article.signature.check(self.params, where=article.article_id)
        self._articles[article.article_id] = article
        self._groups.add(article.article_id)
        return True

    def _link(self, article: SignedArticle) -> set[str]:
        """Link the article to its copies in the index; the articles whose group id changed."""
        mine = article.signature
        if mine.size < self.params.min_shingles:
            return set()
        changed: set[str] = set()
        for other_id in sorted(self._lsh.query(mine.minhash)):
            theirs = self._articles[other_id].signature
            containment = mine.containment(theirs)
            if containment >= self.params.min_containment:
                first, second = sorted((article.article_id, other_id))
                self._links.append(Link(first, second, mine.jaccard(theirs), containment))
                changed.update(self._groups.join(article.article_id, other_id))
        self._lsh.insert(article.article_id, mine.minhash, check_duplication=False)
        return changed

    def _order(self, article_id: str) -> tuple[tuple[bool, datetime], str]:
        return (published_key(self._articles[article_id].published), article_id)
