"""One input — a path, a URL, a directory or ``-`` for stdin — to its reader.

The reader is chosen by URL scheme, then file extension (or the server's
content type), then by sniffing the first bytes. Size limits apply per
document: the whole file for text, HTML and feeds, each line of a JSONL file
and each record of a WARC file (the whole input for a pipe).

Each document is read behind a guard: a bug a reader meets on one document
becomes that document's error ("internal error, please report it"), and the
folder or batch it came in goes on.
"""

from __future__ import annotations

import io
import os
import re
import stat
import sys
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path

from onrecord.errors import ReadError
from onrecord.ingest.decode import check_size, decode
from onrecord.ingest.feeds import LinkReader, read_feed
from onrecord.ingest.fetch import Fetched, fetch
from onrecord.ingest.folders import folder_entries
from onrecord.ingest.html import parse_html
from onrecord.ingest.jsonl import read_jsonl
from onrecord.ingest.text import parse_text
from onrecord.ingest.warc import read_warc
from onrecord.model import Article
from onrecord.settings import Settings

__all__ = ["Kind", "iter_document", "iter_source", "sniff_kind"]

Outcome = Article | ReadError


class Kind(StrEnum):
    """The formats onrecord reads."""

    TEXT = "text"
    HTML = "html"
    FEED = "feed"
    JSONL = "jsonl"
    WARC = "warc"


_EXTENSIONS = {
    ".jsonl": Kind.JSONL,
    ".ndjson": Kind.JSONL,
    ".warc": Kind.WARC,
    ".warc.gz": Kind.WARC,
    ".html": Kind.HTML,
    ".htm": Kind.HTML,
    ".xhtml": Kind.HTML,
    ".rss": Kind.FEED,
    ".atom": Kind.FEED,
}
# In a folder, files with these endings are read too: their first bytes tell the kind.
_SNIFFED_EXTENSIONS = (".txt", ".text", ".xml")
_FOLDER_EXTENSIONS = (*_EXTENSIONS, *_SNIFFED_EXTENSIONS)
_MEDIA_TYPES = {
    "text/html": Kind.HTML,
    "application/xhtml+xml": Kind.HTML,
    "application/rss+xml": Kind.FEED,
    "application/atom+xml": Kind.FEED,
    "application/rdf+xml": Kind.FEED,
    "application/warc": Kind.WARC,
    "application/x-ndjson": Kind.JSONL,
    "application/jsonl": Kind.JSONL,
    "text/plain": Kind.TEXT,
}
SNIFF_BYTES = 2048
_PROLOGUE = rb"^(?:<\?xml[^>]*>|<!--.*?-->|<!doctype (?!html)[^>]*>|\s)*"
_FEED_ROOT = re.compile(_PROLOGUE + rb"<(rss|feed|rdf:rdf)\b", re.I | re.S)
_HTML_START = re.compile(
    _PROLOGUE + rb"<(!doctype html|html|head|body|meta|title|article|div|p)\b", re.I | re.S
)
_JSONL_START = re.compile(rb'^\{\s*"')


def iter_source(
    source: str | os.PathLike[str], settings: Settings, *, follow_links: bool = False
) -> Iterator[Outcome]:
    """Every article one input holds, and an error for each document that failed."""
    name = os.fspath(source)
    if re.match(r"^https?://", name, re.I):
        yield from _guarded(_url(name, settings, follow_links), name)
    elif name == "-":
        data = sys.stdin.buffer.read(settings.max_bytes + 1)
        outcomes = _bytes(data, "<stdin>", None, settings, follow_links)
        yield from _guarded(_nonempty(outcomes, "<stdin>"), "<stdin>")
    elif Path(name).is_dir():
        for entry in folder_entries(Path(name), _FOLDER_EXTENSIONS):
            if isinstance(entry, ReadError):
                yield entry
            else:
                yield from _guarded(_path(entry, settings, follow_links), str(entry))
    else:
        yield from _guarded(_path(Path(name), settings, follow_links), name)


def iter_document(data: bytes, document: str, settings: Settings) -> Iterator[Outcome]:
    """Every article in the bytes of one file, named ``document`` (its path or URI), as
    reading that file would give them: for engines that hand over a file's content
    (Spark's ``binaryFile``), not its path."""
    kind = _kind_from_name(document) or sniff_kind(data[:SNIFF_BYTES])
    outcomes = _nonempty(_bytes(data, document, kind, settings, False), document)
    for outcome in _guarded(outcomes, document):
        if isinstance(outcome, Article) and outcome.external_id is None and kind is not Kind.FEED:
            outcome.external_id = _stem(Path(document))
        yield outcome


def sniff_kind(head: bytes) -> Kind:
    """The format the first bytes of a document look like."""
    head = head[:SNIFF_BYTES].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith((b"WARC/1.", b"\x1f\x8b\x08")):
        return Kind.WARC
    if _FEED_ROOT.match(head):
        return Kind.FEED
    if _HTML_START.match(head):
        return Kind.HTML
    if _JSONL_START.match(head):
        return Kind.JSONL
    return Kind.TEXT


def _kind_from_name(name: str) -> Kind | None:
    lowered = name.lower()
    return next((k for ext, k in _EXTENSIONS.items() if lowered.endswith(ext)), None)


