"""WARC and WARC.gz crawl archives: the HTML ``response`` records, each an Article.

A broken record fails alone, named with its number and byte offset: reading
resumes at the next record header (or gzip member) after it, always further on
than the last attempt began, so damage cannot make it go round. A record cut
short of its ``Content-Length`` (a truncated file) is broken too. Records are named
``file.warc.gz:N``, N counting the records of the file from 1; ``Article.url``
is the record's target URI.

warcio parses the bytes; whatever it raises on a damaged record (and it raises
more kinds than it documents) is that record's error. Our own HTML reader runs
outside that boundary, so a fault in it is not mistaken for a damaged archive.
"""

from __future__ import annotations

import logging
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.limitreader import LimitReader
from warcio.recordloader import ArcWarcRecord, ArcWarcRecordLoader

from onrecord.errors import ReadError
from onrecord.ingest.decode import check_size
from onrecord.ingest.fetch import parse_content_type
from onrecord.ingest.html import parse_html
from onrecord.model import Article

__all__ = ["read_warc"]

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_GZIP_MAGIC = b"\x1f\x8b\x08"
_WARC_MAGIC = b"\nWARC/1."
_SEARCH_CHUNK = 1 << 20
_HEAD_BYTES = 512

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Page:
    """An HTML response record's body, before it is read as a page."""

    name: str
    url: str | None
    body: bytes
    charset: str | None


def read_warc(stream: BinaryIO, document: str, *, max_bytes: int) -> Iterator[Article | ReadError]:
    """The HTML pages of a seekable WARC stream, and an error for each broken record."""
    for page in _pages(stream, document, max_bytes):
        if isinstance(page, ReadError):
            yield page
            continue
        try:
            yield parse_html(page.body, url=page.url, source=page.name, charset=page.charset)
        except ReadError as exc:
            yield exc


def _pages(stream: BinaryIO, document: str, max_bytes: int) -> Iterator[_Page | ReadError]:
    stream.seek(0)
    head = stream.read(_HEAD_BYTES)
    gzipped = head.startswith(_GZIP_MAGIC)
    if not _unzipped_head(head, gzipped).startswith(b"WARC/1."):
        yield ReadError(document, "not a WARC file: it does not start with a WARC/1.x record")
        return
    position: int | None = 0
    number = 0
    while position is not None:
        start = position
        stream.seek(start)
        records = _Records(stream)
        resume_from = start
        current: int | None = None  # the record being read, once warcio has parsed its header
        try:
            for record in records:
                number += 1
                current = number
                if record.format != "warc":
                    # warcio reads stray bytes as old ARC records; here they are damage.
                    raise ArchiveLoadFailed("not a WARC record")
                page = _html_page(record, f"{document}:{number}", max_bytes)
                records.read_to_end(record)
                _warn_of_stray_bytes(records, f"{document}:{number}")
                _check_complete(record)
                if page is not None:
                    yield page
                # In a damaged gzip file warcio can place a record's end before its start;
                # a record never ends before the one it follows.
                end = records.get_record_offset() + records.get_record_length()
                resume_from = max(resume_from, end)
                current = None
            position = None
            # warcio ends without a word at a record cut off in its headers.
            offset = _skip_blank(stream, resume_from)
            if stream.read(1):
                yield ReadError(
                    f"{document}:{number + 1}",
                    f"broken WARC record at byte {offset}: truncated, or not a WARC record",
                )
        except Exception as exc:  # noqa: BLE001 - see the module's docstring
            if current is None:
                number += 1
            offset = _skip_blank(stream, resume_from)
            yield ReadError(
                f"{document}:{number}", f"broken WARC record at byte {offset}: {_reason(exc)}"
            )
            # Strictly past where this attempt started, so that reading always moves on.
            position = _next_record_start(stream, max(offset, start) + 1, gzipped)


