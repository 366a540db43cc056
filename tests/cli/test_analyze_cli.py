"""`onrecord analyze`, `eval polnear` and `demo` end to end, in process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from onrecord.cli import main

ARTICLE = """Council Delays Vote On Bridge Tolls

The city council on Tuesday postponed its vote on bridge tolls, two officials said.

“We are not going to rush this,” said Councillor Priya Raman. “The numbers are old.”

Mayor Lionel Achebe said the delay would not change the timetable.
"""


@pytest.fixture
def article_file(tmp_path: Path) -> Path:
    path = tmp_path / "council.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_analyze_jsonl_shape_and_offsets(
    article_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["analyze", str(article_file)]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["id"] == "council"
    assert record["attributions"]
    for attribution in record["attributions"]:
        assert attribution["kind"] in {"direct", "indirect", "mixed"}
        for span in [attribution["source"], attribution["cue"], *attribution["content"]]:
            if span is not None:
                assert ARTICLE[span["start"] : span["end"]] == span["text"]
    sources = {a["source"]["text"] for a in record["attributions"] if a["source"]}
    assert "Mayor Lionel Achebe" in sources
    actors = [a["source"]["actor"] for a in record["attributions"] if a["source"]]
    achebe = next(actor for actor in actors if actor["name"] == "Lionel Achebe")
    assert (achebe["type"], achebe["role"], achebe["id"]) == ("person", "Mayor", "lionel-achebe")
    assert all(a["said_on"]["rule"] in {"published", "unknown"} for a in record["attributions"])


def test_analyze_table(article_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(article_file), "--format", "table"]) == 0
    out = capsys.readouterr().out
    assert "council" in out and "Lionel Achebe" in out  # the speaker, as resolved


def test_analyze_goes_on_after_a_bad_document(
    article_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert main(["analyze", str(empty), str(article_file), "--format", "json"]) == 1
    captured = capsys.readouterr()
    assert "empty.txt" in captured.err
    assert [r["id"] for r in json.loads(captured.out)] == ["council"]


def test_eval_polnear_on_a_tiny_brat_split(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "Mayor Lionel Achebe said the delay would not change the timetable.\n"
    (tmp_path / "dev" / "text").mkdir(parents=True)
    (tmp_path / "dev" / "attributions").mkdir(parents=True)
    (tmp_path / "dev" / "text" / "doc1.txt").write_text(text, encoding="utf-8")
    ann = (
        "T1\tSource 0 19\tMayor Lionel Achebe\n"
        "T2\tCue 20 24\tsaid\n"
        "T3\tContent 25 65\tthe delay would not change the timetable\n"
        "T4\tAttribution 20 24\tsaid\n"
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
    )
    (tmp_path / "dev" / "attributions" / "doc1_aaaa.ann").write_text(ann, encoding="utf-8")
    predictions = tmp_path / "pred.jsonl"
    args = ["eval", "polnear", "--data", str(tmp_path), "--split", "dev", "--json"]
    assert main([*args, "--predictions", str(predictions)]) == 0
    scores = json.loads(capsys.readouterr().out)
    assert scores["documents"] == 1
    line = json.loads(predictions.read_text(encoding="utf-8"))
    assert line["id"] == "doc1"
    assert line["attributions"][0]["cue"] == [[20, 24]]


def test_demo_prints_the_examples(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # the demo keeps its database in the working directory
    assert main(["demo"]) == 0
    assert (tmp_path / "onrecord-demo.db").exists()
    out = capsys.readouterr().out
    assert "harbour-bridge-tolls.txt" in out and "clinic-hours.txt" in out
    assert "Priya Raman" in out
    # The example issue's timeline: the transit authority's conditional support.
    assert "== harbour-bridge-tolls  Tolls on the Harbour Bridge" in out
    timeline = out.split("== harbour-bridge-tolls  Tolls")[1]
    assert "regional transit authority" in timeline and "for_with_limits" in timeline
