"""Acceptance on real articles: the topical-dev articles ingested twice leave the same rows."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import REPO
from onrecord import api
from onrecord.resolve import cluster_quotes
from onrecord.store import Store

pytestmark = pytest.mark.shared
ISSUE = REPO / "examples" / "issues" / "strikes-inside-russia.toml"


def test_topical_dev_ingested_twice_leaves_the_same_rows(db_url: str, topical_dir: Path) -> None:
    articles = topical_dir / "articles"
    first = api.ingest_articles([articles], db=db_url, issues=[ISSUE])
    assert first.new == len(list(articles.glob("*.txt"))) and not first.failures
    assert first.positions > 0
    with api.open_store(db_url) as store:
        counts = store.counts()
        records = [a.to_dict(with_article=True) for a in store.analyses()]
    second = api.ingest_articles([articles], db=db_url, issues=[ISSUE])
    assert (second.new, second.unchanged) == (0, first.new)
    with api.open_store(db_url) as store:
        assert {k: v for k, v in store.counts().items() if k != "runs"} == {
            k: v for k, v in counts.items() if k != "runs"
        }
        assert [a.to_dict(with_article=True) for a in store.analyses()] == records


def test_copies_ingested_in_two_batches_are_one_group_their_quotes_linked(
    db_url: str, topical_dir: Path
) -> None:
    """001 and 002 are one wire story (The Independent, the Evening Standard): given
    one a day apart, the store still groups them and links the quotes they share, as
    clustering every quote of the store at once does."""
    articles = topical_dir / "articles"
    api.ingest_articles([articles / "001.txt"], db=db_url)
    with api.open_store(db_url) as store:
        assert store.syndication_groups() == [] and store.quote_cluster_ids() == []
    summary = api.ingest_articles([articles / "002.txt"], db=db_url)
    assert (summary.groups, summary.quote_clusters) == (1, 2)
    with api.open_store(db_url) as store:
        name = {a.id: Path(a.source or "").name for a in store.articles()}
        groups = [[name[m] for m in group] for group in store.syndication_groups()]
        assert groups == [["001.txt", "002.txt"]]  # both of 3 May: the smaller id first
        stored = _clusters(store)
        expected = {
            frozenset(m.key for m in cluster) for cluster in cluster_quotes(store.analyses())
        }
        assert stored == expected and len(stored) == 2
        assert all({key.split(":")[0] for key in c} == set(name) for c in stored)
        shared = store.quote_cluster_ids()[0]
        provenance = api.provenance(shared[-1], store)
        assert {q.article_id for q in provenance.carried_by} == set(name)
        assert provenance.first_seen.id in shared
    again = api.ingest_articles([articles], db=db_url)  # the rest: no other copies
    assert again.unchanged == 2 and again.groups == 1
    with api.open_store(db_url) as store:
        assert len(store.syndication_groups()) == 1 and len(store.signatures()) == again.inputs
        expected = {
            frozenset(m.key for m in cluster) for cluster in cluster_quotes(store.analyses())
        }
        assert _clusters(store) == expected


def _clusters(store: Store) -> set[frozenset[str]]:
    """The store's quote clusters as sets of ``ARTICLE_ID:ATTRIBUTION_ID`` keys."""
    key = {c.id: f"{c.article_id}:{c.local_id}" for c in store.quote_contents()}
    return {frozenset(key[i] for i in ids) for ids in store.quote_cluster_ids()}
