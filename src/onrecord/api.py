"""The public Python API; the CLI and other adapters are thin layers over it."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from onrecord import ingest
from onrecord.errors import ReadError
from onrecord.ingest.manifest import Manifest, read_manifest
from onrecord.issues import load_issue
from onrecord.model import Analysis, Article, Issue
from onrecord.resolve import ActorRegistry, PositionTracker, load_aliases
from onrecord.settings import Settings

if TYPE_CHECKING:
    from onrecord.nlp import Annotator

__all__ = [
    "actor_registry",
    "analyze",
    "analyze_many",
    "load_issue",
    "load_manifest",
    "read",
    "read_many",
    "settings",
    "track_positions",
]

Source = str | os.PathLike[str]


def settings(**overrides: Any) -> Settings:
    """Settings from arguments, then ``ONRECORD_*`` variables, then the config file."""
    return Settings.load(overrides)


def read(
    source: Source,
    settings: Settings | None = None,
    *,
    manifest: Source | Manifest | None = None,
    published: date | None = None,
) -> list[Article]:
    """Every article in one input (a file, folder, URL, JSONL, feed or WARC).

    Plain files take what a ``manifest.jsonl`` beside them says (url, outlet, title,
    published, language; docs/input.md), or ``manifest`` instead when given; articles
    with no date of their own are dated ``published``.
    """
    return ingest.read(source, settings, manifest=_manifest(manifest), published=_day(published))


def read_many(
    sources: Iterable[Source],
    settings: Settings | None = None,
    *,
    manifest: Source | Manifest | None = None,
    published: date | None = None,
) -> Iterator[Article | ReadError]:
    """Articles from many inputs; a bad document yields its error and the batch goes on.
    ``manifest`` and ``published`` as for :func:`read`."""
    return ingest.read_many(
        sources, settings, manifest=_manifest(manifest), published=_day(published)
    )


def load_manifest(path: Source) -> Manifest:
    """A manifest of files' metadata (docs/input.md); raises ``ReadError`` when it cannot
    be read, and keeps its bad lines in ``errors``."""
    return read_manifest(path)


def _manifest(manifest: Source | Manifest | None) -> Manifest | None:
    if manifest is None or isinstance(manifest, Manifest):
        return manifest
    return read_manifest(manifest)


def _day(published: date | None) -> datetime | None:
    if published is None or isinstance(published, datetime):
        return published
    return datetime(published.year, published.month, published.day)


def analyze(
    article: Article | str, settings: Settings | None = None, issues: Sequence[Issue] = ()
) -> Analysis:
    """Attributions in one article (an Article, or plain article text), and with
    ``issues`` the positions actors take on them."""
    if isinstance(article, str):
        article = ingest.parse_text(article)
    return next(analyze_many([article], settings, issues))


def analyze_many(
    articles: Iterable[Article], settings: Settings | None = None, issues: Sequence[Issue] = ()
) -> Iterator[Analysis]:
    """Analyses in input order, loading the pipeline once."""
    return _annotator(settings or Settings.load()).analyze_many(articles, issues)


def actor_registry(
    analyses: Iterable[Analysis], aliases: str | os.PathLike[str] | None = None
) -> ActorRegistry:
    """One actor per real person, government or outlet across ``analyses``.

    ``aliases`` is a TOML file that forces merges or splits (see docs/actors.md);
    ``registry.apply(analysis)`` gives an analysis its corpus-wide actors.
    """
    registry = ActorRegistry(load_aliases(Path(aliases)) if aliases else None)
    for analysis in analyses:
        registry.add(analysis)
    return registry


def track_positions(
    analyses: Iterable[Analysis], issue: Issue, aliases: str | os.PathLike[str] | None = None
) -> PositionTracker:
    """Each actor's positions on ``issue`` across ``analyses``, on one timeline.

    The analyses must have been made with the issue (``analyze_many(..., issues=[issue])``);
    ``aliases`` is the actor registry's aliases file. See docs/positions.md for the rules::

        tracker = track_positions(analyses, issue)
        tracker.timeline()                    # actor by actor, in date order, shifts flagged
        tracker.current(date(2024, 6, 1))     # where each actor stood that day
        tracker.undated(date(2024, 6, 1))     # undated positions on record by then, apart
    """
    tracker = PositionTracker(issue, load_aliases(Path(aliases)) if aliases else None)
    for analysis in analyses:
        tracker.add(analysis)
    return tracker


@lru_cache(maxsize=2)
def _annotator(settings: Settings) -> Annotator:
    from onrecord.nlp import Annotator  # spaCy loads only when analysis is asked for

    return Annotator(settings)
