"""Annotator agreement: every other annotator scored against the first, as a system is."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from onrecord.cli import main
from onrecord.evaluate import load_annotators, score_agreement
from onrecord.model.gold import RangeAttribution

TEXT = "The mayor said the bridge will open. Critics disagree."
#       0123456789012345678901234567890123456789012345678901234
SAID = (
    "T1\tSource 0 9\tThe mayor\nT2\tCue 10 14\tsaid\nT3\tContent 15 35\tthe bridge will open\n"
    "E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3\n"
)
# The same content and cue, but "mayor" alone as the source, and a second relation.
SAID_AND_DISAGREE = (
    "T1\tSource 4 9\tmayor\nT2\tCue 10 14\tsaid\nT3\tContent 15 35\tthe bridge will open\n"
    "E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3\n"
    "T4\tSource 37 44\tCritics\nT5\tCue 45 53\tdisagree\nT6\tContent 45 53\tdisagree\n"
    "E2\tAttribution:T5 Source:T4 Cue:T5 Content:T6\n"
)


def _write_split(root: Path) -> None:
    files = {
        "text/a.txt": TEXT,
        "attributions/a_0001.ann": SAID,
        "attributions/a_0002.ann": SAID_AND_DISAGREE,
        "attributions/a_0003.ann": "",
        "text/b.txt": TEXT,  # annotated once: no pair to score
        "attributions/b_0001.ann": SAID,
    }
    for name, content in files.items():
        path = root / "dev" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8", newline="")


def test_every_annotator_is_read_in_id_order(tmp_path: Path) -> None:
    _write_split(tmp_path)
    first, second = load_annotators(tmp_path, "dev")
    assert (first.id, list(first.annotations)) == ("a", ["0001", "0002", "0003"])
    assert first.annotations["0001"] == [RangeAttribution(((0, 9),), ((10, 14),), ((15, 35),))]
    assert len(first.annotations["0002"]) == 2 and first.annotations["0003"] == []
    assert (second.id, list(second.annotations)) == ("b", ["0001"])


def test_others_are_scored_against_the_first_annotator(tmp_path: Path) -> None:
    _write_split(tmp_path)
    result = score_agreement(load_annotators(tmp_path, "dev"))
    assert (result.articles, result.report.documents) == (1, 2)  # one article, two pairs
    matched = result.report.attribution.matched
    # 0002 finds the one gold relation and adds one; 0003 finds nothing
    assert (matched.correct, matched.predicted, matched.gold) == (1, 2, 2)
    assert result.report.attribution.with_source.correct == 1  # "mayor" shares a token
    source = result.report.roles["source"].exact
    assert (source.correct, source.predicted, source.gold) == (0, 2, 2)
    cue = result.report.roles["cue"].exact
    assert (cue.correct, cue.predicted, cue.gold) == (1, 2, 2)


def test_eval_agreement_prints_the_table_and_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write_split(tmp_path)
    assert main(["eval", "agreement", "--data", str(tmp_path), "--split", "dev"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("1 articles annotated more than once")
    assert lines[2] == "2 annotator pairs"
    row = next(line.split() for line in lines if line.startswith("attribution (a)"))
    assert row[2:] == ["0.500", "0.500", "0.500", "1", "2", "2"]
    assert main(["eval", "agreement", "--data", str(tmp_path), "--split", "dev", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["articles"], report["documents"]) == (1, 2)
    assert report["attribution_b"]["correct"] == 1


def test_a_missing_split_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _write_split(tmp_path)
    assert main(["eval", "agreement", "--data", str(tmp_path), "--split", "dev", "test"]) != 0
    assert "no such directory" in capsys.readouterr().err
