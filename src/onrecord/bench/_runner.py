"""Running the workers: each system in a fresh process, one after the other, one thread.

With an issue, onrecord runs a second time per round with positions extraction on, in a
fresh process of its own, right after the run without it.
"""

from __future__ import annotations

import importlib.util
import json
import os
import statistics
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import onrecord
from onrecord.errors import DataError, MissingExtraError, OnrecordError
from onrecord.issues import load_issue

WORKER = "onrecord.bench._worker"
THREAD_VARIABLES = (
    "OMP_NUM_THREADS",
    "OPENBLAS_NUM_THREADS",
    "MKL_NUM_THREADS",
    "BLIS_NUM_THREADS",
    "NUMEXPR_NUM_THREADS",
    "VECLIB_MAXIMUM_THREADS",
)

Progress = Callable[[str], None]


@dataclass
class SystemFigures:
    """One system's figures: medians over the rounds, peak RSS the highest seen."""

    system: str
    model: Any
    articles: int
    found: int
    failed: int
    load_seconds: float
    seconds: float
    articles_per_second: float
    peak_rss_mb: float
    runs: list[dict[str, Any]] = field(default_factory=list)
    issue: str | None = None  # the issue's id when positions were extracted
    positions: int | None = None  # positions produced, in all
    articles_with_positions: int | None = None  # articles with at least one

    @property
    def label(self) -> str:
        return f"{self.system}+issue" if self.issue else self.system


@dataclass
class BenchReport:
    dataset: str
    split: str
    repeat: int
    batch_size: int
    onrecord: SystemFigures
    textacy: SystemFigures | None = None
    textacy_missing: str | None = None  # why the reference peer was not run
    with_issue: SystemFigures | None = None  # onrecord again, extracting positions

    @property
    def ratio(self) -> float | None:
        """onrecord's throughput over textacy's."""
        if self.textacy is None or not self.textacy.articles_per_second:
            return None
        return self.onrecord.articles_per_second / self.textacy.articles_per_second

    @property
    def positions_overhead(self) -> float | None:
        """The positions stage's added processing time, in percent of onrecord's without it:
        the median over the rounds, each round's run with the issue against its run without."""
        if self.with_issue is None:
            return None
        added = [
            (issue["seconds"] - plain["seconds"]) / plain["seconds"] * 100
            for plain, issue in zip(self.onrecord.runs, self.with_issue.runs, strict=True)
            if plain["seconds"] > 0
        ]
        return statistics.median(added) if added else None

    def to_dict(self) -> dict[str, Any]:
        systems = ("onrecord", "textacy", "with_issue")
        out = {k: v for k, v in self.__dict__.items() if k not in systems}
        out["onrecord"] = self.onrecord.__dict__
        out["textacy"] = self.textacy.__dict__ if self.textacy else None
        out["throughput_ratio"] = _rounded(self.ratio)
        out["onrecord_with_issue"] = self.with_issue.__dict__ if self.with_issue else None
        out["positions_overhead_percent"] = _rounded(self.positions_overhead, 1)
        return out


def _rounded(value: float | None, digits: int = 3) -> float | None:
    return round(value, digits) if value is not None else None


def polnear_texts(data: str | os.PathLike[str], split: str) -> list[Path]:
    folder = Path(data) / split / "text"
    paths = sorted(folder.glob("*.txt"))
    if not paths:
        raise DataError(f"{folder}: no .txt files; expected DIR/SPLIT/text/*.txt")
    return paths


def textacy_missing() -> str | None:
    if importlib.util.find_spec("textacy") is None:
        return str(MissingExtraError("textacy", "bench"))
    return None


def worker_env() -> dict[str, str]:
    env = dict(os.environ)
    env.update({name: "1" for name in THREAD_VARIABLES})
    source_root = str(Path(onrecord.__file__).resolve().parents[1])
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [source_root, env.get("PYTHONPATH")]))
    return env


def run_worker(
    system: str,
    paths: Sequence[Path],
    *,
    batch_size: int | None = None,
    model: str | None = None,
    issue: str | os.PathLike[str] | None = None,
) -> dict[str, Any]:
    """One measured run of ``system`` in a fresh Python process (default batch: onrecord's);
    with ``issue`` (an issue file, onrecord only), positions are extracted and counted too."""
    command = [sys.executable, "-m", WORKER, system]
    if batch_size:
        command += ["--batch-size", str(batch_size)]
    if model:
        command += ["--model", model]
    if issue:
        command += ["--issue", str(Path(issue).resolve())]
    command += [str(p) for p in paths]
    done = subprocess.run(command, capture_output=True, text=True, env=worker_env(), check=False)
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        tail = "\n".join(done.stderr.strip().splitlines()[-15:])
        raise OnrecordError(
            f"the {system} benchmark worker failed (exit {done.returncode}):\n{tail}"
        )
    result: dict[str, Any] = json.loads(lines[-1])
    return result


def summarise(runs: list[dict[str, Any]]) -> SystemFigures:
    first = runs[0]

    def median(key: str) -> float:
        return round(statistics.median(r[key] for r in runs), 3)

    return SystemFigures(
        system=first["system"],
        model=first["model"],
        articles=first["articles"],
        found=first["found"],
        failed=first["failed"],
        load_seconds=median("load_seconds"),
        seconds=median("seconds"),
        articles_per_second=median("articles_per_second"),
        peak_rss_mb=max(r["peak_rss_mb"] for r in runs),
        runs=runs,
        issue=first.get("issue"),
        positions=first.get("positions"),
        articles_with_positions=first.get("articles_with_positions"),
    )


def bench_polnear(
    data: str | os.PathLike[str],
    split: str,
    *,
    repeat: int = 1,
    issue: str | os.PathLike[str] | None = None,
    progress: Progress | None = None,
) -> BenchReport:
    """onrecord's full analyze path against textacy's direct quotations on DIR/SPLIT/text;
    with ``issue``, onrecord also runs with positions extraction on that issue."""
    paths = polnear_texts(data, split)
    if issue:
        load_issue(issue)  # a bad file fails here, with its own message, not in a worker
    missing = textacy_missing()
    model = None if missing else _reference_model()
    say = progress or (lambda _message: None)
    ours: list[dict[str, Any]] = []
    with_issue: list[dict[str, Any]] = []
    theirs: list[dict[str, Any]] = []
    for n in range(1, repeat + 1):
        say(f"round {n}/{repeat}: onrecord on {len(paths)} articles")
        ours.append(run_worker("onrecord", paths))
        if issue:
            say(f"round {n}/{repeat}: onrecord with the issue on {len(paths)} articles")
            with_issue.append(run_worker("onrecord", paths, issue=issue))
        if model:
            say(f"round {n}/{repeat}: textacy on {len(paths)} articles")
            batch_size = ours[-1]["batch_size"]  # the one onrecord really used
            theirs.append(run_worker("textacy", paths, batch_size=batch_size, model=model))
    return BenchReport(
        dataset=str(Path(data) / split),
        split=split,
        repeat=repeat,
        batch_size=ours[0]["batch_size"],
        onrecord=summarise(ours),
        textacy=summarise(theirs) if theirs else None,
        textacy_missing=missing,
        with_issue=summarise(with_issue) if with_issue else None,
    )


def _reference_model() -> str:
    from onrecord.nlp.pipeline import base_model_name  # imports spaCy, so only when needed

    return base_model_name()
