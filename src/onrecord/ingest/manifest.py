"""What files cannot say about themselves: a manifest beside them, and a default date.

A plain-text file has no URL, outlet or, often, date. A ``manifest.jsonl`` gives
them, one JSON object a line naming a file, by its path from the manifest's folder
(``"file": "articles/000.txt"``) or by its name without the extension
(``"id": "000"``, as topical-dev's manifest does)::

    {"file": "000.txt", "url": "https://…", "outlet": "CBC News", "title": "…",
     "published": "2024-05-30", "language": "en"}

Every key but the name is optional; ``null`` leaves the field as the file gives it,
other keys are ignored. What an entry gives wins over what is found in the file, as a
JSONL line's keys do. A manifest in a folder is read for the files of that folder (and
is not an article); ``--manifest FILE`` names one for every input instead. A command's
``--published DATE`` dates every article that has no date after that. A bad line fails
alone, as ``manifest.jsonl:LINE``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from onrecord.errors import ReadError
from onrecord.model import Article

__all__ = ["MANIFEST_NAME", "Describer", "Manifest", "ManifestEntry", "read_manifest"]

MANIFEST_NAME = "manifest.jsonl"
_TEXT_FIELDS = ("url", "outlet", "title", "language")

Outcome = Article | ReadError


@dataclass(frozen=True)
class ManifestEntry:
    """What a manifest line says of one file; ``None`` where it says nothing."""

    id: str | None = None
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: datetime | None = None
    language: str | None = None

    def describe(self, article: Article) -> Article:
        """``article`` with what this entry gives in place of what its file gave."""
        for key in ("url", "outlet", "title", "published", "language"):
            value = getattr(self, key)
            if value is not None:
                setattr(article, key, value)
        if self.id is not None:
            article.external_id = self.id
        return article


@dataclass(frozen=True)
class Manifest:
    """A manifest's entries by file path (from its folder) and by id; ``errors`` are
    its bad lines."""

    path: Path
    by_file: dict[str, ManifestEntry] = field(default_factory=dict)
    by_id: dict[str, ManifestEntry] = field(default_factory=dict)
    errors: tuple[ReadError, ...] = ()

    def entry(self, file: str | os.PathLike[str], stem: str | None = None) -> ManifestEntry | None:
        """The entry for ``file``: by its path from the manifest's folder, else by
        ``stem`` (its name without the extension: what ``"id"`` names)."""
        try:
            relative = Path(file).resolve().relative_to(self.path.parent.resolve()).as_posix()
        except ValueError:  # a file outside the manifest's folder has only its id
            relative = None
        found = self.by_file.get(relative) if relative else None
        return found or (self.by_id.get(stem) if stem else None)


def read_manifest(path: str | os.PathLike[str]) -> Manifest:
    """The manifest at ``path``; raises :class:`ReadError` when it cannot be read at all."""
    path = Path(path)
    try:
        lines = path.read_bytes().splitlines()
    except OSError as exc:
        raise ReadError(str(path), f"cannot read the manifest: {exc.strerror or exc}") from exc
    by_file: dict[str, ManifestEntry] = {}
    by_id: dict[str, ManifestEntry] = {}
    errors = []
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            file, entry = _entry(raw, f"{path}:{number}")
        except ReadError as exc:
            errors.append(exc)
            continue
        if file is not None:
            by_file.setdefault(Path(file).as_posix(), entry)
        if entry.id is not None:
            by_id.setdefault(entry.id, entry)
    return Manifest(path, by_file, by_id, tuple(errors))


def _entry(raw: bytes, name: str) -> tuple[str | None, ManifestEntry]:
    try:
        record = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ReadError(name, f"not a JSON object of UTF-8 text: {exc}") from exc
    if not isinstance(record, dict):
        raise ReadError(name, f"expected a JSON object, got {type(record).__name__}")
    file, raw_id = record.get("file"), record.get("id")
    if not isinstance(file, str | None) or not isinstance(raw_id, str | int | None):
        raise ReadError(name, "'file' must be a string and 'id' a string or an integer")
    if not file and raw_id is None:
        raise ReadError(name, "names no file: give 'file' (its path) or 'id' (its name)")
    values = {key: _text(record, key, name) for key in _TEXT_FIELDS}
    ident = None if raw_id is None else str(raw_id)
    entry = ManifestEntry(id=ident, published=_published(record.get("published"), name), **values)
    return file or None, entry


def _text(record: dict[str, Any], key: str, name: str) -> str | None:
    value = record.get(key)
    if value is not None and not isinstance(value, str):
        raise ReadError(name, f"{key!r} must be a string, not {type(value).__name__}")
    return value or None


def _published(value: Any, name: str) -> datetime | None:
    if value is None:
        return None
    try:
        return datetime.fromisoformat(value)
    except (TypeError, ValueError) as exc:
        raise ReadError(name, f"'published' is not an ISO 8601 date: {value!r}") from exc


class Describer:
    """Gives the articles of a run what their files cannot: a manifest's entries and a
    default publication date.

    ``manifest`` is used for every file when given; else each file's folder is looked in
    for a ``manifest.jsonl`` (read once). Only articles that are a whole file (plain
    text, HTML) are described: JSONL lines, feed entries and WARC records carry their
    own metadata. ``published`` then dates every article that still has no date.
    """

    def __init__(self, manifest: Manifest | None = None, published: datetime | None = None) -> None:
        self.manifest = manifest
        self.published = published
        self._beside: dict[Path, Manifest | None] = {}
        self._pending = list(manifest.errors) if manifest else []

    def describe(self, outcomes: Iterable[Outcome]) -> Iterator[Outcome]:
        """``outcomes`` with each article described; a manifest's bad lines are yielded
        once, before the first article it could describe."""
        yield from self._flush()
        for outcome in outcomes:
            if isinstance(outcome, Article):
                self._describe(outcome)
                yield from self._flush()
            yield outcome

    def _flush(self) -> list[ReadError]:
        pending, self._pending = self._pending, []
        return pending

    def _describe(self, article: Article) -> None:
        file = _whole_file(article)
        if file is not None:
            manifest = self.manifest or self._manifest(file.parent)
            entry = manifest.entry(file, article.external_id) if manifest else None
            if entry is not None:
                entry.describe(article)
        if article.published is None and self.published is not None:
            article.published = self.published

    def _manifest(self, folder: Path) -> Manifest | None:
        """The manifest of ``folder``, read the first time it is asked for."""
        if folder not in self._beside:
            path = folder / MANIFEST_NAME
            try:
                found = read_manifest(path) if path.is_file() else None
            except ReadError as exc:
                self._pending.append(exc)
                found = None
            self._pending.extend(found.errors if found else ())
            self._beside[folder] = found
        return self._beside[folder]


def _whole_file(article: Article) -> Path | None:
    """The file ``article`` is the whole of, when it is one (its source names the file
    itself, not ``FILE:LINE``, a URL or stdin)."""
    # os.path.isfile, not Path.is_file: a long URL as a path must be False, not an error.
    if not article.source or not os.path.isfile(article.source):
        return None
    return Path(article.source)
