"""The main job: ``onrecord demo`` stores the examples, prints from the store, keeps it."""

from __future__ import annotations

from pathlib import Path

import pytest

from onrecord import api
from onrecord.cli import main


def test_the_demo_stores_once_and_prints_the_same_from_the_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["demo"]) == 0
    first = capsys.readouterr().out
    assert main(["demo"]) == 0
    assert capsys.readouterr().out == first
    with api.open_store("onrecord-demo.db") as store:
        counts = store.counts()
        assert counts["articles"] == counts["analyses"] == 2  # the second run stored nothing
        assert counts["positions"] >= 1 and counts["actors"] > 5
        assert [run.command for run in store.runs()] == ["ingest", "reanalyze"] * 2
    assert "Priya Raman" in first and "for_with_limits" in first
