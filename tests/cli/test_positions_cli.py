"""``onrecord positions`` and ``onrecord analyze --issue``, end to end, in process."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from conftest import REPO
from onrecord.cli import main
from onrecord.query import TRACKED_POSITION_COLUMNS

EXAMPLE_ISSUE = REPO / "examples" / "issues" / "strikes-inside-russia.toml"

TOLLS_ISSUE = """\
id = "bridge-tolls"
title = "Tolls on the city's bridges"
statement = "The city should charge tolls on its bridges"

[[topic]]
name = "tolls"
terms = ["toll", "tolls"]
"""

# Two reports of one German decision, and the U.S. moving from "only inside Ukraine"
# to limited strikes: invented articles, dated so that the weekdays resolve.
NEWS = [
    {
        "id": "reuters",
        "published": "2024-05-31T12:00:00+00:00",
        "title": "Germany Allows Strikes",
        "text": "Germany said on Friday that Ukraine may use German weapons to strike "
        "military targets inside Russia.",
    },
    {
        "id": "dw",
        "published": "2024-06-03T08:00:00+00:00",
        "title": "Berlin Follows Washington",
        "text": "Germany said on Friday that Ukraine may use German weapons to strike "
        "military targets inside Russia. The decision followed one by Washington.",
    },
    {
        "id": "wed",
        "published": "2024-05-29T12:00:00+00:00",
        "title": "U.S. Holds Line",
        "text": "The United States said on Wednesday that Ukraine may use American weapons "
        "only inside Ukraine.",
    },
    {
        "id": "thu",
        "published": "2024-05-30T18:00:00+00:00",
        "title": "U.S. Shifts",
        "text": "The United States said on Thursday that Ukraine may use American weapons to "
        "strike military targets inside Russia near Kharkiv, for counter-fire only.",
    },
]


@pytest.fixture
def tolls_issue(tmp_path: Path) -> Path:
    path = tmp_path / "tolls.toml"
    path.write_text(TOLLS_ISSUE, encoding="utf-8")
    return path


@pytest.fixture
def council(tmp_path: Path) -> Path:
    path = tmp_path / "council.txt"
    path.write_text(
        "Council Delays Vote\n\nMayor Lionel Achebe said the delay would not change the "
        "timetable.\n",
        encoding="utf-8",
    )
    return path


@pytest.fixture
def news(tmp_path: Path) -> Path:
    path = tmp_path / "news.jsonl"
    path.write_text("".join(json.dumps(item) + "\n" for item in NEWS), encoding="utf-8")
    return path


def positions(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(["positions", *args]) == 0
    return capsys.readouterr().out


# -- errors --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("id = ", "not valid TOML"),
        ('id = "x"\ntitle = "X"\nstatement = "X"\n', "needs at least one [[topic]]"),
        (TOLLS_ISSUE + '[[stance]]\nlabel = "yes"\ncoarse = "maybe"\n', "coarse 'maybe'"),
    ],
)
def test_a_bad_issue_file_is_one_line_and_exit_code_2(
    council: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, message: str
) -> None:
    issue = tmp_path / "bad.toml"
    issue.write_text(content, encoding="utf-8")
    for command in (["positions", "--issue"], ["analyze", "--issue"]):
        assert main([*command, str(issue), str(council)]) == 2
        captured = capsys.readouterr()
        assert captured.out == ""
        (line,) = captured.err.splitlines()
        assert line.startswith("onrecord: error: issue file ") and "bad.toml" in line
        assert message in line


def test_a_missing_issue_file_is_one_line(
    council: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["positions", "--issue", str(tmp_path / "none.toml"), str(council)]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert "none.toml" in line and "cannot be read" in line


def test_a_bad_date_is_one_line_and_exit_code_2(
    council: Path, tolls_issue: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["positions", "--issue", str(tolls_issue), str(council), "--as-of", "31/05/2024"]
    assert main(args) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert line == "onrecord: error: --as-of '31/05/2024' is not a date; give it as YYYY-MM-DD"


# -- output structure ----------------------------------------------------------------


def test_no_positions_gives_empty_outputs_and_a_note(
    council: Path, tolls_issue: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = ["--issue", str(tolls_issue), str(council)]
    assert json.loads(positions(capsys, *base, "--format", "json")) == []
    assert positions(capsys, *base, "--format", "csv").splitlines() == [
        ",".join(TRACKED_POSITION_COLUMNS)
    ]
    assert main(["positions", *base]) == 0
    captured = capsys.readouterr()
    table = captured.out.splitlines()
    assert table[0].startswith("== bridge-tolls  Tolls on the city's bridges")
    assert table[1].split()[:3] == ["ACTOR", "STANCE", "COARSE"]
    assert len(table) == 2
    assert "no positions on 'bridge-tolls'" in captured.err


def test_analyze_with_an_issue_adds_positions_to_each_article(
    council: Path, tolls_issue: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["analyze", str(council)]) == 0
    assert "positions" not in json.loads(capsys.readouterr().out)
    assert main(["analyze", "--issue", str(tolls_issue), str(council)]) == 0
    assert json.loads(capsys.readouterr().out)["positions"] == []
    assert main(["analyze", "--issue", str(tolls_issue), str(council), "--format", "table"]) == 0
    assert "  positions: none" in capsys.readouterr().out.splitlines()


# -- with positions found (these need the extractor of nlp/positions) -----------------


def test_timeline_formats_with_extracted_positions(
    news: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = ["--issue", str(EXAMPLE_ISSUE), str(news)]
    records = json.loads(positions(capsys, *base, "--format", "json"))
    by_actor = {(r["actor"]["id"], r["as_of"]): r for r in records}
    germany = by_actor["government-of-germany", "2024-05-31"]  # "on Friday", twice
    assert germany["coarse"] in {"for", "for_with_limits"}
    assert germany["articles"] == ["reuters", "dw"]
    assert {e["article"] for e in germany["evidence"]} == {"reuters", "dw"}
    for evidence in germany["evidence"]:
        assert set(evidence) == {"article", "text", "start", "end"}
        assert "German weapons" in evidence["text"]
    before = by_actor["government-of-the-united-states", "2024-05-29"]
    after = by_actor["government-of-the-united-states", "2024-05-30"]
    assert (before["stance"], before["shift"]) == ("forbids", False)
    assert (after["coarse"], after["shifted_from"]) == ("for_with_limits", "forbids")

    rows = list(csv.DictReader(io.StringIO(positions(capsys, *base, "--format", "csv"))))
    assert len(rows) == len(records)
    assert {row["articles"] for row in rows} >= {"reuters; dw"}
    assert {row["shifted_from"] for row in rows} == {"", "forbids"}

    table = positions(capsys, *base).splitlines()
    assert len(table) == 2 + len(records)
    assert any("← forbids" in line for line in table)


def test_as_of_with_extracted_positions(news: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = ["--issue", str(EXAMPLE_ISSUE), str(news), "--format", "json"]
    on_may_29 = json.loads(positions(capsys, *base, "--as-of", "2024-05-29"))
    assert [(r["actor"]["id"], r["stance"]) for r in on_may_29] == [
        ("government-of-the-united-states", "forbids")
    ]
    in_june = json.loads(positions(capsys, *base, "--as-of", "2024-06-05"))
    assert {r["actor"]["id"]: r["as_of"] for r in in_june} == {
        "government-of-germany": "2024-05-31",
        "government-of-the-united-states": "2024-05-30",
    }


def test_analyze_table_lists_positions_with_extracted_positions(
    news: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["analyze", "--issue", str(EXAMPLE_ISSUE), str(news), "--format", "table"]) == 0
    out = capsys.readouterr().out
    assert out.count("  positions on strikes-inside-russia:") == len(NEWS)
    assert "Government of Germany" in out


def test_an_undated_position_is_apart_and_never_the_latest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """ "had said" in an article of 5 June dates nothing: it must not end the U.S.'s
    timeline as if it were where the U.S. stood after 29 May."""
    path = tmp_path / "had-said.jsonl"
    later = {
        "id": "later",
        "published": "2024-06-05T12:00:00+00:00",
        "text": "The United States had said that Ukraine may use American weapons to strike "
        "military targets inside Russia.",
    }
    path.write_text(json.dumps(NEWS[2]) + "\n" + json.dumps(later) + "\n", encoding="utf-8")
    base = ["--issue", str(EXAMPLE_ISSUE), str(path)]
    dated, undated = positions(capsys, *base).split("-- undated:")
    assert "forbids" in dated and " permits " not in dated
    assert " permits " in undated and "forbids" not in undated
    for as_of in ("2024-06-10", "2024-06-05"):
        records = json.loads(positions(capsys, *base, "--as-of", as_of, "--format", "json"))
        assert [(r["stance"], r["undated"]) for r in records] == [
            ("forbids", False),
            ("permits", True),
        ]
    before = json.loads(positions(capsys, *base, "--as-of", "2024-06-01", "--format", "json"))
    assert [r["stance"] for r in before] == ["forbids"]  # not yet on record
    rows = list(csv.DictReader(io.StringIO(positions(capsys, *base, "--format", "csv"))))
    assert [(r["stance"], r["undated"]) for r in rows] == [("forbids", ""), ("permits", "yes")]


def test_width_zero_shows_whole_evidence_and_a_width_cuts_every_cell(
    news: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = ["--issue", str(EXAMPLE_ISSUE), str(news)]
    cut = positions(capsys, *base)
    whole = positions(capsys, *base, "--width", "0")
    sentence = "military targets inside Russia near Kharkiv, for counter-fire only."
    assert sentence not in cut and sentence in whole
    narrow = positions(capsys, *base, "--width", "12").splitlines()
    assert "Government …" in narrow[2]
    assert all(len(line) < 120 for line in narrow)
