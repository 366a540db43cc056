"""The fuzz run (``onrecord bench fuzz``): hostile documents through ``read`` and articles
through ``analyze``, counting what a robust reader and analyser must never do.

*Read*: ``read`` documents from ``bench._fuzz_inputs`` are written to a temporary
folder and read one by one with ``ingest.read_many``, the batch path. A crash is an
exception out of it, or a ``ReadError`` of the batch's safety net ("internal
error"); an invalid article has blocks outside its text or out of order, or a text
or field that cannot be written out as UTF-8 JSON and read back the same.

*Analyze*: ``analyze`` articles through ``Annotator.analyze_many``: the articles the
reading gave, then short generated texts when those run out, each with its
language cleared so that every one is parsed, not skipped. A crash is an analysis
that failed ("analysis failed", the annotator's own safety net); an invalid offset
is a span outside its article's text, or whose text is not the article's there.
"""

from __future__ import annotations

import json
import random
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from onrecord.bench._fuzz_inputs import documents, newsy_text
from onrecord.errors import ReadError
from onrecord.ingest import parse_text, read_many
from onrecord.model import Analysis, Article, Span
from onrecord.settings import Settings

__all__ = ["FuzzReport", "fuzz"]

Progress = Callable[[str], None]
BATCH = 1_000  # documents written to the folder at a time
MAX_ANALYSED_CHARS = 5_000  # articles longer than this are left to the robustness probes
SAMPLES = 5  # crash messages kept for the report


@dataclass
class FuzzReport:
    seed: int
    texts_read: int = 0
    articles: int = 0
    read_errors: int = 0
    read_crashes: int = 0
    invalid_articles: int = 0
    analysed: int = 0
    analysis_crashes: int = 0
    analysis_errors: int = 0  # refusals by a documented limit
    spans: int = 0
    invalid_offsets: int = 0
    crash_samples: list[str] = field(default_factory=list)

    @property
    def crashes(self) -> int:
        return self.read_crashes + self.analysis_crashes

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "crashes": self.crashes}

    def crashed(self, what: str) -> None:
        if len(self.crash_samples) < SAMPLES:
            self.crash_samples.append(what[:500])


def fuzz(*, read: int, analyze: int, seed: int = 0, progress: Progress | None = None) -> FuzzReport:
    """``read`` documents through reading, then ``analyze`` articles through analysis."""
    say = progress or (lambda _message: None)
    report = FuzzReport(seed=seed)
    to_analyse: list[Article] = []
    settings = Settings.load()
    for done, outcome in _read_all(documents(seed, read), settings, report):
        if isinstance(outcome, Article) and len(outcome.text) <= MAX_ANALYSED_CHARS:
            if len(to_analyse) < analyze:
                to_analyse.append(outcome)
        if done % BATCH == 0:
            say(f"read {done:,}/{read:,}: {report.crashes} crashes")
    if analyze:
        _analyse_all(_with_generated(to_analyse, analyze, seed), settings, report, say)
    return report


def _read_all(
    docs: Iterable[tuple[str, bytes]], settings: Settings, report: FuzzReport
) -> Iterator[tuple[int, Article | ReadError]]:
    batch: list[tuple[str, bytes]] = []
    for doc in docs:
        batch.append(doc)
        if len(batch) == BATCH:
            yield from _read_batch(batch, settings, report)
            batch = []
    if batch:
        yield from _read_batch(batch, settings, report)


def _read_batch(
    batch: list[tuple[str, bytes]], settings: Settings, report: FuzzReport
) -> Iterator[tuple[int, Article | ReadError]]:
    with tempfile.TemporaryDirectory(prefix="onrecord-fuzz-") as folder:
        for name, data in batch:
            path = Path(folder) / name
            path.write_bytes(data)
            report.texts_read += 1
            try:
                outcomes = list(read_many([path], settings))
            except Exception as exc:  # noqa: BLE001 - what the run counts
                report.read_crashes += 1
                report.crashed(f"{name}: {exc!r}")
                continue
            for outcome in outcomes:
                _count_read(outcome, name, report)
                yield report.texts_read, outcome


def _count_read(outcome: Article | ReadError, name: str, report: FuzzReport) -> None:
    if isinstance(outcome, ReadError):
        report.read_errors += 1
        if "internal error" in outcome.reason:
            report.read_crashes += 1
            report.crashed(f"{name}: {outcome}")
        return
    report.articles += 1
    problem = _article_problem(outcome)
    if problem:
        report.invalid_articles += 1
        report.crashed(f"{name}: invalid article: {problem}")


def _article_problem(article: Article) -> str | None:
    previous = 0
    for block in article.blocks:
        if not (previous <= block.start < block.end <= len(article.text)):
            return f"block {block} out of order or outside the text"
        previous = block.end
    try:
        written = json.dumps(article.to_dict(), ensure_ascii=False).encode("utf-8")
        if Article.from_dict(json.loads(written)) != article:
            return "not read back the same"
    except (ValueError, UnicodeError) as exc:
        return f"cannot be written: {exc!r}"
    return None


def _with_generated(articles: list[Article], count: int, seed: int) -> Iterator[Article]:
    rng = random.Random(seed + 1)
    for number in range(count):
        if number < len(articles):
            article = articles[number]
        else:
            article = parse_text("\n\n".join(newsy_text(rng) for _ in range(rng.randint(1, 5))))
        article.language = None  # parsed whatever it looks like
        yield article


def _analyse_all(
    articles: Iterable[Article], settings: Settings, report: FuzzReport, say: Progress
) -> None:
    from onrecord.nlp import Annotator  # spaCy only once it is needed

    annotator = Annotator(settings)
    for analysis in annotator.analyze_many(articles):
        report.analysed += 1
        _count_analysis(analysis, report)
        if report.analysed % BATCH == 0:
            say(f"analysed {report.analysed:,}: {report.crashes} crashes")


def _count_analysis(analysis: Analysis, report: FuzzReport) -> None:
    if analysis.error:
        if "analysis failed" in analysis.error:
            report.analysis_crashes += 1
            report.crashed(analysis.error)
        else:
            report.analysis_errors += 1
    text = analysis.article.text
    for attribution in analysis.attributions:
        for span in (*attribution.content, attribution.cue, attribution.source):
            if span is not None:
                report.spans += 1
                report.invalid_offsets += not _inside(span, text)


def _inside(span: Span, text: str) -> bool:
    return 0 <= span.start < span.end <= len(text) and text[span.start : span.end] == span.text
