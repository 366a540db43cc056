"""One measured batch run, in a process of its own.

``python -m onrecord.bench._scale_worker ENGINE WORKERS CORPUS OUT [--issue FILE]`` runs
``onrecord batch`` on the JSONL files of CORPUS into OUT (local with WORKERS processes,
or Spark ``local[WORKERS]``) and prints one JSON line: articles, wall seconds, and the
CPU time and peak RSS of the process tree (``bench._tree``). The clock covers the whole
run, pipeline loading and the corpus stage included, as a user waits for it.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import TYPE_CHECKING

from onrecord.bench._tree import TreeSampler

if TYPE_CHECKING:
    from onrecord.batch import BatchSummary


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("engine", choices=("local", "spark"))
    parser.add_argument("workers", type=int)
    parser.add_argument("corpus")
    parser.add_argument("out")
    parser.add_argument("--issue")
    args = parser.parse_args()
    inputs = sorted(str(p) for p in Path(args.corpus).glob("*.jsonl"))
    issues = [args.issue] if args.issue else []
    with TreeSampler() as sampler:
        started = time.perf_counter()
        summary = _run(args.engine, args.workers, inputs, args.out, issues)
        seconds = time.perf_counter() - started
    workers = sampler.of("worker") or sampler.of("main")  # one local worker: this process
    main_figures = sampler.of("main")[0]
    result = {
        "engine": args.engine,
        "workers": args.workers,
        "articles": summary.articles,
        "errors": summary.errors,
        "attributions": summary.attributions,
        "seconds": round(seconds, 3),
        "cpu_seconds": round(sum(p.cpu_seconds for p in sampler.processes.values()), 2),
        "worker_cpu_seconds": round(sum(p.cpu_seconds for p in workers), 2),
        "peak_rss_mb_per_worker": round(max((p.peak_rss_mb for p in workers), default=0.0), 1),
        "main_rss_mb": round(main_figures.peak_rss_mb, 1),
        "jvm_rss_mb": round(max((p.peak_rss_mb for p in sampler.of("jvm")), default=0.0), 1),
    }
    print(json.dumps(result))


def _run(engine: str, workers: int, inputs: list[str], out: str, issues: list[str]) -> BatchSummary:
    if engine == "local":
        from onrecord.batch import run_local

        return run_local(inputs, out, issues=issues, workers=workers)
    from onrecord.batch.spark_job import run_spark, spark_session

    spark = spark_session(f"local[{workers}]", app="onrecord bench scale")
    spark.sparkContext.setLogLevel("ERROR")
    try:
        return run_spark(inputs, out, issues=issues, spark=spark)
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
