"""What the floor tests of the topical sets share: each set's data hash, and the sets
scored once per run (the issues-train floors and the speaker floors read the same
three sets, and scoring them is the slow part)."""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

from conftest import shared_path
from onrecord.evaluate.topical_run import evaluate_sets
from onrecord.evaluate.topical_sets import DataSet, SetResult
from onrecord.nlp import Annotator


def set_sha256(root: Path) -> str:
    """Every file the figures depend on, in a fixed order."""
    digest = hashlib.sha256()
    files = [root / "manifest.jsonl", root / "issue.toml"]
    files += sorted((root / "articles").glob("*.txt")) + sorted((root / "gold").glob("*.json"))
    for path in files:
        digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


@functools.cache
def scored_sets(group: str, names: tuple[str, ...]) -> dict[str, SetResult]:
    """The sets ``names`` of ``../shared/data/GROUP``, each scored on its own issue file."""
    root = shared_path("data", group)
    report = evaluate_sets([DataSet(root / name) for name in names], Annotator())
    return {result.name: result for result in report.sets}


def below_floors(result: SetResult, measured: dict[str, float], margin: float) -> dict[str, str]:
    """Each figure of ``result`` more than ``margin`` below what was ``measured``."""
    figures = result.figures()
    return {
        figure: f"{figures[figure] or 0.0:.4f} < {value - margin:.3f}"
        for figure, value in measured.items()
        if (figures[figure] or 0.0) < value - margin
    }
