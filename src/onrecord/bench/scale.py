"""``onrecord bench scale``: throughput of the batch engines on one corpus, 1 and 2 local
workers and Spark ``local[1]`` and ``local[2]``, with CPU time and memory per worker.

The corpus is ``articles`` copies of the input articles (each with a line of its own
added, so each is a new text), as JSONL shards; every configuration runs ``onrecord
batch`` on the same shards in a fresh process (``bench._scale_worker``), one after the
other. Wall-clock throughput needs an idle machine to mean anything, so the report also
gives the load average before and after and the CPU seconds each run used: on a busy
machine, CPU seconds per article is the figure to compare, and the speedup two workers
would give on two idle cores is projected from it.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from onrecord.bench._runner import worker_env
from onrecord.errors import OnrecordError
from onrecord.model import Article

__all__ = ["CONFIGURATIONS", "ScaleReport", "ScaleRun", "bench_scale", "write_copies"]

CONFIGURATIONS = (("local", 1), ("local", 2), ("spark", 1), ("spark", 2))
SHARDS = 8  # JSONL files: enough tasks for Spark to spread over two workers
WORKER = "onrecord.bench._scale_worker"


@dataclass(frozen=True)
class ScaleRun:
    """One configuration's run: what it analysed, in how long, with what."""

    engine: str
    workers: int
    articles: int
    errors: int
    attributions: int
    seconds: float
    cpu_seconds: float  # the whole process tree: driver, workers, JVM
    worker_cpu_seconds: float
    peak_rss_mb_per_worker: float
    main_rss_mb: float
    jvm_rss_mb: float

    @property
    def label(self) -> str:
        return (
            f"{self.engine} {self.workers}"
            if self.engine == "local"
            else (f"spark local[{self.workers}]")
        )

    @property
    def articles_per_second(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0

    @property
    def cpu_ms_per_article(self) -> float:
        return 1000 * self.cpu_seconds / self.articles if self.articles else 0.0


@dataclass
class ScaleReport:
    articles: int
    inputs: list[str]
    cores: int
    load_before: tuple[float, float, float]
    load_after: tuple[float, float, float] = (0.0, 0.0, 0.0)
    runs: list[ScaleRun] = field(default_factory=list)
    not_run: dict[str, str] = field(default_factory=dict)  # configuration: why

    def run(self, engine: str, workers: int) -> ScaleRun | None:
        return next((r for r in self.runs if (r.engine, r.workers) == (engine, workers)), None)

    def speedup(self, engine: str) -> float | None:
        """Wall-clock throughput of 2 workers over 1."""
        one, two = self.run(engine, 1), self.run(engine, 2)
        if one is None or two is None or not one.articles_per_second:
            return None
        return two.articles_per_second / one.articles_per_second

    def projected_speedup(self, engine: str) -> float | None:
        """What 2 workers would give on 2 idle cores, from CPU time: 2 × the CPU seconds
        per article of 1 worker over those of 2 (the work parallelism adds costs more CPU
        time; waiting for a busy core costs none)."""
        one, two = self.run(engine, 1), self.run(engine, 2)
        if one is None or two is None or not two.cpu_ms_per_article:
            return None
        return 2 * one.cpu_ms_per_article / two.cpu_ms_per_article

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        for engine in ("local", "spark"):
            out[f"{engine}_speedup"] = _rounded(self.speedup(engine))
            out[f"{engine}_projected_speedup"] = _rounded(self.projected_speedup(engine))
        return out


def write_copies(originals: Sequence[Article], count: int, folder: Path) -> list[Path]:
    """``count`` copies of ``originals`` in turn, as JSONL articles in ``SHARDS`` files."""
    if not originals:
        raise OnrecordError("bench scale: no article in the inputs to make the corpus of")
    paths = [folder / f"shard-{n}.jsonl" for n in range(SHARDS)]
    streams = [path.open("w", encoding="utf-8") for path in paths]
    try:
        for number in range(count):
            article = originals[number % len(originals)]
            record = {
                "id": f"copy-{number}",
                "title": article.title,
                "outlet": article.outlet,
                "published": article.published.isoformat() if article.published else None,
                "text": f"{article.text.rstrip()}\n\nCopy {number}.\n",
            }
            stream = streams[number % SHARDS]
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
    finally:
        for stream in streams:
            stream.close()
    return paths


def bench_scale(
    originals: Sequence[Article],
    *,
    articles: int,
    inputs: Sequence[str] = (),
    issue: str | os.PathLike[str] | None = None,
    progress: Callable[[str], None] | None = None,
) -> ScaleReport:
    """Every configuration of ``CONFIGURATIONS`` on ``articles`` copies of ``originals``;
    Spark's are left out, with the reason, when pyspark or Java is missing."""
    report = ScaleReport(articles, list(inputs), os.cpu_count() or 1, os.getloadavg())
    missing = spark_missing()
    with tempfile.TemporaryDirectory(prefix="onrecord-bench-scale-") as folder:
        corpus = Path(folder) / "corpus"
        corpus.mkdir()
        write_copies(originals, articles, corpus)
        for engine, workers in CONFIGURATIONS:
            name = f"{engine} {workers}"
            if engine == "spark" and missing:
                report.not_run[name] = missing
                continue
            if progress:
                progress(f"bench scale: {name} on {articles} articles")
            out = Path(folder) / f"out-{engine}-{workers}"
            report.runs.append(_measure(engine, workers, corpus, out, issue))
    report.load_after = os.getloadavg()
    return report


def spark_missing() -> str | None:
    if importlib.util.find_spec("pyspark") is None:
        return "pyspark is not installed: pip install 'onrecord[spark]'"
    if shutil.which("java") is None:
        return "no java on the PATH: Spark needs Java 17 or later"
    return None


def _measure(
    engine: str, workers: int, corpus: Path, out: Path, issue: str | os.PathLike[str] | None
) -> ScaleRun:
    command = [sys.executable, "-m", WORKER, engine, str(workers), str(corpus), str(out)]
    if issue:
        command += ["--issue", str(Path(issue).resolve())]
    done = subprocess.run(command, capture_output=True, text=True, env=worker_env(), check=False)
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        tail = "\n".join(done.stderr.strip().splitlines()[-15:])
        raise OnrecordError(f"bench scale: the {engine} {workers} run failed:\n{tail}")
    return ScaleRun(**json.loads(lines[-1]))


def _rounded(value: float | None) -> float | None:
    return round(value, 3) if value is not None else None
