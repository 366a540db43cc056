"""One robustness probe, in a process of its own so that its peak RSS is its own.

``python -m onrecord.bench._probe KIND SIZE [--deadline S]`` prints one JSON line:
wall and CPU seconds of the probe alone (after the pipeline is loaded and warmed
up, and after its input is generated), peak RSS and RSS once loaded, and what
came of it. KIND is ``marks`` (SIZE bare quotation marks), ``quoted`` (SIZE quotation marks
in short attributed quotes), ``article`` (SIZE times a
typical article's length), ``chars`` (a typical article of SIZE characters) or
``slow-loris`` (one fetch from a trickling server on 127.0.0.1; SIZE unused).
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from collections.abc import Callable, Sequence
from typing import Any

from onrecord.bench._probes import (
    TYPICAL_CHARS,
    quotation_marks,
    quoted_words,
    slow_loris_server,
    typical_article,
)
from onrecord.bench._worker import WARM_UP, peak_rss_mb

KINDS = ("marks", "quoted", "article", "chars", "slow-loris")


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def timed(work: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """``work``'s own figures, with its wall and CPU seconds and the peak RSS after it."""
    rss_loaded = peak_rss_mb()
    wall, cpu = time.perf_counter(), cpu_seconds()
    result = work()
    return {
        **result,
        "wall_seconds": round(time.perf_counter() - wall, 3),
        "cpu_seconds": round(cpu_seconds() - cpu, 3),
        "rss_loaded_mb": round(rss_loaded, 1),
        "peak_rss_mb": round(peak_rss_mb(), 1),
    }


def analyse(text: str) -> dict[str, Any]:
    from onrecord.ingest import parse_text
    from onrecord.nlp import Annotator

    annotator = Annotator()
    annotator.analyze(parse_text(WARM_UP))
    article = parse_text(text)

    def work() -> dict[str, Any]:
        analysis = annotator.analyze(article)
        return {"attributions": len(analysis.attributions), "error": analysis.error}

    marks = sum(text.count(mark) for mark in ("“", "”", '"'))
    return {"chars": len(text), "marks": marks, **timed(work)}


def slow_loris(deadline: float) -> dict[str, Any]:
    from onrecord.errors import FetchError
    from onrecord.ingest.fetch import fetch
    from onrecord.settings import Settings

    settings = Settings(allow_private_addresses=True, fetch_deadline=deadline)
    with slow_loris_server() as url:

        def work() -> dict[str, Any]:
            try:
                fetch(url, settings)
            except FetchError as exc:
                return {"deadline_seconds": deadline, "error": exc.reason}
            return {"deadline_seconds": deadline, "error": None}

        return timed(work)


def run(kind: str, size: float, deadline: float) -> dict[str, Any]:
    if kind == "slow-loris":
        return {"probe": kind, **slow_loris(deadline)}
    if kind == "marks":
        text = quotation_marks(int(size))
    elif kind == "quoted":
        text = quoted_words(int(size))
    elif kind == "article":
        text = typical_article(size)
    else:
        text = typical_article(size / TYPICAL_CHARS)
    return {"probe": kind, "size": size, **analyse(text)}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m onrecord.bench._probe")
    parser.add_argument("kind", choices=KINDS)
    parser.add_argument("size", type=float)
    parser.add_argument("--deadline", type=float, default=5.0, help="slow-loris: fetch_deadline")
    args = parser.parse_args(argv)
    print(json.dumps(run(args.kind, args.size, args.deadline)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
