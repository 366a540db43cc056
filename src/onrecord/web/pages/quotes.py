"""The quote search page and a quote's provenance.

``/quotes?q=…&speaker=…&since=…&until=…&outlet=…&kind=…&anonymous=1`` takes the
filters of ``onrecord quotes`` (``query.find_quotes``), marks the words searched for
in each quote, and counts the matches by speaker, outlet and month. Each result links
to its article at that attribution and to ``/quotes/{id}/provenance``: where it was
first seen, and every article that carried it (``query.quote_provenance``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from onrecord.errors import NotFoundError, OnrecordError
from onrecord.query import highlights, quote_filter, quote_provenance, quote_to_dict
from onrecord.store import Store, StoredQuote

__all__ = ["QuoteSearch", "provenance_context", "search_context"]

PER_PAGE = 50
MAX_PAGE = 2000  # 100,000 quotes in, as the API's offsets go
# The facets count the first matches only (in the quotes' order, by day): reading
# every match of a broad search costs more than the page. The page says so.
FACET_ROWS = 500
FACET_VALUES = 10


@dataclass(frozen=True)
class QuoteSearch:
    """The search as the URL gives it."""

    q: str | None = None
    speaker: str | None = None
    since: date | None = None
    until: date | None = None
    outlet: str | None = None
    kind: str | None = None
    anonymous: bool = False
    page: int = 1

    def params(self) -> dict[str, Any]:
        """The search's parameters as the page's links carry them."""
        return {
            "q": self.q,
            "speaker": self.speaker,
            "since": self.since.isoformat() if self.since else None,
            "until": self.until.isoformat() if self.until else None,
            "outlet": self.outlet,
            "kind": self.kind,
            "anonymous": "1" if self.anonymous else None,
        }


def search_context(store: Store, search: QuoteSearch) -> tuple[dict[str, Any], int]:
    """The search page's data, and its status (400 or 404 for a search that cannot run:
    the page then says why, with the form to fix it)."""
    context: dict[str, Any] = {"search": search.params(), "kinds": ["direct", "indirect", "mixed"]}
    try:
        where = quote_filter(
            store,
            speaker=search.speaker,
            about=search.q,
            since=search.since,
            until=search.until,
            outlet=search.outlet,
            kind=search.kind,
            anonymous=search.anonymous,
        )
    except OnrecordError as error:
        status = 404 if isinstance(error, NotFoundError) else 400
        return {**context, "error": str(error), "results": [], "facets": {}}, status
    page = min(search.page, MAX_PAGE)
    # One read gives the facets, the first pages and, for a narrow search, the total;
    # each read sorts every match, so a broad search alone is counted apart, and a
    # page past the first read is read at its offset.
    first = store.quotes(where, FACET_ROWS + 1)
    counted = first[:FACET_ROWS]
    total = len(first) if len(first) <= FACET_ROWS else store.quote_count(where)
    start = (page - 1) * PER_PAGE
    if start + PER_PAGE <= FACET_ROWS:
        shown = counted[start : start + PER_PAGE]
    else:
        shown = store.quotes(where, PER_PAGE, start)
    return {
        **context,
        "error": None,
        "matches": total,
        "counted": len(counted),
        "page": page,
        "pages": min(max(1, -(-total // PER_PAGE)), MAX_PAGE),
        "results": [_result(quote, search.q) for quote in shown],
        "facets": _facets(counted),
    }, 200


def provenance_context(store: Store, quote_id: str) -> dict[str, Any]:
    """The provenance page of a quote (its store number, or ARTICLE_ID:ATTRIBUTION_ID)."""
    found = quote_provenance(store, quote_id)
    return {
        **found.to_dict(),
        "carried_by": [_result(q, None) for q in found.carried_by],
        "quote": _result(found.quote, None),
    }


def _result(quote: StoredQuote, query: str | None) -> dict[str, Any]:
    return {**quote_to_dict(quote), "day": _iso(quote.day), "marked": marked(quote.content, query)}


def marked(text: str, query: str | None) -> list[dict[str, Any]]:
    """``text`` in pieces, each saying whether it is a word searched for (a word that
    a word of ``query`` begins, case aside, as the full-text search matches)."""
    out, at = [], 0
    for start, end in highlights(text, query) if query else []:
        if start > at:
            out.append({"text": text[at:start], "hit": False})
        out.append({"text": text[start:end], "hit": True})
        at = end
    if at < len(text):
        out.append({"text": text[at:], "hit": False})
    return out


def _facets(found: Sequence[StoredQuote]) -> dict[str, list[dict[str, Any]]]:
    speakers = Counter((q.speaker_id, q.speaker) for q in found if q.speaker)
    outlets = Counter(q.outlet for q in found if q.outlet)
    months = Counter(q.day.strftime("%Y-%m") for q in found if q.day)
    return {
        "speaker": [
            {"value": sid or name, "label": name, "count": n} for (sid, name), n in _top(speakers)
        ],
        "outlet": [{"value": o, "label": o, "count": n} for o, n in _top(outlets)],
        "month": [_month(m, n) for m, n in sorted(months.items())],
    }


def _month(month: str, count: int) -> dict[str, Any]:
    first = date.fromisoformat(f"{month}-01")
    following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
    last = following - timedelta(days=1)
    return {"value": month, "label": month, "count": count, "since": str(first), "until": str(last)}


def _top(counts: Mapping[Any, int]) -> list[tuple[Any, int]]:
    return sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))[:FACET_VALUES]


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None
