"""Static checks held in the test run: ruff (lint and format) and mypy."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import REPO

CHECKS = {
    "ruff check": [sys.executable, "-m", "ruff", "check", "src", "tests"],
    "ruff format": [sys.executable, "-m", "ruff", "format", "--check", "src", "tests"],
    "mypy": [sys.executable, "-m", "mypy"],
}


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_static_check_passes(name: str) -> None:
    result = subprocess.run(CHECKS[name], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, f"{name} failed:\n{result.stdout}\n{result.stderr}"
