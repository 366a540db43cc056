"""A folder's entries: what is read, and a word about every entry that is not."""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest

from onrecord.cli import main
from onrecord.errors import ReadError
from onrecord.ingest import read, read_many
from onrecord.model import Article

STORY = "The mayor said on Thursday that the bridge would reopen in June."
FEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "feeds"


@pytest.fixture
def cluttered(tmp_path: Path) -> Path:
    """A folder of two articles among everything else a folder can hold."""
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "b").write_text(STORY)  # no extension: its first bytes decide
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (tmp_path / "sub").mkdir()
    (tmp_path / "issue.toml").write_text('id = "tolls"\n')
    (tmp_path / "README.md").write_text("# My articles\n")
    return tmp_path


T = TypeVar("T")


def _unblocked(read_it: Callable[[], T]) -> T:
    # Opening a named pipe blocks until a writer comes: a test fails there, not hangs.
    result: list[T] = []
    reader = threading.Thread(target=lambda: result.append(read_it()), daemon=True)
    reader.start()
    reader.join(timeout=120)
    assert not reader.is_alive(), "the read blocked"
    return result[0]


def test_every_entry_not_read_is_named(cluttered: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="onrecord")
    outcomes = _unblocked(lambda: list(read_many([cluttered])))
    assert [o.name for o in outcomes if isinstance(o, Article)] == ["a", "b"]
    errors = {Path(o.document).name: o.reason for o in outcomes if isinstance(o, ReadError)}
    assert set(errors) == {"dangling.txt", "pipe.txt"}
    assert "a link to" in errors["dangling.txt"] and "does not exist" in errors["dangling.txt"]
    assert "named pipe" in errors["pipe.txt"]
    said = {Path(r.getMessage().split(":")[0]).name: r.levelno for r in caplog.records}
    assert said == {
        ".DS_Store": logging.DEBUG,
        "sub": logging.WARNING,
        "issue.toml": logging.WARNING,
        "README.md": logging.WARNING,
    }


def test_an_issue_file_beside_the_articles_is_not_read_as_one(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "tolls.toml").write_text('id = "tolls"\ntitle = "Tolls"\n')
    assert [a.name for a in read(tmp_path)] == ["a"]


def test_the_command_line_prints_the_skipped_entries(
    cluttered: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["read", str(cluttered), "--format", "jsonl"]) == 1  # two entries failed
    err = capsys.readouterr().err
    for entry in ("dangling.txt", "pipe.txt", "sub", "issue.toml", "README.md"):
        assert f"onrecord: {cluttered / entry}: " in err
    assert ".DS_Store" not in err


@pytest.mark.parametrize(
    ("entries", "reason"),
    [
        ((), "the folder is empty"),
        ((".DS_Store", "notes.md"), "not read: 1 hidden entry, 1 file of another kind"),
    ],
)
def test_a_folder_with_nothing_to_read_says_so(
    tmp_path: Path, entries: tuple[str, ...], reason: str
) -> None:
    for name in entries:
        (tmp_path / name).write_text("x")
    with pytest.raises(ReadError, match="no input files in it") as info:
        read(tmp_path)
    assert info.value.document == str(tmp_path) and reason in info.value.reason


def test_a_named_pipe_given_by_name_is_read_once(tmp_path: Path) -> None:
    pipe = tmp_path / "story"
    os.mkfifo(pipe)
    writer = threading.Thread(target=pipe.write_text, args=(STORY,), daemon=True)
    writer.start()
    (article,) = _unblocked(lambda: read(pipe))
    writer.join()
    assert article.text == STORY


def test_feed_entries_are_named_by_the_feed_and_their_number(tmp_path: Path) -> None:
    (tmp_path / "gazette.rss").write_bytes((FEEDS / "gazette.rss").read_bytes())
    names = [o.name for o in read_many([tmp_path]) if isinstance(o, Article)]
    assert names == [f"{tmp_path / 'gazette.rss'}:1", f"{tmp_path / 'gazette.rss'}:2"]
