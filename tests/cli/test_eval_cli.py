"""`onrecord eval topical --issue` end to end, on topical-dev when ../shared has it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import REPO
from onrecord.cli import main

ISSUE_FILE = REPO / "examples" / "issues" / "strikes-inside-russia.toml"


@pytest.mark.shared
def test_eval_topical_with_an_issue_prints_a_positions_table(
    topical_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["eval", "topical", "--data", str(topical_dir), "--issue", str(ISSUE_FILE)]) == 0
    lines = capsys.readouterr().out.splitlines()
    title = next(i for i, line in enumerate(lines) if line.startswith("positions on "))
    header = lines[title + 1].split()
    assert header[:5] == ["language", "articles", "P", "R", "F1"]
    assert {"P+as_of", "R+as_of", "F1+as_of", "fine", "acc", "gold"} <= set(header)
    rows = {line.split()[0]: line.split()[1:] for line in lines[title + 3 : title + 6]}
    assert list(rows) == ["de", "en", "all"]
    for values in rows.values():
        figures = [float(value) for value in values]  # every cell is a number
        assert all(0.0 <= f <= 1.0 for f in figures[1:8])
    assert rows["all"][0] == "11" and rows["all"][-1] == "34"  # articles, gold positions
    assert any(line.startswith("skipped") and "018" in line for line in lines)


@pytest.mark.shared
def test_eval_topical_json_has_positions_only_with_an_issue(
    topical_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["eval", "topical", "--data", str(topical_dir), "--json"]) == 0
    assert "positions" not in json.loads(capsys.readouterr().out)
    args = ["eval", "topical", "--data", str(topical_dir), "--issue", str(ISSUE_FILE), "--json"]
    assert main(args) == 0
    positions = json.loads(capsys.readouterr().out)["positions"]
    assert positions["issue"] == "strikes-inside-russia"
    assert positions["total"]["actor_stance"]["gold"] == 34
    assert set(positions["by_language"]) == {"de", "en"}
