"""The robustness benchmark (``onrecord bench robustness``): time and peak memory of the
pathological inputs of issue 21 at full size, and the growth curve.

Each probe runs in a fresh process of its own (``bench._probe``), so that its peak
RSS is its own; its time is counted after the pipeline is loaded and its input
generated. The probes: 50,000 bare quotation marks; articles of 1, 4, 16, 64 and
256 times a typical length (``bench._probes.typical_article``) and one of 5 MB;
10³, 10⁴ and 10⁵ bare quotation marks and 10³ and 10⁴ in short attributed quotes;
a fetch from a slow-loris server on 127.0.0.1. The growth exponent is
log(t₂₅₆ / t₁₆) / log 16 on CPU time: 1 is linear.
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from onrecord.bench._runner import worker_env
from onrecord.errors import OnrecordError

__all__ = ["PROBES", "Probe", "RobustnessReport", "bench_robustness"]

PROBE_WORKER = "onrecord.bench._probe"
FIVE_MB = 5_000_000
Progress = Callable[[str], None]


@dataclass(frozen=True)
class Probe:
    """One probe: a kind the worker knows, a size, and a label for the table."""

    kind: str
    size: float
    label: str


PROBES = (
    Probe("marks", 50_000, "50,000 quotation marks"),
    *(Probe("article", n, f"article {n}x ({n} typical lengths)") for n in (1, 4, 16, 64, 256)),
    Probe("chars", FIVE_MB, "article of 5 MB"),
    *(Probe("marks", n, f"{n:,} bare quotation marks") for n in (1_000, 10_000, 100_000)),
    *(Probe("quoted", n, f"{n:,} marks in attributed quotes") for n in (1_000, 10_000)),
    Probe("slow-loris", 0, "slow-loris fetch"),
)


@dataclass
class RobustnessReport:
    """Each probe's figures, in the order run, and the acceptance checks of issue 21."""

    deadline: float
    scale: float
    probes: list[dict[str, Any]] = field(default_factory=list)
    # The machine's 1-minute load average before and after: the figures' context.
    load_average: tuple[float, float] | None = None

    def figure(self, kind: str, size: float) -> dict[str, Any] | None:
        return next((p for p in self.probes if p["probe"] == kind and p.get("size") == size), None)

    @property
    def growth_exponent(self) -> float | None:
        """log(CPU time at 256x / CPU time at 16x) / log 16."""
        low = self.figure("article", 16 * self.scale)
        high = self.figure("article", 256 * self.scale)
        if not low or not high or low["cpu_seconds"] <= 0:
            return None
        return math.log(high["cpu_seconds"] / low["cpu_seconds"]) / math.log(16)

    def checks(self) -> dict[str, bool | None]:
        """The issue's acceptance, each ``None`` when its probe was not run."""
        marks = self.figure("marks", 50_000 * self.scale)
        big = self.figure("chars", FIVE_MB * self.scale)
        loris = next((p for p in self.probes if p["probe"] == "slow-loris"), None)
        exponent = self.growth_exponent
        return {
            # CPU time: on a busy machine the clock also counts the waits for a core.
            "50,000 marks in under 10 s": None if marks is None else marks["cpu_seconds"] < 10,
            "5 MB: peak RSS <= 1 GB": None if big is None else big["peak_rss_mb"] <= 1024,
            "slow-loris ends by its deadline": None
            if loris is None
            else loris["wall_seconds"] <= self.deadline + 1 and loris["error"] is not None,
            "growth exponent <= 1.1": None if exponent is None else exponent <= 1.1,
        }

    def to_dict(self) -> dict[str, Any]:
        exponent = self.growth_exponent
        return {
            "deadline": self.deadline,
            "scale": self.scale,
            "probes": self.probes,
            "load_average": self.load_average,
            "cpus": os.cpu_count(),
            "growth_exponent": None if exponent is None else round(exponent, 3),
            "checks": self.checks(),
        }


def run_probe(kind: str, size: float, deadline: float) -> dict[str, Any]:
    """One probe in a fresh Python process: its JSON line."""
    command = [sys.executable, "-m", PROBE_WORKER, kind, str(size), "--deadline", str(deadline)]
    done = subprocess.run(command, capture_output=True, text=True, env=worker_env(), check=False)
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        tail = "\n".join(done.stderr.strip().splitlines()[-15:])
        raise OnrecordError(f"the {kind} probe failed (exit {done.returncode}):\n{tail}")
    result: dict[str, Any] = json.loads(lines[-1])
    return result


def bench_robustness(
    *, scale: float = 1.0, deadline: float = 5.0, progress: Progress | None = None
) -> RobustnessReport:
    """Every probe of :data:`PROBES`, sizes times ``scale`` (1: the issue's sizes)."""
    say = progress or (lambda _message: None)
    report = RobustnessReport(deadline=deadline, scale=scale)
    before = os.getloadavg()[0]
    for number, probe in enumerate(PROBES, start=1):
        say(f"probe {number}/{len(PROBES)}: {probe.label}")
        figures = run_probe(probe.kind, probe.size * scale, deadline)
        label = probe.label if scale == 1 else f"{probe.label} x{scale:g}"
        report.probes.append({"label": label, **figures})
    report.load_average = (before, os.getloadavg()[0])
    return report
