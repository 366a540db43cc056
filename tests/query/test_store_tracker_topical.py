"""Acceptance on real articles: the tracker from the store equals `onrecord positions
--issue FILE INPUT…` on the same files (the topical-dev articles)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import REPO
from onrecord import api
from onrecord.cli import main

pytestmark = pytest.mark.shared
ISSUE = REPO / "examples" / "issues" / "strikes-inside-russia.toml"


def _positions(capsys: pytest.CaptureFixture[str], *args: str) -> list[dict[str, object]]:
    assert main(["positions", *args, "--format", "json"]) == 0
    found: list[dict[str, object]] = json.loads(capsys.readouterr().out)
    return found


def test_the_stores_tracker_is_the_files_tracker(
    topical_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    articles = str(topical_dir / "articles")
    db = str(tmp_path / "topical.db")
    summary = api.ingest_articles([articles], db=db, issues=[ISSUE])
    assert not summary.failures and summary.positions > 0
    capsys.readouterr()
    issue = api.load_issue(ISSUE).id
    from_files = _positions(capsys, "--issue", str(ISSUE), articles)
    assert len(from_files) > 10
    assert _positions(capsys, issue, "--db", db) == from_files
    for day in ("2024-05-03", "2024-05-31", "2024-06-30"):
        on_day = _positions(capsys, "--issue", str(ISSUE), articles, "--as-of", day)
        assert _positions(capsys, issue, "--db", db, "--as-of", day) == on_day, day
