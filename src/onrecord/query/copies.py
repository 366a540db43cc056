"""Syndication groups and quote clusters kept in the store, batch after batch.

After each ``ingest`` and ``reanalyze`` the store's groups of copies and its quote
clusters are brought up to date over every article it holds, not over the batch alone
(docs/store.md). Each article is signed once (``resolve.signatures``) and its signature
kept; the syndication index is rebuilt from the kept signatures, which is cheap, and the
new articles added to it. Quotes: the clusters kept are restored and only the quotes of
the new articles compared with the others; a reanalyze, which replaces attributions,
clusters every quote again. The new signatures, the groups and the clusters are written
in one transaction, so an article that has a signature always had its quotes compared:
after a crash, the next run signs and compares what the killed one had not.
"""

from __future__ import annotations

from dataclasses import dataclass

from onrecord.model import AttributionKind
from onrecord.resolve import QuoteCluster as FoundCluster
from onrecord.resolve import (
    QuoteIndex,
    QuoteMember,
    QuoteParams,
    SignedArticle,
    SyndicationIndex,
    SyndicationParams,
    signed_article,
)
from onrecord.resolve import SyndicationGroup as FoundGroup
from onrecord.store import QuoteCluster, QuoteContent, Store, SyndicationGroup

__all__ = ["QUOTE_METHOD", "SYNDICATION_METHOD", "Linked", "link_copies"]

# What the store's rows say made them (their ``method``), the parameters named.
_GROUPING, _QUOTING = SyndicationParams(), QuoteParams()
SYNDICATION_METHOD = (
    f"minhash-lsh: {_GROUPING.shingle_words}-word shingles, {_GROUPING.num_perm} "
    f"permutations, {_GROUPING.bands}x{_GROUPING.rows} bands, "
    f"containment >= {_GROUPING.min_containment}"
)
QUOTE_METHOD = (
    f"word overlap: >= {_QUOTING.min_overlap:.0%} of >= {_QUOTING.min_words} words, "
    f"in runs of {_QUOTING.min_run}"
)


@dataclass(frozen=True)
class Linked:
    """What linking found: articles signed now, groups of copies, quote clusters."""

    signed: int
    groups: int
    clusters: int


def link_copies(store: Store, run_id: int | None, *, again: bool = False) -> Linked:
    """Sign the store's unsigned articles and write every group of copies and every
    quote carried by two articles or more; ``again``: compare every quote anew."""
    new_ids = store.unsigned_articles()
    new = [signed_article(article) for article in store.articles(new_ids)]
    index = SyndicationIndex()
    kept = store.signatures()
    index.add(SignedArticle.from_bytes(s.article_id, s.published, s.data) for s in kept)
    index.add(new)
    groups = [_group(group, index) for group in index.groups()]
    clusters = _clusters(store, set() if again else set(new_ids), again)
    signed = [(s.article_id, s.signature.to_bytes()) for s in new]
    store.put_copies(signed, groups, clusters, run_id)
    return Linked(len(new), len(groups), len(clusters))


def _group(group: FoundGroup, index: SyndicationIndex) -> SyndicationGroup:
    """A group as the store keeps it: each member's estimated containment with the first."""
    first = index.signed(group.id)
    members: dict[str, float | None] = {
        member: round(first.signature.containment(index.signed(member).signature), 4)
        for member in group.members
    }
    day = first.published.date() if first.published else None
    return SyndicationGroup(group.id, members, SYNDICATION_METHOD, day)


def _clusters(store: Store, new_articles: set[str], again: bool) -> list[QuoteCluster]:
    contents = store.quote_contents()
    row_of = {_key(c): c.id for c in contents}
    index = QuoteIndex()
    if not again:
        old = [c for c in contents if c.article_id not in new_articles]
        key_of = {c.id: _key(c) for c in old}
        kept = [[key_of[i] for i in ids if i in key_of] for ids in store.quote_cluster_ids()]
        index.restore((_member(c) for c in old), kept)
        contents = [c for c in contents if c.article_id in new_articles]
    index.add(_member(c) for c in contents)
    return [_cluster(found, row_of) for found in index.clusters()]


def _cluster(found: FoundCluster, row_of: dict[str, int]) -> QuoteCluster:
    first = found.first_seen
    day = first.published.date() if first.published else None
    members = [row_of[member.key] for member in found]
    return QuoteCluster(found.text, row_of[first.key], members, QUOTE_METHOD, day)


def _member(content: QuoteContent) -> QuoteMember:
    return QuoteMember(
        article_id=content.article_id,
        attribution_id=content.local_id,
        text=content.text,
        start=content.start,
        kind=AttributionKind(content.kind),
        outlet=content.outlet,
        published=content.published,
        speaker=content.speaker,
    )


def _key(content: QuoteContent) -> str:
    return f"{content.article_id}:{content.local_id}"
