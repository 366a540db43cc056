"""The robustness benchmark's machinery on tiny sizes; timings are not asserted."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest

from onrecord.bench._probe import main as probe_main
from onrecord.bench.robustness import PROBES, RobustnessReport, run_probe
from onrecord.cli.bench_robustness import print_report

FIGURES = ("wall_seconds", "cpu_seconds", "peak_rss_mb", "rss_loaded_mb")


def test_a_probe_runs_in_a_process_of_its_own_and_reports_its_figures() -> None:
    figures = run_probe("quoted", 20, deadline=1.0)
    assert figures["probe"] == "quoted" and figures["marks"] == 20
    assert figures["error"] is None and figures["attributions"] >= 5
    assert all(figures[key] >= 0 for key in FIGURES)
    assert figures["peak_rss_mb"] >= figures["rss_loaded_mb"] > 0


def test_the_slow_loris_probe_is_cut_off_at_its_deadline(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert probe_main(["slow-loris", "0", "--deadline", "0.5"]) == 0
    report = RobustnessReport(deadline=0.5, scale=1.0)
    report.probes.append({"label": "slow-loris fetch", **_last_json(capsys.readouterr().out)})
    assert "fetch_deadline" in report.probes[0]["error"]
    assert report.checks()["slow-loris ends by its deadline"] is True
    out = io.StringIO()
    print_report(report, out)
    assert "cut off at the 0.5 s deadline" in out.getvalue()
    assert "growth exponent 16x -> 256x (CPU time): n/a" in out.getvalue()


def test_the_growth_exponent_is_the_slope_of_cpu_time_on_a_log_scale() -> None:
    report = RobustnessReport(deadline=5.0, scale=1.0)
    for size, cpu in ((16, 2.0), (256, 32.0 * 1.5)):
        report.probes.append({"probe": "article", "size": float(size), "cpu_seconds": cpu})
    # 16 times the length in 24 times the CPU: 1 + log 1.5 / log 16
    assert abs(report.growth_exponent - 1.146) < 0.001  # type: ignore[operator]
    assert report.checks()["growth exponent <= 1.1"] is False
    assert report.checks()["5 MB: peak RSS <= 1 GB"] is None  # not run


def test_the_probes_are_the_issues() -> None:
    sizes = {(p.kind, p.size) for p in PROBES}
    assert {("article", n) for n in (1, 4, 16, 64, 256)} <= sizes
    assert {("marks", 50_000), ("chars", 5_000_000), ("slow-loris", 0)} <= sizes
    assert {("marks", 10**k) for k in (3, 4, 5)} <= sizes


def _last_json(out: str) -> dict[str, Any]:
    figures: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    return figures
