"""RSS and Atom feeds: each entry's HTML content becomes an Article.

An entry with full content is read as it is. One with only a summary or only
a link is fetched from its link when the caller asks (``follow_links``); else
the summary is read, and a link-only entry is reported as not read. Entries
are named ``feed.xml:N``, N counting from 1.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

import feedparser

from onrecord.errors import ReadError
from onrecord.ingest.html import parse_html
from onrecord.model import Article

__all__ = ["read_feed"]

_HTML_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "")

# Reads an entry's link into an Article; given by the caller so that it
# carries the fetch settings.
LinkReader = Callable[[str, str], Article]


def read_feed(
    data: bytes, document: str, *, follow_link: LinkReader | None = None
) -> Iterator[Article | ReadError]:
    """The entries of an RSS or Atom feed, and an error for each entry not read."""
    try:
        parsed = feedparser.parse(data)
    except Exception as exc:  # noqa: BLE001 - feedparser raises many kinds on damaged bytes
        raise ReadError(document, f"not a readable feed: {type(exc).__name__}: {exc}") from exc
    if not parsed.entries:
        reason = parsed.get("bozo_exception") or "it has no entries"
        raise ReadError(document, f"not a readable feed: {reason}")
    outlet = parsed.feed.get("title") or None
    for number, entry in enumerate(parsed.entries, start=1):
        name = f"{document}:{number}"
        try:
            yield _with_entry_metadata(_entry_article(entry, name, follow_link), entry, outlet)
        except ReadError as exc:
            yield exc


def _entry_article(entry: Any, name: str, follow_link: LinkReader | None) -> Article:
    link = entry.get("link") or None
    content = _content_html(entry)
    if content:
        return parse_html(content, url=link, source=name)
    if follow_link is not None and link:
        return follow_link(link, name)
    summary = entry.get("summary") or ""
    if summary.strip():
        return parse_html(summary, url=link, source=name)
    if link:
        raise ReadError(name, f"entry has only a link, not read: {link} (use --follow-links)")
    raise ReadError(name, "entry has no content, summary or link")


def _content_html(entry: Any) -> str:
    for content in entry.get("content") or []:
        if content.get("type", "") in _HTML_TYPES and content.get("value", "").strip():
            return str(content["value"])
    return ""


def _with_entry_metadata(article: Article, entry: Any, outlet: str | None) -> Article:
    """The feed's own metadata wins over what was guessed from the HTML."""
    article.title = entry.get("title") or article.title
    article.url = entry.get("link") or article.url
    article.outlet = outlet or article.outlet  # not a guess from the link's host name
    article.published = _entry_date(entry, "published_parsed") or article.published
    article.updated = _entry_date(entry, "updated_parsed") or article.updated
    author = entry.get("author")
    if author and not article.bylines:
        article.bylines = [author]
    return article


def _entry_date(entry: Any, key: str) -> datetime | None:
    # dict.get: feedparser's own get maps a missing "updated" to "published".
    value = dict.get(entry, key)
    if not value:
        return None
    # feedparser normalises dates to UTC struct_time, but passes on a year 0 or -1;
    # a date is optional, so an impossible one is left out rather than failing the entry.
    try:
        return datetime(*value[:6]).replace(tzinfo=UTC)
    except (ValueError, OverflowError, TypeError):
        return None
