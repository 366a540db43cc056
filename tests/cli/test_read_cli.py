"""``onrecord read``: output shapes, per-document errors and exit status."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from onrecord.cli import main

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
HTML = str(FIXTURES / "html" / "bridge.html")


@pytest.fixture
def story(tmp_path: Path) -> str:
    path = tmp_path / "story.txt"
    path.write_bytes(b"Bridge to reopen\r\n\r\nThe mayor said the bridge would reopen.\r\n")
    return str(path)


def test_json_is_a_list_of_articles(capsys: pytest.CaptureFixture[str], story: str) -> None:
    assert main(["read", HTML, story, "--format", "json"]) == 0
    articles = json.loads(capsys.readouterr().out)
    assert [a["external_id"] for a in articles] == ["bridge", "story"]
    assert (
        articles[1]["text"] == "Bridge to reopen\r\n\r\nThe mayor said the bridge would reopen.\r\n"
    )
    for article in articles:
        for block in article["blocks"]:
            assert article["text"][block["start"] : block["end"]] == block["text"]


def test_jsonl_is_one_article_a_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["read", str(FIXTURES / "feeds" / "gazette.atom"), "--format", "jsonl"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["bylines"] == ["Sam Lee"]


def test_text_is_a_readable_summary(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["read", HTML, "--format", "text"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("== bridge")
    assert "outlet:    The Riverton Gazette" in out
    assert "[credit: Kim Park/The Associated Press]" in out


def test_errors_go_to_stderr_and_the_batch_goes_on(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, story: str
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    code = main(["read", str(empty), story, str(FIXTURES / "jsonl" / "articles.jsonl")])
    captured = capsys.readouterr()
    assert code == 1
    assert len(json.loads(captured.out)) == 4
    errors = captured.err.splitlines()
    assert errors[0] == f"onrecord: {empty}: empty document: no text in it"
    assert any(line.startswith("onrecord: ") and "articles.jsonl:3: " in line for line in errors)


def test_max_bytes_and_private_flags(capsys: pytest.CaptureFixture[str], story: str) -> None:
    assert main(["read", story, "--max-bytes", "10"]) == 1
    assert "too large" in capsys.readouterr().err
    assert main(["read", "http://127.0.0.1:9/x"]) == 1
    assert "refused" in capsys.readouterr().err
    assert main(["read", "http://127.0.0.1:9/x", "--allow-private"]) == 1
    assert "unreachable" in capsys.readouterr().err


def test_console_script(story: str) -> None:
    script = shutil.which("onrecord")
    command = [script] if script else [sys.executable, "-m", "onrecord"]
    result = subprocess.run(
        [*command, "read", story, "--format", "jsonl"], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["external_id"] == "story"


def test_published_dates_a_plain_file_and_its_thursday(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "toll.txt"
    path.write_text("Tolls\n\nThe mayor said on Thursday that tolls would rise.\n")
    assert main(["read", str(path), "--published", "2024-05-31", "--format", "jsonl"]) == 0
    assert json.loads(capsys.readouterr().out)["published"] == "2024-05-31T00:00:00"
    assert main(["analyze", str(path), "--published", "2024-05-31"]) == 0
    (attribution,) = json.loads(capsys.readouterr().out)["attributions"]
    assert attribution["said_on"]["date"] == "2024-05-30"  # the Thursday before
    with pytest.raises(SystemExit):
        main(["read", str(path), "--published", "Friday"])
    assert "give it as YYYY-MM-DD" in capsys.readouterr().err


def test_a_manifest_beside_or_given_describes_the_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], story: str
) -> None:
    entry = {"file": "story.txt", "url": "https://g.example/s", "published": "2024-05-30"}
    (tmp_path / "manifest.jsonl").write_text(json.dumps(entry) + "\n")
    assert main(["read", str(tmp_path), "--format", "jsonl"]) == 0
    (article,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert (article["url"], article["published"]) == ("https://g.example/s", "2024-05-30T00:00:00")
    elsewhere = tmp_path / "other.jsonl"
    elsewhere.write_text(json.dumps({"id": "story", "outlet": "Herald"}) + "\n")
    assert main(["read", story, "--manifest", str(elsewhere), "--format", "jsonl"]) == 0
    article = json.loads(capsys.readouterr().out)
    assert (article["outlet"], article["url"]) == ("Herald", None)
    assert main(["read", story, "--manifest", str(tmp_path / "missing.jsonl")]) == 2
    assert "missing.jsonl: cannot read the manifest" in capsys.readouterr().err
