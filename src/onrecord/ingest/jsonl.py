"""JSON Lines of articles, the interchange format for batch work.

One object a line: ``{"id"?, "url"?, "outlet"?, "title"?, "published"?,
"language"?, "text" | "html"}``. A ``text`` record's string is kept exactly,
so annotations made on it index ``Article.text``; when a line has both,
``text`` is used. A line that onrecord wrote, an analysis (``analyze --format jsonl``)
or an article (``read --format jsonl``), gives back the article it holds, whole. A bad
line fails alone as ``file.jsonl:LINE``. A lone surrogate escape (``"\\ud800"``, which no
encoder can write out) is read as U+FFFD, the replacement character.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any

from onrecord.errors import ReadError
from onrecord.ingest.decode import check_size
from onrecord.ingest.html import parse_html
from onrecord.ingest.text import parse_text
from onrecord.model import Article, RecordError, valid_unicode

__all__ = ["read_jsonl"]

_STRING_FIELDS = ("url", "outlet", "title", "language")
# JSON's escape for a UTF-16 surrogate; only such an escape can give a lone one.
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")


def read_jsonl(
    lines: Iterable[bytes], document: str, *, max_bytes: int
) -> Iterator[Article | ReadError]:
    """The articles of a JSONL stream, and an error for each bad line."""
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        record_name = f"{document}:{number}"
        try:
            check_size(len(raw), max_bytes, record_name)
            yield _read_record(_load(raw, record_name, first=number == 1), record_name)
        except ReadError as exc:
            yield exc


def _load(raw: bytes, name: str, *, first: bool) -> dict[str, Any]:
    if first and raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        record = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ReadError(name, f"not UTF-8 at byte {exc.start}; JSONL must be UTF-8") from exc
    except json.JSONDecodeError as exc:
        raise ReadError(name, f"not valid JSON: {exc.msg} at column {exc.colno}") from exc
    except RecursionError as exc:
        raise ReadError(name, "not readable JSON: arrays or objects nested too deeply") from exc
    except ValueError as exc:
        # Python refuses integers of more than sys.get_int_max_str_digits() digits; the
        # rest of its message is advice for programmers.
        reason = str(exc).split(";")[0]
        raise ReadError(name, f"not readable JSON: a number too long ({reason})") from exc
    if not isinstance(record, dict):
        raise ReadError(name, f"expected a JSON object, got {type(record).__name__}")
    if _SURROGATE_ESCAPE.search(raw):
        record = _without_lone_surrogates(record)
    return record


def _without_lone_surrogates(record: dict[str, Any]) -> dict[str, Any]:
    """The record with every lone surrogate in its strings replaced by U+FFFD.

    Written out unescaped, the surrogates can only stand inside strings, so one pass over
    the whole text reaches every string however deep it is nested."""
    cleaned: dict[str, Any] = json.loads(valid_unicode(json.dumps(record, ensure_ascii=False)))
    return cleaned


def _read_record(record: dict[str, Any], name: str) -> Article:
    written = _written_article(record, name)
    if written is not None:
        return written
    meta = _metadata(record, name)
    text, html = record.get("text"), record.get("html")
    if isinstance(text, str):
        _require_content(text, "text", name)
        article = parse_text(text, source=name, **meta)
    elif isinstance(html, str):
        _require_content(html, "html", name)
        article = parse_html(html, url=meta["url"], source=name)
    else:
        raise ReadError(name, "no article: give a 'text' or an 'html' string")
    return _with_metadata(article, meta, name)


def _written_article(record: dict[str, Any], name: str) -> Article | None:
    """The article of a record onrecord wrote (an analysis holding its article, or an
    article), read as written so that its offsets and metadata stay; else ``None``."""
    if "text" not in record and isinstance(record.get("article"), dict):
        data = record["article"]
    elif "schema_version" in record and isinstance(record.get("blocks"), list):
        data = record
    elif "text" not in record and "article_id" in record and "attributions" in record:
        raise ReadError(
            name, "an analysis written without its article (`analyze --no-article`): no text"
        )
    else:
        return None
    try:
        return Article.from_dict(data)
    except RecordError as exc:
        raise ReadError(name, f"not an article onrecord can read: {exc}") from exc


def _require_content(value: str, key: str, name: str) -> None:
    if not value.strip():
        raise ReadError(name, f"empty {key!r}")


def _metadata(record: dict[str, Any], name: str) -> dict[str, Any]:
    meta: dict[str, Any] = {}
    for key in _STRING_FIELDS:
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise ReadError(name, f"{key!r} must be a string, not {type(value).__name__}")
        meta[key] = value or None
    raw_id = record.get("id")
    if raw_id is not None and not isinstance(raw_id, str | int):
        raise ReadError(name, f"'id' must be a string or an integer, not {type(raw_id).__name__}")
    meta["external_id"] = None if raw_id is None else str(raw_id)
    meta["published"] = _published(record.get("published"), name)
    return meta


def _published(value: Any, name: str) -> datetime | None:
    if value is None:
        return None
    try:
        return datetime.fromisoformat(value)
    except (TypeError, ValueError) as exc:
        raise ReadError(name, f"'published' is not an ISO 8601 date: {value!r}") from exc


def _with_metadata(article: Article, meta: dict[str, Any], name: str) -> Article:
    """The record's own metadata wins over what was found in its text."""
    for key, value in meta.items():
        if value is not None:
            setattr(article, key, value)
    article.source = name
    return article
