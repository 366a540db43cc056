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


def test_analyze_output_holds_its_article_and_reads_back_in(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "council.jsonl"
    record = {"id": "council", "url": "https://example.org/c", "published": "2024-05-28"}
    source.write_text(json.dumps({**record, "text": ARTICLE}) + "\n", encoding="utf-8")
    assert main(["analyze", str(source)]) == 0
    first = capsys.readouterr().out
    article = json.loads(first)["article"]
    assert (article["url"], article["published"], article["text"]) == (
        "https://example.org/c",
        "2024-05-28T00:00:00",
        ARTICLE,
    )
    analyses = tmp_path / "analyses.jsonl"
    analyses.write_text(first, encoding="utf-8")
    assert main(["analyze", str(analyses)]) == 0
    assert capsys.readouterr().out == first  # the same article, so the same analysis
    assert main(["read", str(analyses), "--format", "jsonl"]) == 0
    assert json.loads(capsys.readouterr().out)["url"] == "https://example.org/c"
    assert main(["analyze", "--no-article", str(source)]) == 0
    assert "article" not in json.loads(capsys.readouterr().out)


def test_analyze_table_cuts_contents_unless_asked_for_a_wider_one(
    article_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["analyze", str(article_file), "--format", "table", "--width", "12"]) == 0
    narrow = capsys.readouterr().out
    assert "Lionel Ache…" in narrow and "== council  Council Del…" in narrow
    assert main(["analyze", str(article_file), "--format", "table", "--width", "0"]) == 0
    assert "  Council Delays Vote On Bridge Tolls" in capsys.readouterr().out


ACTS_ARTICLE = """Bridge Plan Stalls

The mayor said the bridge would open in May. The council plans to vote next week.

Documents show the tolls rose by a third. She believes the project is doomed.
"""


def test_analyze_act_filter(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "acts.txt"
    path.write_text(ACTS_ARTICLE, encoding="utf-8")
    assert main(["analyze", str(path)]) == 0
    every = json.loads(capsys.readouterr().out)["attributions"]
    assert {"speech", "evidence", "thought"} <= {a["act"] for a in every}
    assert main(["analyze", str(path), "--act", "speech,Writing"]) == 0
    kept = json.loads(capsys.readouterr().out)["attributions"]
    assert kept == [a for a in every if a["act"] in {"speech", "writing"}]
    assert kept


def test_analyze_act_filter_names_a_bad_act(
    article_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["analyze", str(article_file), "--act", "speech,gossip"]) != 0
    assert "--act 'speech,gossip': give one or more of speech, writing" in capsys.readouterr().err
