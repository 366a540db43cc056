"""Progress on stderr: a bar on a terminal, nothing for scripts; JSONL streamed record by
record. A terminal is a text stream that says it is one."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from onrecord.cli import main
from onrecord.cli._output import write_json_stream
from onrecord.cli._progress import Steps

ARTICLES = [
    "Mayor Lionel Achebe said the bridge would reopen in June.",
    "Councillor Priya Raman said the tolls were too high.",
]


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for n, text in enumerate(ARTICLES):
        (tmp_path / f"a{n}.txt").write_text(text + "\n", encoding="utf-8")
    return tmp_path


def run(monkeypatch: pytest.MonkeyPatch, *argv: str, out_tty: bool = False) -> tuple[str, str]:
    err, out = Terminal(), Terminal() if out_tty else io.StringIO()
    monkeypatch.setattr("sys.stderr", err)
    monkeypatch.setattr("sys.stdout", out)
    assert main(list(argv)) == 0
    return out.getvalue(), err.getvalue()


def test_no_bar_when_stderr_is_not_a_terminal(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["actors", str(folder)]) == 0
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("command", ["actors", "analyze"])
def test_a_bar_counts_the_articles_on_a_terminal(
    command: str, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out, err = run(monkeypatch, command, str(folder))
    assert "analysing: 2 articles" in err
    assert "Lionel Achebe" in out


def test_quiet_or_output_on_the_same_terminal_draws_no_bar(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run(monkeypatch, "actors", str(folder), "--quiet")[1] == ""
    # analyze's output, record by record on the terminal, is its own progress.
    assert run(monkeypatch, "analyze", str(folder), out_tty=True)[1] == ""


def test_jsonl_is_flushed_record_by_record() -> None:
    flushed: list[str] = []

    class Recording(io.StringIO):
        def flush(self) -> None:
            flushed.append(self.getvalue())

    write_json_stream(iter([{"n": 1}, {"n": 2}]), "jsonl", Recording())
    assert flushed == ['{"n": 1}\n', '{"n": 1}\n{"n": 2}\n']


def test_steps_draw_one_bar_a_step(monkeypatch: pytest.MonkeyPatch) -> None:
    err = Terminal()
    monkeypatch.setattr("sys.stderr", err)
    steps = Steps()
    for done in (1, 2):
        steps("parsing train articles", done, 2)
    steps("training cue.crfsuite", 1, 60)
    steps.close()
    text = err.getvalue()
    assert "parsing train articles: 100%" in text and "2/2" in text
    assert "training cue.crfsuite:   2%" in text and "1/60" in text


def test_analyze_output_is_still_every_record(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out, _ = run(monkeypatch, "analyze", str(folder))
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["a0", "a1"]
