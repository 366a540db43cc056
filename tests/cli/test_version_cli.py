"""`onrecord --version`: the installed package's version, the one pyproject.toml declares."""

from __future__ import annotations

import tomllib

import pytest

import onrecord
from conftest import REPO
from onrecord.cli import main


def test_version_prints_the_package_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    declared = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert capsys.readouterr().out == f"onrecord {declared['project']['version']}\n"


def test_the_module_attribute_says_the_same() -> None:
    declared = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert onrecord.__version__ == declared["project"]["version"]
