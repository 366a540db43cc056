"""Several topical sets: each set's figures, the macro average, held-out sets, the report."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from conftest import REPO
from onrecord.evaluate.topical import load_topical
from onrecord.evaluate.topical_sets import (
    FIGURES,
    DataSet,
    SetsReport,
    macro_average,
    score_set,
)
from onrecord.evaluate.topical_tables import format_sets_report, sets_report_dict
from onrecord.ingest.text import parse_text
from onrecord.issues import load_issue
from onrecord.model import (
    Actor,
    ActorType,
    Analysis,
    Attribution,
    AttributionKind,
    Coarse,
    Position,
    Span,
)

ISSUE_FILE = REPO / "examples" / "issues" / "strikes-inside-russia.toml"
ISSUE = load_issue(ISSUE_FILE)
TEXT = '"Kyiv may strike inside Russia," Blinken said. Moscow warned of a response.'
US, RUSSIA = "Government of the United States", "Government of Russia"
GOLD = {
    "attributions": [
        {
            "speaker_text": "Blinken",
            "speaker": "Antony Blinken",
            "cue": "said",
            "content": "Kyiv may strike inside Russia,",
            "kind": "direct",
        }
    ],
    "positions": [
        {"actor": US, "stance": "permits", "as_of": "2024-05-30", "evidence": TEXT[:46]},
        {"actor": RUSSIA, "stance": "warns_against", "as_of": None, "evidence": TEXT[47:]},
    ],
}


def make_set(root: Path, with_issue: bool = True) -> Path:
    (root / "articles").mkdir(parents=True)
    (root / "gold").mkdir()
    entry = {"id": "000", "language": "en", "published": "2024-05-30", "outlet": "X"}
    (root / "manifest.jsonl").write_text(json.dumps(entry) + "\n", encoding="utf-8")
    (root / "articles" / "000.txt").write_text(TEXT, encoding="utf-8")
    (root / "gold" / "000.json").write_text(json.dumps(GOLD), encoding="utf-8")
    if with_issue:
        shutil.copy(ISSUE_FILE, root / "issue.toml")
    return root


def analysis(speaker: str, positions: list[Position]) -> Analysis:
    article = parse_text(TEXT, external_id="000", language="en")
    content = Span.of(TEXT, 1, 30)
    attribution = Attribution(
        content=[content],
        cue=None,
        source=None,
        kind=AttributionKind.DIRECT,
        confidence=1.0,
        actor=Actor(speaker, ActorType.PERSON),
    )
    return Analysis(article, [attribution], positions=positions)


def position(actor: str, stance: str, coarse: Coarse, as_of: str | None, start: int) -> Position:
    return Position(
        issue=ISSUE.id,
        actor=Actor(actor, ActorType.GOVERNMENT),
        stance=stance,
        coarse=coarse,
        conditions=None,
        as_of=dt.date.fromisoformat(as_of) if as_of else None,
        evidence=[Span.of(TEXT, start, start + 20)],
        confidence=1.0,
        method="test",
    )


FOUND = [
    position(US, "permits", Coarse.FOR, "2024-05-31", 0),  # a wrong date
    position("Moscow", "warns_against", Coarse.AGAINST, None, 47),  # a wrong actor
]


def scored(root: Path, held_out: bool = False, speaker: str = "Antony Blinken"):
    data_set = DataSet(root, held_out=held_out)
    issue = load_issue(data_set.issue_file()) if data_set.issue_file() else None
    return score_set(data_set, load_topical(root), [analysis(speaker, FOUND)], issue)


def test_a_set_uses_the_issue_given_else_its_own_else_none(tmp_path: Path) -> None:
    own, bare = make_set(tmp_path / "own"), make_set(tmp_path / "bare", with_issue=False)
    assert DataSet(own).issue_file() == own / "issue.toml"
    assert DataSet(own, issue=ISSUE_FILE).issue_file() == ISSUE_FILE
    assert DataSet(bare).issue_file() is None
    assert DataSet(own).name == "own"


def test_a_set_has_its_figures_and_its_errors_by_class(tmp_path: Path) -> None:
    result = scored(make_set(tmp_path / "s"), speaker="Blinken")
    figures = result.figures()
    assert list(figures) == list(FIGURES)
    assert figures["attribution_f1"] == 1.0 and figures["speaker_accuracy"] == 0.0
    assert figures["position_p"] == 0.5 and figures["position_dated_f1"] == 0.0
    counts = result.error_counts
    assert counts is not None
    assert (counts.wrong_date, counts.wrong_actor, counts.gold) == (1, 1, 2)
    (speaker_error,) = result.speaker_errors
    assert (speaker_error.gold.speaker, speaker_error.predicted.actor.name) == (
        "Antony Blinken",
        "Blinken",
    )


def test_a_set_without_an_issue_has_attribution_figures_only(tmp_path: Path) -> None:
    result = scored(make_set(tmp_path / "s", with_issue=False))
    assert result.issue is None and result.error_counts is None and result.outcomes == ()
    figures = result.figures()
    assert figures["attribution_f1"] == 1.0 and figures["position_f1"] is None


def test_a_held_out_set_keeps_no_errors_at_all(tmp_path: Path) -> None:
    result = scored(make_set(tmp_path / "check"), held_out=True, speaker="Blinken")
    assert result.outcomes == () and result.speaker_errors == () and result.error_counts is None
    assert result.figures()["position_p"] == 0.5  # its figures are there


def test_the_macro_average_is_the_mean_of_each_figure_over_the_sets_having_it() -> None:
    rows = [
        {"attribution_f1": 0.5, "position_f1": 0.2},
        {"attribution_f1": 1.0, "position_f1": None},
    ]
    macro = macro_average(rows)
    assert macro["attribution_f1"] == 0.75 and macro["position_f1"] == 0.2
    assert macro["speaker_accuracy"] is None


def test_the_report_keeps_held_out_sets_apart(tmp_path: Path) -> None:
    first = scored(make_set(tmp_path / "first"), speaker="Blinken")
    second = scored(make_set(tmp_path / "second", with_issue=False))
    check = scored(make_set(tmp_path / "check"), held_out=True)
    report = SetsReport([first, second, check])
    assert report.macro()["attribution_f1"] == 1.0
    assert report.macro()["speaker_accuracy"] == 0.5  # 0.0 and 1.0; the check set's 1.0 not counted
    assert report.error_counts().gold == 2  # the first set's; the second has no issue

    lines = format_sets_report(report).splitlines()
    rows: dict[str, list[str]] = {}
    for line in lines:  # the first row of each name: the figures table's
        rows.setdefault(line.split()[0] if line.split() else "", line.split())
    assert rows["first"][1:5] == ["1", "1.000", "1.000", "1.000"]
    assert rows["second"][-6:] == ["-"] * 6
    assert rows["macro"][:3] == ["macro", "(2", "sets)"]
    assert any(line.startswith("held out: check ") for line in lines)
    assert "(held-out sets are not broken down)" in lines
    classes = lines.index(next(line for line in lines if line.startswith("positions by class")))
    assert lines[classes + 1].split()[:3] == ["set", "gold", "correct"]
    assert lines[classes + 3].split() == ["first", "2", "0", "1", "0", "1", "0", "2", "0"]

    listed = format_sets_report(report, errors=True)
    assert "first/000  wrong_date" in listed and "first/000  wrong_actor" in listed
    assert "first/000  wrong_speaker" in listed and "check/" not in listed

    data = sets_report_dict(report, errors=True)
    assert [s["name"] for s in data["sets"]] == ["first", "second"]
    assert data["macro"]["sets"] == 2 and data["position_classes"]["wrong_actor"] == 1
    assert [e["class"] for e in data["sets"][0]["errors"]["positions"]] == [
        "wrong_date",
        "wrong_actor",
    ]
    (held,) = data["held_out"]
    assert set(held) == {"name", "data", "issue", "articles", "figures"}
    json.dumps(data)  # JSON-ready as it is


@pytest.mark.parametrize("errors", [False, True])
def test_a_report_of_held_out_sets_alone_lists_nothing(tmp_path: Path, errors: bool) -> None:
    report = SetsReport([scored(make_set(tmp_path / f"c{errors}"), held_out=True)])
    text = format_sets_report(report, errors=errors)
    assert "wrong_" not in text and f"held out: c{errors}" in text