class _Loader(ArcWarcRecordLoader):  # type: ignore[misc]
    """warcio's record loader, refusing a record it would otherwise crash on."""

    def load_http_headers(self, rec_type: str, uri: str | None, stream: Any, length: Any) -> Any:
        if uri is None and length != 0 and rec_type in self.HTTP_RECORDS:
            # The WARC standard requires the URI; warcio assumes it (an AttributeError).
            raise ArchiveLoadFailed(f"a {rec_type} record without WARC-Target-URI")
        return super().load_http_headers(rec_type, uri, stream, length)


class _Records(ArchiveIterator):  # type: ignore[misc]
    # warcio writes this warning straight to stderr, raw bytes and all; it still counts it
    # (err_count), and _warn_of_stray_bytes says it through logging, naming the record.
    INC_RECORD = ""

    def __init__(self, stream: BinaryIO) -> None:
        super().__init__(stream)
        # The options ArchiveIterator gives its own loader.
        self.loader = _Loader(verify_http=False, arc2warc=False)
        self.warned = 0


def _warn_of_stray_bytes(records: _Records, name: str) -> None:
    if records.err_count > records.warned:
        records.warned = records.err_count
        log.warning(
            "%s: the WARC record is not followed by a blank line (its Content-Length may be wrong)",
            name,
        )


def _check_complete(record: ArcWarcRecord) -> None:
    """Refuse a record whose block ends before its ``Content-Length`` (a cut-off file),
    or that has none (cut off in its headers); warcio reads what there is without a word."""
    if record.rec_headers.get_header("Content-Length") is None:
        raise ArchiveLoadFailed("truncated: the record has no Content-Length")
    block = record.raw_stream
    if isinstance(block, LimitReader) and block.limit > 0:
        raise ArchiveLoadFailed(
            f"truncated: the record ends {block.limit:,} bytes short of its Content-Length"
        )


def _unzipped_head(head: bytes, gzipped: bool) -> bytes:
    if not gzipped:
        return head
    try:
        return zlib.decompressobj(wbits=31).decompress(head)
    except zlib.error:
        return b""


def _reason(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    first = lines[0][:200] if lines else ""
    if isinstance(exc, ArchiveLoadFailed | EOFError | zlib.error):
        return first or type(exc).__name__
    return f"{type(exc).__name__}: {first}" if first else type(exc).__name__


def _html_page(record: ArcWarcRecord, name: str, max_bytes: int) -> _Page | ReadError | None:
    if record.rec_type != "response" or record.http_headers is None:
        return None
    status = record.http_headers.get_statuscode() or ""
    media_type, charset = parse_content_type(record.http_headers.get_header("Content-Type"))
    if not status.startswith("2") or media_type not in _HTML_TYPES:
        return None
    body = record.content_stream().read(max_bytes + 1)
    try:
        check_size(len(body), max_bytes, name)
    except ReadError as exc:
        return exc
    return _Page(name, record.rec_headers.get_header("WARC-Target-URI"), body, charset)


def _skip_blank(stream: BinaryIO, start: int) -> int:
    """The first position at or after ``start`` that is not blank space between records."""
    stream.seek(start)
    while stream.read(1) in (b"\r", b"\n", b" ", b"\t"):
        start += 1
    return start


def _next_record_start(stream: BinaryIO, start: int, gzipped: bool) -> int | None:
    """Where the next record header (or gzip member) after ``start`` begins, if anywhere."""
    marker = _GZIP_MAGIC if gzipped else _WARC_MAGIC
    # A record header starts a line; the newline before it is not part of it.
    skip = 0 if gzipped else 1
    stream.seek(start)
    offset = start
    tail = b""
    while chunk := stream.read(_SEARCH_CHUNK):
        window = tail + chunk
        found = window.find(marker)
        if found >= 0:
            return offset - len(tail) + found + skip
        tail = window[-(len(marker) - 1) :]
        offset += len(chunk)
    return None
