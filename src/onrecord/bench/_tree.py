"""CPU time and peak memory of a process and everything it starts, read from /proc.

A pool's workers are children of its fork server and Spark's Python workers children of
the JVM, so neither is a child this process waits for (``RUSAGE_CHILDREN`` misses
them). A thread reads every descendant's CPU time and peak RSS (``VmHWM``) twice a
second instead; a process that ends between two readings loses at most half a second
of CPU time. Linux only: elsewhere the figures are absent.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["ProcessFigures", "TreeSampler"]

TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
PROC = Path("/proc")


@dataclass
class ProcessFigures:
    """The last reading of one process: what it is, its CPU seconds, its peak RSS."""

    pid: int
    kind: str  # "main", "worker" (analyses), "jvm", or "helper" (fork server, tracker)
    cpu_seconds: float = 0.0
    peak_rss_mb: float = 0.0


@dataclass
class TreeSampler:
    """Readings of this process's tree, every ``interval`` seconds while running."""

    interval: float = 0.5
    processes: dict[int, ProcessFigures] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> TreeSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.read()

    def read(self) -> None:
        root = os.getpid()
        for pid in _descendants(root) | {root}:
            kind = "main" if pid == root else _kind(pid)
            figures = _figures(pid, kind)
            if figures is not None:
                self.processes[pid] = figures

    def of(self, kind: str) -> list[ProcessFigures]:
        return [p for p in self.processes.values() if p.kind == kind]

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.read()


def _descendants(root: int) -> set[int]:
    parents: dict[int, int] = {}
    for entry in PROC.glob("[0-9]*"):
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    found: set[int] = set()
    frontier = {root}
    while frontier:
        frontier = {pid for pid, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def _kind(pid: int) -> str:
    try:
        command = (PROC / str(pid) / "cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return "helper"
    if "java" in command.split(" ", 1)[0]:
        return "jvm"
    if "forkserver import main" in command or "resource_tracker" in command:
        # a pool's workers are forked from the fork server: same command line, own pid
        return "worker" if _forked_worker(pid) else "helper"
    if "pyspark.daemon" in command or "pyspark/daemon" in command:
        return "worker"
    return "helper"


def _forked_worker(pid: int) -> bool:
    """Whether a fork-server process is a worker: its parent is the fork server."""
    try:
        stat = (PROC / str(pid) / "stat").read_text()
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        command = (PROC / str(parent) / "cmdline").read_bytes()
    except (OSError, ValueError):
        return False
    return b"forkserver import main" in command


def _figures(pid: int, kind: str) -> ProcessFigures | None:
    try:
        stat = (PROC / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()
        status = (PROC / str(pid) / "status").read_text()
    except OSError:
        return None
    cpu = (int(stat[11]) + int(stat[12])) / TICKS  # utime, stime
    peak = next((line.split()[1] for line in status.splitlines() if line.startswith("VmHWM")), "0")
    return ProcessFigures(pid, kind, cpu, int(peak) / 1024)
