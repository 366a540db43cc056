"""The fuzz run's machinery on a few documents: every format generated, the same bytes
from the same seed, and the counts add up."""

from __future__ import annotations

import io
from collections import Counter
from pathlib import Path

from onrecord.bench._fuzz_inputs import documents
from onrecord.bench.fuzz import FuzzReport, fuzz
from onrecord.cli.bench_robustness import print_fuzz


def test_the_same_seed_gives_the_same_documents_of_every_format() -> None:
    first = list(documents(7, 40))
    assert first == list(documents(7, 40))
    assert first != list(documents(8, 40))
    suffixes = Counter("".join(Path(name).suffixes) for name, _ in first)
    assert {".txt", ".html", ".jsonl", ".rss"} <= set(suffixes)
    assert suffixes[".warc"] + suffixes[".warc.gz"] == 8


def test_a_small_run_reads_and_analyses_and_counts() -> None:
    report = fuzz(read=25, analyze=6, seed=3)
    assert report.texts_read == 25
    assert report.articles + report.read_errors >= 25  # a JSONL or WARC can give several
    assert report.analysed == 6 and report.spans >= 0
    assert report.crashes == 0 and report.invalid_articles == 0 and report.invalid_offsets == 0
    out = io.StringIO()
    print_fuzz(report, out)
    assert "25 texts read" in out.getvalue() and "6 articles analysed" in out.getvalue()


def test_a_crash_is_counted_and_shown() -> None:
    report = FuzzReport(seed=0, read_crashes=1)
    report.crashed("0000001.txt: internal error, please report it: KeyError('x')")
    out = io.StringIO()
    print_fuzz(report, out)
    assert report.to_dict()["crashes"] == 1 and "KeyError('x')" in out.getvalue()
