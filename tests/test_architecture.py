"""The layering the design promises: import contracts, the public names, spaCy kept in nlp."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import onrecord

REPO = Path(__file__).resolve().parents[1]


def test_import_contracts_hold() -> None:
    lint_imports = shutil.which("lint-imports")
    if lint_imports is None:
        pytest.fail("lint-imports not found: pip install -e '.[test]'")
    result = subprocess.run(
        [lint_imports], cwd=REPO, capture_output=True, text=True, timeout=300, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("name", onrecord.__all__)
def test_public_name_exists(name: str) -> None:
    assert getattr(onrecord, name, None) is not None


def test_public_names_are_unique_and_cover_the_core() -> None:
    assert len(set(onrecord.__all__)) == len(onrecord.__all__)
    assert {"analyze", "Analysis", "Article", "Attribution", "Span"} <= set(onrecord.__all__)


@pytest.mark.parametrize("module", ["onrecord", "onrecord.model", "onrecord.ingest"])
def test_importing_does_not_load_spacy(module: str) -> None:
    code = (
        f"import sys, {module}\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('spacy', 'thinc'))\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"importing {module} loaded: {result.stdout.strip()}"