def _stem(path: Path) -> str:
    name = path.name
    kind_ext = next((ext for ext in _EXTENSIONS if name.lower().endswith(ext)), path.suffix)
    return name[: len(name) - len(kind_ext)] if kind_ext else name


def _path(path: Path, settings: Settings, follow_links: bool) -> Iterator[Outcome]:
    document = str(path)
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            # A pipe or a device can be read once only: whole, up to the limit.
            yield from _nonempty(_stream(path, settings, follow_links), document)
            return
        kind = _kind_from_name(path.name) or sniff_kind(_head(path))
        if kind in (Kind.WARC, Kind.JSONL):
            yield from _nonempty(_streamed(path, kind, settings.max_bytes), document)
            return
        check_size(path.stat().st_size, settings.max_bytes, document)
        data = path.read_bytes()
    except (OSError, ValueError) as exc:  # ValueError: a NUL character in the path
        yield ReadError(document, f"cannot read it: {_os_reason(exc)}")
        return
    except ReadError as exc:
        yield exc
        return
    for outcome in _nonempty(_bytes(data, document, kind, settings, follow_links), document):
        # A file of one article is named by its stem; a feed's entries by their number.
        if isinstance(outcome, Article) and outcome.external_id is None and kind is not Kind.FEED:
            outcome.external_id = _stem(path)
        yield outcome


def _stream(path: Path, settings: Settings, follow_links: bool) -> Iterator[Outcome]:
    with path.open("rb") as stream:
        data = stream.read(settings.max_bytes + 1)
    yield from _bytes(data, str(path), _kind_from_name(path.name), settings, follow_links)


def _os_reason(exc: OSError | ValueError) -> str:
    return (exc.strerror if isinstance(exc, OSError) else None) or str(exc)


def _streamed(path: Path, kind: Kind, max_bytes: int) -> Iterator[Outcome]:
    """A WARC or JSONL file, read record by record rather than whole."""
    with path.open("rb") as stream:
        if kind is Kind.WARC:
            yield from read_warc(stream, str(path), max_bytes=max_bytes)
        else:
            yield from read_jsonl(stream, str(path), max_bytes=max_bytes)


def _head(path: Path) -> bytes:
    with path.open("rb") as stream:
        return stream.read(SNIFF_BYTES)


def _url(url: str, settings: Settings, follow_links: bool) -> Iterator[Outcome]:
    try:
        fetched = fetch(url, settings)
    except ReadError as exc:
        yield exc
        return
    kind = _MEDIA_TYPES.get(fetched.media_type or "")
    if kind in (None, Kind.TEXT, Kind.HTML):
        # Servers label feeds and archives text/plain or text/html often enough to check.
        sniffed = sniff_kind(fetched.content)
        kind = sniffed if sniffed in (Kind.FEED, Kind.WARC) or kind is None else kind
    outcomes = _bytes(fetched.content, url, kind, settings, follow_links, fetched)
    yield from _nonempty(outcomes, url)


def _bytes(
    data: bytes,
    document: str,
    kind: Kind | None,
    settings: Settings,
    follow_links: bool,
    fetched: Fetched | None = None,
) -> Iterator[Outcome]:
    """The articles in one document held in memory."""
    try:
        check_size(len(data), settings.max_bytes, document)
        kind = kind or sniff_kind(data)
        url = fetched.url if fetched else None
        charset = fetched.charset if fetched else None
        if kind is Kind.WARC:
            yield from read_warc(io.BytesIO(data), document, max_bytes=settings.max_bytes)
        elif kind is Kind.JSONL:
            yield from read_jsonl(io.BytesIO(data), document, max_bytes=settings.max_bytes)
        elif kind is Kind.FEED:
            reader = _link_reader(settings) if follow_links else None
            yield from read_feed(_nonblank(data, document), document, follow_link=reader)
        elif kind is Kind.HTML:
            yield parse_html(_nonblank(data, document), url=url, source=document, charset=charset)
        else:
            yield parse_text(decode(data, document, declared=charset), source=document, url=url)
    except ReadError as exc:
        yield exc


def _nonblank(data: bytes, document: str) -> bytes:
    if not data.strip():
        raise ReadError(document, "empty document: no text in it")
    return data


def _link_reader(settings: Settings) -> LinkReader:
    def read_link(link: str, name: str) -> Article:
        fetched = fetch(link, settings)
        return parse_html(fetched.content, url=fetched.url, source=name, charset=fetched.charset)

    return read_link


def _guarded(outcomes: Iterator[Outcome], document: str) -> Iterator[Outcome]:
    """Pass ``outcomes`` on; a reader's bug ends its document with an error, not the batch."""
    try:
        yield from outcomes
    except ReadError as exc:
        yield exc
    except Exception as exc:  # noqa: BLE001 - see the module's docstring
        yield ReadError(document, f"internal error, please report it: {exc!r}")


def _nonempty(outcomes: Iterator[Outcome], document: str) -> Iterator[Outcome]:
    """Pass ``outcomes`` on; a document that yields nothing at all is an error too."""
    empty = True
    for outcome in outcomes:
        empty = False
        yield outcome
    if empty:
        yield ReadError(document, "no articles found in it")
