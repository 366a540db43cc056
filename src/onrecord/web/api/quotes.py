"""``/v1/quotes``: who said what, filtered as ``onrecord quotes`` filters, page by page;
one quote; and where a quote came from (``/v1/quotes/{id}/provenance``)."""

from __future__ import annotations

from datetime import date
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from onrecord import query
from onrecord.errors import NotFoundError
from onrecord.model import AttributionKind
from onrecord.store import QuoteFilter, Store, StoredQuote
from onrecord.web.api import _params as params
from onrecord.web.api._json import json_response
from onrecord.web.api._paging import decode_cursor, encode_cursor, next_url
from onrecord.web.errors import ApiError
from onrecord.web.state import store_of

__all__ = ["ROUTES", "quote_json"]

FILTERS = ("q", "speaker", "since", "until", "outlet", "kind", "anonymous", "article")
MAX_OFFSET = 100_000  # past this, a client should follow cursors, which cost no more


def list_quotes(request: Request) -> Response:
    params.only(request, (*FILTERS, "limit", "cursor", "offset"))
    store = store_of(request)
    where = _filter(request, store)
    limit = params.limit(request)
    cursor = params.text(request, "cursor")
    offset = params.integer(request, "offset", 0, 0, MAX_OFFSET)
    if cursor is not None and offset:
        raise ApiError(400, "give either cursor or offset, not both", param="offset")
    after = _after(decode_cursor(request, cursor)) if cursor is not None else None
    page = query.quote_page(store, where, limit, after=after, offset=offset)
    following = _cursor(request, page.next_after)
    return json_response(
        {
            "quotes": [quote_json(q, where.about) for q in page.quotes],
            "total": page.total,
            "limit": limit,
            "offset": offset if cursor is None else None,
            "next": following,
            "next_url": next_url(request, following),
        }
    )


def one_quote(request: Request) -> Response:
    params.only(request, ())
    return json_response(quote_json(query.stored_quote(store_of(request), _quote_id(request))))


def provenance(request: Request) -> Response:
    params.only(request, ())
    found = query.quote_provenance(store_of(request), _quote_id(request))
    return json_response(found.to_dict())


def quote_json(quote: StoredQuote, about: str | None = None) -> dict[str, Any]:
    """A quote as the API gives it: ``query.quote_to_dict``, the links to its article and
    provenance, and, for a search, where its content matched."""
    out = query.quote_to_dict(quote)
    if about is not None:
        out["highlights"] = [list(span) for span in query.highlights(quote.content, about)]
    out["links"] = {
        "self": f"/v1/quotes/{quote.id}",
        "article": f"/v1/articles/{quote.article_id}",
        "provenance": f"/v1/quotes/{quote.id}/provenance",
    }
    return out


def _filter(request: Request, store: Store) -> QuoteFilter:
    since, until = params.day(request, "since"), params.day(request, "until")
    if since and until and since > until:
        raise ApiError(400, f"since={since} is after until={until}: nothing is in between")
    speaker = params.text(request, "speaker")
    try:
        return query.quote_filter(
            store,
            speaker=speaker,
            about=params.text(request, "q"),
            since=since,
            until=until,
            outlet=params.text(request, "outlet"),
            kind=_kind(request),
            anonymous=params.boolean(request, "anonymous"),
            article_id=params.text(request, "article"),
        )
    except NotFoundError:
        raise ApiError(
            404,
            f"speaker={speaker!r}: the store has no actor of that name, alias or id; "
            "/v1/actors?search=TEXT lists the actors whose names hold TEXT",
            param="speaker",
        ) from None


def _kind(request: Request) -> str | None:
    kind = params.text(request, "kind")
    if kind is None:
        return None
    choices = [k.value for k in AttributionKind]
    if kind.lower() not in choices:
        given = ", ".join(choices)
        raise ApiError(400, f"kind={kind!r} is not a kind of quote; give {given}", param="kind")
    return kind.lower()


def _quote_id(request: Request) -> str:
    quote_id: str = request.path_params["quote_id"]
    return quote_id


def _after(key: Any) -> tuple[date | None, int]:
    try:
        day, row_id = key
        return (date.fromisoformat(day) if day else None, int(row_id))
    except (TypeError, ValueError):
        raise ApiError(400, "cursor: not a cursor of quotes", param="cursor") from None


def _cursor(request: Request, key: tuple[date | None, int] | None) -> str | None:
    if key is None:
        return None
    day, row_id = key
    return encode_cursor(request, [day.isoformat() if day else None, row_id])


ROUTES = [
    Route("/quotes", list_quotes, methods=["GET"]),
    Route("/quotes/{quote_id}", one_quote, methods=["GET"]),
    Route("/quotes/{quote_id}/provenance", provenance, methods=["GET"]),
]
