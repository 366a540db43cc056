"""Ingestion: files, URLs, feeds, WARC and JSONL in, :class:`Article` records out.

``read`` is strict: one bad document raises. ``read_many`` is for batches: a
bad document (or a bad line of a JSONL file, or record of a WARC file) is
yielded as a :class:`ReadError` and the batch goes on. Both give plain files what
a manifest beside them says (``ingest.manifest``), and an undated article the
``published`` date they are given.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from datetime import datetime

from onrecord.errors import ReadError
from onrecord.ingest.html import parse_html
from onrecord.ingest.manifest import Describer, Manifest
from onrecord.ingest.sources import iter_document, iter_source
from onrecord.ingest.text import parse_text
from onrecord.model import Article
from onrecord.settings import Settings

__all__ = ["parse_html", "parse_text", "read", "read_document", "read_many"]


def read(
    source: str | os.PathLike[str],
    settings: Settings | None = None,
    *,
    follow_links: bool = False,
    manifest: Manifest | None = None,
    published: datetime | None = None,
) -> list[Article]:
    """Every article in one file, directory, URL or ``-`` (stdin).

    Raises the first :class:`ReadError` met; use :func:`read_many` to keep the
    good articles of a partly bad input. ``manifest`` describes every file instead of
    a ``manifest.jsonl`` beside it; ``published`` dates the articles that have no date.
    """
    articles: list[Article] = []
    outcomes = iter_source(source, settings or Settings.load(), follow_links=follow_links)
    for outcome in Describer(manifest, published).describe(outcomes):
        if isinstance(outcome, ReadError):
            raise outcome
        articles.append(outcome)
    return articles


def read_many(
    sources: Iterable[str | os.PathLike[str]],
    settings: Settings | None = None,
    *,
    follow_links: bool = False,
    manifest: Manifest | None = None,
    published: datetime | None = None,
) -> Iterator[Article | ReadError]:
    """Every article in ``sources``, in order, with an error in place of each bad document;
    ``manifest`` and ``published`` as for :func:`read`."""
    return Describer(manifest, published).describe(_outcomes(sources, settings, follow_links))


def read_document(
    data: bytes, document: str, settings: Settings | None = None
) -> Iterator[Article | ReadError]:
    """Every article in one file's bytes, as :func:`read_many` reads the file at the
    path ``document``: the same articles, names and errors."""
    outcomes = iter_document(data, document, settings or Settings.load())
    return Describer(None, None).describe(outcomes)


def _outcomes(
    sources: Iterable[str | os.PathLike[str]], settings: Settings | None, follow_links: bool
) -> Iterator[Article | ReadError]:
    settings = settings or Settings.load()
    for source in sources:
        try:
            yield from iter_source(source, settings, follow_links=follow_links)
        except Exception as exc:  # noqa: BLE001 - a bug met on one input must not end the batch
            yield ReadError(os.fspath(source), f"internal error, please report it: {exc!r}")
