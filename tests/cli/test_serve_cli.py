"""``onrecord serve``: what it refuses before it serves (tests/web/ run the app, and
tests/bench/test_web_bench.py serves it with uvicorn)."""

from __future__ import annotations

from pathlib import Path

import pytest

from onrecord.cli import main


def test_a_missing_store_is_refused_before_serving(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["serve", "--db", str(tmp_path / "none.db")]) == 2
    assert "no store there" in capsys.readouterr().err


def test_several_workers_do_not_take_writes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ONRECORD_WRITE_TOKEN", "secret")
    assert main(["serve", "--db", str(tmp_path / "new.db"), "--workers", "2"]) == 2
    assert "serve writes with one worker" in capsys.readouterr().err
    monkeypatch.delenv("ONRECORD_WRITE_TOKEN")
    assert main(["serve", "--db", str(tmp_path / "new.db"), "--workers", "0"]) == 2
    assert "give 1 or more" in capsys.readouterr().err
