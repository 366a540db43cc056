"""One measured run of one system, in a process of its own.

``python -m onrecord.bench._worker SYSTEM [--batch-size N] [--model NAME] [--issue FILE]
TEXT_FILE...`` prints one JSON line: load seconds, processing seconds, articles,
articles/s and peak RSS. The clock starts after the pipeline is loaded and has run once
on a short warm-up text, so throughput counts only reading, analysing and serialising
the articles. With ``--issue`` (onrecord only), positions on that issue are extracted
too, and the line also counts them: ``positions`` in all and
``articles_with_positions``; both are ``null`` without it.
"""

from __future__ import annotations

import argparse
import importlib
import json
import resource
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, NamedTuple

SYSTEMS = ("onrecord", "textacy")


class Output(NamedTuple):
    """What a processor yields per article; counting is left to the caller, so both
    systems are timed the same way."""

    line: str  # the article's JSON line
    found: int  # attributions (onrecord) or direct quotations (textacy)
    failed: bool
    positions: int | None = None  # None when positions were not extracted


Processor = Callable[[Sequence[Path]], Iterator[Output]]
# Run once through each system while loading, so lazily loaded parts (language
# identification, first-call set-up) count as load time, not as throughput.
WARM_UP = 'The mayor said on Monday that the bridge would reopen. "We are ready," she added.'


def peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 1024  # bytes there, KiB here


def load_onrecord(
    batch_size: int | None, issue_path: Path | None = None
) -> tuple[Processor, dict[str, Any]]:
    from onrecord import api, ingest
    from onrecord.issues import load_issue
    from onrecord.model import Article
    from onrecord.nlp import Annotator

    settings = api.settings(batch_size=batch_size)
    annotator = Annotator(settings)
    issues = [load_issue(issue_path)] if issue_path else []

    def process(paths: Sequence[Path]) -> Iterator[Output]:
        articles = (a for a in ingest.read_many(paths, settings) if isinstance(a, Article))
        for analysis in annotator.analyze_many(articles, issues=issues):
            line = json.dumps(analysis.to_dict(), ensure_ascii=False)
            positions = None if analysis.positions is None else len(analysis.positions)
            yield Output(line, len(analysis.attributions), bool(analysis.error), positions)

    with tempfile.TemporaryDirectory() as folder:  # the reader's path too, not just the parser's
        warm_up = Path(folder) / "warm-up.txt"
        warm_up.write_text(WARM_UP, encoding="utf-8")
        list(process([warm_up]))
    info = {
        "model": annotator.provenance.components,
        "batch_size": settings.batch_size,
        "issue": issues[0].id if issues else None,
    }
    return process, info


def load_textacy(batch_size: int, model: str) -> tuple[Processor, dict[str, Any]]:
    from textacy.extract.triples import direct_quotations

    nlp = importlib.import_module(model).load()  # the full pipeline, NER included

    def texts(paths: Sequence[Path]) -> Iterator[str]:
        for path in paths:
            with open(path, encoding="utf-8", newline="") as f:
                yield f.read()

    def process(paths: Sequence[Path]) -> Iterator[Output]:
        for doc in nlp.pipe(texts(paths), batch_size=batch_size):
            try:
                quotes = [_quote_dict(q) for q in direct_quotations(doc)]
            except ValueError as exc:  # textacy gives up on an odd number of quotation marks
                yield Output(json.dumps({"error": str(exc)}), 0, True)
                continue
            yield Output(json.dumps({"quotations": quotes}, ensure_ascii=False), len(quotes), False)

    json.dumps([_quote_dict(q) for q in direct_quotations(nlp(WARM_UP))])
    info = {"model": f"{model}-{nlp.meta.get('version')}", "batch_size": batch_size, "issue": None}
    return process, info


def _quote_dict(quote: Any) -> dict[str, Any]:
    """A textacy DQTriple (lists of tokens) as character ranges."""
    return {
        role: [[t.idx, t.idx + len(t)] for t in getattr(quote, role)]
        for role in ("speaker", "cue", "content")
    }


@dataclass
class Tally:
    """Counts over the articles a processor yields; the position counts stay None unless
    positions were extracted."""

    articles: int = 0
    found: int = 0
    failed: int = 0
    output_chars: int = 0
    positions: int | None = None
    articles_with_positions: int | None = None

    def add(self, output: Output) -> None:
        self.articles += 1
        self.found += output.found
        self.failed += output.failed
        self.output_chars += len(output.line)
        if output.positions is not None:
            self.positions = (self.positions or 0) + output.positions
            self.articles_with_positions = (self.articles_with_positions or 0) + (
                output.positions > 0
            )


def measure(
    system: str,
    paths: Sequence[Path],
    batch_size: int | None,
    model: str | None,
    issue_path: Path | None = None,
) -> dict[str, Any]:
    if issue_path and system != "onrecord":
        raise ValueError("only onrecord extracts positions on an issue")
    started = time.perf_counter()
    if system == "onrecord":
        process, info = load_onrecord(batch_size, issue_path)
    else:
        process, info = load_textacy(batch_size or 16, model or "en_core_web_sm")
    loaded = time.perf_counter()
    rss_loaded = peak_rss_mb()
    tally = Tally()
    for output in process(paths):
        tally.add(output)
    seconds = time.perf_counter() - loaded
    articles = tally.articles
    return {
        "system": system,
        **info,
        **asdict(tally),
        "load_seconds": round(loaded - started, 3),
        "seconds": round(seconds, 3),
        "articles_per_second": round(articles / seconds, 3) if seconds > 0 else None,
        "peak_rss_after_load_mb": round(rss_loaded, 1),
        "peak_rss_mb": round(peak_rss_mb(), 1),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m onrecord.bench._worker")
    parser.add_argument("system", choices=SYSTEMS)
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--batch-size", type=int, help="default: onrecord's own")
    parser.add_argument("--model", help="spaCy model package for textacy")
    parser.add_argument("--issue", type=Path, help="issue file: extract positions (onrecord)")
    args = parser.parse_args(argv)
    if args.issue and args.system != "onrecord":
        parser.error("--issue applies to onrecord only")
    result = measure(args.system, args.paths, args.batch_size, args.model, args.issue)
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
