"""``onrecord bench scale``: its corpus of copies, its report (figures made by hand, so
the arithmetic and the wording are checked; nothing is timed), and the process-tree
readings it rests on."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

from onrecord.bench._tree import TreeSampler
from onrecord.bench.scale import SHARDS, ScaleReport, ScaleRun, write_copies
from onrecord.cli.bench_scale import print_report
from onrecord.ingest import parse_text


def run(engine: str, workers: int, seconds: float, cpu: float, rss: float) -> ScaleRun:
    return ScaleRun(engine, workers, 100, 0, 250, seconds, cpu, cpu - 5, rss, 180.0, 0.0)


def report() -> ScaleReport:
    made = ScaleReport(100, ["a.txt"], 2, (3.0, 2.5, 2.0), (3.5, 3.0, 2.5))
    made.runs = [run("local", 1, 50.0, 50.0, 410.0), run("local", 2, 30.0, 55.0, 405.5)]
    made.not_run = {"spark 1": "pyspark is not installed", "spark 2": "pyspark is not installed"}
    return made


def test_the_report_gives_throughput_cpu_memory_and_both_speedups() -> None:
    out = io.StringIO()
    print_report(report(), out)
    text = out.getvalue()
    assert "100 articles from a.txt; 2 cores; load average 3.00 2.50 2.00 before" in text
    local_1, local_2 = text.splitlines()[2:4]
    assert local_1.split() == ["local", "1", "50.0", "2.00", "50.0", "500.0", "410.0", "180.0",
                               "0.0"]  # fmt: skip
    assert local_2.split()[3:6] == ["3.33", "55.0", "550.0"]
    assert "local: 2 workers 1.67x 1 worker (wall clock); 1.82x projected" in text
    assert "spark 1: not run: pyspark is not installed" in text
    assert "the machine was busy" in text


def test_the_json_report_holds_the_ratios() -> None:
    figures = json.loads(json.dumps(report().to_dict()))
    assert figures["local_speedup"] == 1.667 and figures["local_projected_speedup"] == 1.818
    assert figures["spark_speedup"] is None and len(figures["runs"]) == 2


def test_the_corpus_is_new_texts_in_shards(tmp_path: Path) -> None:
    originals = [parse_text("Mayor Lee said the bridge would open."), parse_text("Rain fell.")]
    paths = write_copies(originals, 20, tmp_path)
    records = [json.loads(line) for p in paths for line in p.read_text().splitlines()]
    assert len(paths) == SHARDS and len(records) == 20
    assert len({r["text"] for r in records}) == 20
    assert records[0]["text"].startswith("Mayor Lee said") and "Copy 0." in records[0]["text"]


def test_the_sampler_reads_the_children_it_did_not_wait_for() -> None:
    busy = "import time\nend = time.process_time() + 0.3\nwhile time.process_time() < end: pass"
    with TreeSampler(interval=0.05) as sampler:
        child = subprocess.Popen([sys.executable, "-c", busy])
        child.wait()
    assert sampler.of("main")[0].peak_rss_mb > 10
    assert any(p.pid == child.pid and p.cpu_seconds > 0 for p in sampler.processes.values())
