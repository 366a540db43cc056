"""Copies and quotes linked over the whole store (``query.link_copies``), on SQLite and
PostgreSQL: articles stored without a signature (by a run killed before its end, or
before signatures were kept) are signed by the next run, and what it finds is what
clustering every stored quote at once finds."""

from __future__ import annotations

from onrecord import api
from onrecord.query import link_copies
from onrecord.resolve import cluster_quotes, group_articles
from onrecord.store import Store
from stored_corpus import fill


def test_unsigned_articles_are_signed_once_and_linked_with_the_rest(db_url: str) -> None:
    with api.open_store(db_url) as store:
        stored = fill(store)
        assert len(store.unsigned_articles()) == len(stored)
        linked = link_copies(store, None)
        assert linked.signed == len(stored) and store.unsigned_articles() == []
        assert _clusters(store) == {
            frozenset(m.key for m in c) for c in cluster_quotes(store.analyses())
        }
        groups = [list(g.members) for g in group_articles(a.article for a in store.analyses())]
        assert store.syndication_groups() == groups
        again = link_copies(store, None)  # nothing new: the same, from what was kept
        assert (again.signed, again.groups, again.clusters) == (0, linked.groups, linked.clusters)
        assert _clusters(store) == {
            frozenset(m.key for m in c) for c in cluster_quotes(store.analyses())
        }
    # The wire story and its copy; the official's words in both, and in CBC.
    assert (linked.groups, linked.clusters) == (1, 2)


def _clusters(store: Store) -> set[frozenset[str]]:
    key = {c.id: f"{c.article_id}:{c.local_id}" for c in store.quote_contents()}
    return {frozenset(key[i] for i in ids) for ids in store.quote_cluster_ids()}
