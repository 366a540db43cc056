"""Acceptance on real articles: the topical-dev articles ingested twice leave the same rows."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import REPO
from onrecord import api

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
