"""On the shared data: the syndicated copies the manifests name are the groups found, and
the quotes topical-dev's two copies share are linked. Skipped without ../shared."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import onrecord
from conftest import shared_path
from onrecord.evaluate.topical import load_topical
from onrecord.evaluate.topical_run import topical_article
from onrecord.model import Article
from onrecord.resolve import cluster_quotes, group_articles


def _articles(folder: Path) -> tuple[list[Article], set[frozenset[str]]]:
    """The folder's articles, named FOLDER/ID, and the copies its manifest names."""
    articles, copies = [], set()
    for item in load_topical(folder):
        article = topical_article(item)
        article.external_id = f"{folder.name}/{item.id}"
        articles.append(article)
    for line in (folder / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        for other in entry["syndicated_with"]:
            copies.add(frozenset({f"{folder.name}/{entry['id']}", f"{folder.name}/{other}"}))
    return articles, copies


def _groups(articles: list[Article]) -> set[frozenset[str]]:
    names = {a.id: a.name for a in articles}
    return {frozenset(names[m] for m in g.members) for g in group_articles(articles)}


def test_topical_devs_two_copies_are_its_one_group() -> None:
    articles, copies = _articles(shared_path("data", "topical-dev"))
    assert copies == {frozenset({"topical-dev/001", "topical-dev/002"})}
    assert _groups(articles) == copies


def test_the_groups_in_all_shared_folders_are_the_copies_their_manifests_name() -> None:
    folders = [shared_path("data", "topical-dev")]
    for split in ("issues-dev", "issues-train"):
        folders += sorted(p for p in shared_path("data", split).iterdir() if p.is_dir())
    articles, copies = [], set()
    for folder in folders:
        found, named = _articles(folder)
        articles += found
        copies |= named
    assert len(copies) == 7
    assert _groups(articles) == copies


def test_the_quotes_the_two_copies_share_are_linked() -> None:
    articles, _ = _articles(shared_path("data", "topical-dev"))
    pair = [a for a in articles if a.name in ("topical-dev/001", "topical-dev/002")]
    analyses = list(onrecord.analyze_many(pair))
    in_both = [c for c in cluster_quotes(analyses) if len(c.articles) == 2]
    assert any("In terms of what the Ukrainians do" in c.text for c in in_both)
    assert any("absolutely has the right" in c.text for c in in_both)
    for cluster in in_both:
        assert set(cluster.outlets) == {"The Independent", "Evening Standard"}
        first = cluster.first_seen.published
        assert first is not None and first.date() == date(2024, 5, 3)  # both of that day
