"""The local engine: every input read and analysed on this machine (in ``workers``
processes), written as the batch output's datasets, then the corpus stage."""

from __future__ import annotations

import os
import time
from collections import deque
from collections.abc import Iterator, Sequence
from pathlib import Path

from onrecord import api
from onrecord.batch._summary import BatchSummary, finish
from onrecord.batch._write import DatasetWriter, copy_issues, fresh_output
from onrecord.errors import ReadError
from onrecord.model import Article
from onrecord.settings import Settings

__all__ = ["run_local"]


def run_local(
    inputs: Sequence[str | os.PathLike[str]],
    out: str | os.PathLike[str],
    *,
    issues: Sequence[str | os.PathLike[str]] = (),
    aliases: str | os.PathLike[str] | None = None,
    workers: int = 1,
    settings: Settings | None = None,
) -> BatchSummary:
    """Analyse ``inputs`` (anything ``onrecord read`` takes) into the datasets of ``out``,
    a new or empty folder; a document that cannot be read or analysed goes to ``errors``
    with its reason, and the batch goes on."""
    settings = settings or Settings.load()
    issue_files = [Path(path) for path in issues]
    loaded = [api.load_issue(path) for path in issue_files]  # a bad file fails first
    target = Path(out)
    fresh_output(target)
    started = time.perf_counter()
    writer = DatasetWriter(target)
    where: deque[tuple[str, int]] = deque()  # (input, seq) of each article sent to analysis
    articles = _articles(inputs, settings, writer, where)
    for analysis in api.analyze_many(articles, settings, loaded, workers=workers):
        input_name, seq = where.popleft()
        if analysis.error:
            writer.add_error(input_name, seq, analysis.article.name, "analyse", analysis.error)
        else:
            writer.add_analysis(input_name, seq, analysis)
    writer.flush()
    summary = BatchSummary(str(target), "local", workers, len(inputs))
    summary.issues = copy_issues(target, issue_files)
    return finish(summary, writer.counts, aliases, time.perf_counter() - started)


def _articles(
    inputs: Sequence[str | os.PathLike[str]],
    settings: Settings,
    writer: DatasetWriter,
    where: deque[tuple[str, int]],
) -> Iterator[Article]:
    """The articles of every input, in order; a document that cannot be read is written
    to ``errors`` as it is met."""
    for source in inputs:
        name = os.fspath(source)
        for seq, item in enumerate(api.read_many([source], settings)):
            if isinstance(item, ReadError):
                writer.add_error(name, seq, item.document, "read", item.reason)
            else:
                where.append((name, seq))
                yield item
