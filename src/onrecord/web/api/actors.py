"""``/v1/actors``: the store's actors (the most mentioned first), searched by name;
one actor's profile: roles over time, quotes, positions."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from onrecord import query
from onrecord.model import ActorType
from onrecord.resolve import RegistryEntry
from onrecord.web.api import _params as params
from onrecord.web.api._json import json_response
from onrecord.web.api._paging import decode_cursor, encode_cursor, next_url
from onrecord.web.api.quotes import quote_json
from onrecord.web.errors import ApiError
from onrecord.web.state import store_of

__all__ = ["ROUTES"]

PROFILE_QUOTES = 100  # the newest quotes a profile shows; /v1/quotes?speaker=ID has them all


def list_actors(request: Request) -> Response:
    params.only(request, ("search", "type", "limit", "cursor"))
    kind = _type(request)
    entries = query.stored_entries(store_of(request), params.text(request, "search"))
    if kind is not None:
        entries = [e for e in entries if e.actor.type is kind]
    limit = params.limit(request)
    cursor = params.text(request, "cursor")
    start = _start(decode_cursor(request, cursor)) if cursor is not None else 0
    page = entries[start : start + limit]
    following = encode_cursor(request, start + limit) if start + limit < len(entries) else None
    return json_response(
        {
            "actors": [_entry_json(entry) for entry in page],
            "total": len(entries),
            "limit": limit,
            "next": following,
            "next_url": next_url(request, following),
        }
    )


def one_actor(request: Request) -> Response:
    params.only(request, ())
    profile = query.actor_profile(store_of(request), request.path_params["actor_id"])
    body: dict[str, Any] = profile.to_dict()
    newest = profile.quotes[::-1][:PROFILE_QUOTES]
    body["actor"] = _entry_json(profile.entry)
    body["quotes"] = [quote_json(q) for q in newest]
    body["quotes_total"] = len(profile.quotes)
    return json_response(body)


def _entry_json(entry: RegistryEntry) -> dict[str, Any]:
    """An actor, short: who it is, its names, how often it was mentioned and in how many
    articles (the registry's own record lists every article and sighting)."""
    actor = entry.actor
    return {
        "id": actor.id,
        "name": actor.name,
        "type": actor.type.value,
        "role": actor.role,
        "affiliation": actor.affiliation,
        "aliases": list(entry.aliases),
        "mentions": entry.mentions,
        "articles": len(entry.articles),
        "links": {"self": f"/v1/actors/{actor.id}", "quotes": f"/v1/quotes?speaker={actor.id}"},
    }


def _type(request: Request) -> ActorType | None:
    kind = params.text(request, "type")
    if kind is None:
        return None
    try:
        return ActorType(kind.lower())
    except ValueError:
        choices = ", ".join(t.value for t in ActorType)
        raise ApiError(400, f"type={kind!r}: give one of {choices}", param="type") from None


def _start(key: Any) -> int:
    if not isinstance(key, int) or key < 0:
        raise ApiError(400, "cursor: not a cursor of actors", param="cursor")
    return key


ROUTES = [
    Route("/actors", list_actors, methods=["GET"]),
    Route("/actors/{actor_id}", one_actor, methods=["GET"]),
]
