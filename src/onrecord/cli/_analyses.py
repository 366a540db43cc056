"""Inputs to analyses for the commands that analyse: each problem reported as it comes.

Also the options every command that reads articles takes about them: ``--published``
and ``--manifest`` (what the files cannot say of themselves, ``ingest.manifest``).
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime

from onrecord import api
from onrecord.cli._output import error
from onrecord.cli._progress import counted
from onrecord.ingest.manifest import Manifest
from onrecord.model import Analysis, Article, Issue
from onrecord.settings import Settings


@dataclass(frozen=True)
class InputMetadata:
    """What the command line says of its inputs' articles."""

    manifest: Manifest | None = None
    published: datetime | None = None

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> InputMetadata:
        """From ``--manifest`` and ``--published``; a manifest that cannot be read fails
        here, before any article is."""
        manifest = api.load_manifest(args.manifest) if args.manifest else None
        return cls(manifest, args.published)


def add_input_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--published",
        type=_moment,
        metavar="DATE",
        help="the publication date (YYYY-MM-DD, or ISO 8601 with a time) of every input "
        "article that gives none, nor its manifest: relative dates in it resolve against it",
    )
    parser.add_argument(
        "--manifest",
        metavar="FILE",
        help="a JSON Lines file of the input files' url, outlet, title, published and "
        "language (format: docs/input.md), used instead of the manifest.jsonl read from "
        "each file's folder",
    )


def add_workers_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--workers",
        type=_positive,
        default=1,
        metavar="N",
        help="analyse in N processes, each loading the pipeline once (default: 1); the "
        "output is the same as with one. See docs/scale.md",
    )


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return number


def _moment(value: str) -> datetime:
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a date; give it as YYYY-MM-DD (or ISO 8601 with a time)"
        ) from None


class AnalysisStream:
    """Analyses of every article in ``inputs``, in order, described by ``metadata``.

    A document that cannot be read, an analysis that fails, and a skipped article are
    reported on stderr; ``failures`` counts the first two, for the exit status. With
    ``issues``, each analysis has the positions actors take on them. With ``progress``,
    a bar on stderr counts the analyses as they come; with ``workers``, that many
    processes analyse.
    """

    def __init__(
        self,
        inputs: Sequence[str],
        settings: Settings,
        issues: Sequence[Issue] = (),
        metadata: InputMetadata | None = None,
        progress: bool = False,
        workers: int = 1,
    ) -> None:
        self.inputs = inputs
        self.settings = settings
        self.issues = issues
        self.metadata = metadata or InputMetadata()
        self.progress = progress
        self.workers = workers
        self.failures = 0

    def __iter__(self) -> Iterator[Analysis]:
        analyses = api.analyze_many(
            self._articles(), self.settings, self.issues, workers=self.workers
        )
        for analysis in counted(analyses, self.progress, what="analysing", unit="articles"):
            self._report(analysis)
            yield analysis

    def _articles(self) -> Iterator[Article]:
        meta = self.metadata
        items = api.read_many(
            self.inputs, self.settings, manifest=meta.manifest, published=meta.published
        )
        for item in items:
            if isinstance(item, Article):
                yield item
            else:
                self.failures += 1
                error(str(item))

    def _report(self, analysis: Analysis) -> None:
        if analysis.error:
            self.failures += 1
            error(analysis.error)
        elif analysis.skipped:
            error(f"{analysis.article.name}: skipped: {analysis.skipped}")
