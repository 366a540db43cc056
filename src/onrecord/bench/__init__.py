"""Benchmarks: onrecord's throughput and memory against a reference peer.

An adapter-level package: it drives the library from outside, and nothing in
the library imports it. Each system runs in a fresh process of its own
(:mod:`onrecord.bench._worker`), one after the other, with one thread.
"""

from onrecord.bench._runner import (
    BenchReport,
    SystemFigures,
    bench_polnear,
    polnear_texts,
    run_worker,
    textacy_missing,
)

__all__ = [
    "BenchReport",
    "SystemFigures",
    "bench_polnear",
    "polnear_texts",
    "run_worker",
    "textacy_missing",
]
