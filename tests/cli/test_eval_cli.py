"""`onrecord eval topical --issue` end to end, on topical-dev when ../shared has it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import REPO, shared_path
from onrecord.cli import build_parser, main

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


def topical_sets(*argv: str) -> list[tuple[str, str | None, bool]]:
    args = build_parser().parse_args(["eval", "topical", *argv])
    return [(str(s.data), str(s.issue) if s.issue else None, s.held_out) for s in args.sets]


def test_each_issue_belongs_to_the_set_before_it() -> None:
    argv = ["--data", "a", "--issue", "x.toml", "--data", "b", "--held-out", "c", "--issue", "z"]
    assert topical_sets(*argv) == [("a", "x.toml", False), ("b", None, False), ("c", "z", True)]
    # the one-set form in either order, as before
    assert topical_sets("--issue", "x.toml", "--data", "a") == [("a", "x.toml", False)]


def test_two_issues_for_one_set_are_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        topical_sets("--data", "a", "--issue", "x.toml", "--issue", "y.toml")
    assert "two issue files for one set" in capsys.readouterr().err


def test_no_set_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", "topical", "--issue", str(ISSUE_FILE)]) == 2
    assert "give at least one --data DIR" in capsys.readouterr().err


@pytest.mark.shared
def test_eval_topical_scores_several_sets_with_their_own_issues(
    capsys: pytest.CaptureFixture[str],
) -> None:
    dev = shared_path("data", "issues-dev")
    argv = ["eval", "topical", "--format", "json", "--errors"]
    argv += ["--data", str(dev / "eu-ev-tariffs"), "--data", str(dev / "us-tiktok-ban")]
    assert main(argv) == 0
    report = json.loads(capsys.readouterr().out)
    assert [(s["name"], s["issue"]) for s in report["sets"]] == [
        ("eu-ev-tariffs", "eu-ev-tariffs"),
        ("us-tiktok-ban", "us-tiktok-ban"),
    ]
    assert report["macro"]["sets"] == 2
    for data_set in report["sets"]:
        classes, positions = data_set["position_classes"], data_set["positions"]
        assert classes["gold"] == positions["actor_stance"]["gold"]
        assert classes["predicted"] == positions["actor_stance"]["predicted"]
        assert classes["correct"] == positions["actor_stance_as_of"]["correct"]
        listed = data_set["errors"]["positions"]
        assert len(listed) == classes["gold"] + classes["predicted"] - 2 * classes["correct"] - (
            classes["wrong_date"] + classes["wrong_coarse"] + classes["wrong_actor"]
        )
    f1 = [s["figures"]["position_f1"] for s in report["sets"]]
    assert report["macro"]["position_f1"] == pytest.approx(sum(f1) / 2)
    assert report["position_classes"]["gold"] == 21 + 30
