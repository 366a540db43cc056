"""Loose budgets for the pathological inputs: CPU time and memory, an order of magnitude
above what they take, so that a busy machine does not fail them but a return of
super-linear growth does."""

from __future__ import annotations

import os
import resource
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

_PAGE = os.sysconf("SC_PAGE_SIZE")
_SAMPLE_SECONDS = 0.01


@dataclass
class Spent:
    cpu_seconds: float = 0.0
    wall_seconds: float = 0.0
    grown_mb: float = 0.0  # the resident set's growth at its highest, over where it began


def _rss_mb() -> float:
    with open("/proc/self/statm") as statm:  # resident pages, the second field
        return int(statm.read().split()[1]) * _PAGE / 2**20


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


@contextmanager
def within(cpu_seconds: float, megabytes: float) -> Iterator[Spent]:
    """Assert that the block takes at most ``cpu_seconds`` of this process's CPU time and
    grows its resident set by at most ``megabytes`` (sampled every 10 ms; this process's
    CPU time, not the clock, so that waiting for a core does not count)."""
    spent = Spent()
    start_rss, done = _rss_mb(), threading.Event()

    def sample() -> None:
        while not done.wait(_SAMPLE_SECONDS):
            spent.grown_mb = max(spent.grown_mb, _rss_mb() - start_rss)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    wall, cpu = time.perf_counter(), _cpu()
    try:
        yield spent
    finally:
        spent.cpu_seconds = _cpu() - cpu
        spent.wall_seconds = time.perf_counter() - wall
        done.set()
        sampler.join()
        spent.grown_mb = max(spent.grown_mb, _rss_mb() - start_rss)
    assert spent.cpu_seconds <= cpu_seconds, f"over the CPU budget of {cpu_seconds} s: {spent}"
    assert spent.grown_mb <= megabytes, f"over the memory budget of {megabytes} MB: {spent}"
