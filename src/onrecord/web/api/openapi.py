"""``GET /v1/openapi.json``: the API described in OpenAPI 3.1.

Written out here, endpoint by endpoint, from one table of parameters; a test checks
that it names every route the API has and no other, with each route's methods.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from importlib.metadata import version
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from onrecord.web.api._json import json_response
from onrecord.web.api._params import MAX_LIMIT

__all__ = ["ROUTES", "openapi"]

_STRING = {"type": "string"}
_DAY = {"type": "string", "format": "date"}
PARAMETERS: dict[str, tuple[str, dict[str, Any]]] = {
    "q": ("words to look for: every one, each as a word or the start of one", _STRING),
    "speaker": ("said by this actor: a name, an alias or an id", _STRING),
    "since": ("said on or after this day (else published on or after)", _DAY),
    "until": ("said on or before this day (else published on or before)", _DAY),
    "outlet": ("in articles of this outlet (case and accents aside)", _STRING),
    "kind": ("direct, indirect or mixed", {"enum": ["direct", "indirect", "mixed"]}),
    "anonymous": ("only quotes of anonymous sources", {"type": "boolean"}),
    "article": ("only the quotes of this article (its id)", _STRING),
    "limit": (
        f"items on a page, 1 to {MAX_LIMIT}",
        {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT, "default": 50},
    ),
    "cursor": ("the `next` of the previous page, unchanged", _STRING),
    "offset": ("items to skip (instead of a cursor)", {"type": "integer", "minimum": 0}),
    "search": ("actors whose name, an alias or the id holds this", _STRING),
    "type": (
        "actors of this type",
        {"enum": ["person", "organization", "government", "anonymous", "media"]},
    ),
    "as_of": ("where each actor stood on this day", _DAY),
    "actor": ("only this actor's positions (its id or name)", _STRING),
}
_QUOTE_FILTERS = ["q", "speaker", "since", "until", "outlet", "kind", "anonymous", "article"]
_PAGES = ["limit", "cursor"]
# (path, summary, query parameters); path parameters are read off the path.
ENDPOINTS: list[tuple[str, str, list[str]]] = [
    ("/v1/", "what the store holds, and the endpoints", []),
    ("/v1/openapi.json", "this description", []),
    ("/v1/quotes", "quotes, filtered, page by page", [*_QUOTE_FILTERS, *_PAGES, "offset"]),
    ("/v1/quotes/{quote_id}", "one quote (its id, or ARTICLE_ID:ATTRIBUTION_ID)", []),
    ("/v1/quotes/{quote_id}/provenance", "where a quote was first seen, who carried it", []),
    ("/v1/actors", "the actors, the most mentioned first", ["search", "type", *_PAGES]),
    ("/v1/actors/{actor_id}", "an actor: roles, quotes (the newest 100), positions", []),
    ("/v1/issues", "the issues the store follows", []),
    ("/v1/issues/{issue_id}", "one issue", []),
    ("/v1/issues/{issue_id}/positions", "where each actor stands, as of a day", ["as_of", "actor"]),
    ("/v1/issues/{issue_id}/timeline", "every actor's positions over time", ["actor"]),
    ("/v1/articles", "articles found by their words, the best first", ["q", "limit"]),
    ("/v1/articles/{article_id}", "an article: text, blocks, attributions, positions", []),
    ("/v1/sources", "who gets quoted: named and anonymous, by outlet and type", []),
]
_PATH_PARAMETER = re.compile(r"{(\w+)}")
_ERROR = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["status", "code", "message"],
            "properties": {
                "status": {"type": "integer"},
                "code": {"type": "string"},
                "message": {"type": "string"},
                "param": {"type": "string"},
            },
        }
    },
}


def schema(extra: Sequence[tuple[str, str, dict[str, Any]]] = ()) -> dict[str, Any]:
    """The OpenAPI document: the read endpoints, and ``extra`` (path, method, operation)."""
    paths: dict[str, dict[str, Any]] = {}
    for path, summary, query in ENDPOINTS:
        paths[path] = {"get": _operation(path, summary, query)}
    for path, method, operation in extra:
        paths.setdefault(path, {})[method] = {"parameters": _in_path(path), **operation}
    return {
        "openapi": "3.1.0",
        "info": {"title": "onrecord", "version": version("onrecord")},
        "paths": paths,
        "components": {
            "schemas": {"Error": _ERROR},
            "securitySchemes": {"token": {"type": "http", "scheme": "bearer"}},
        },
    }


def error_responses(*statuses: int) -> dict[str, Any]:
    """The ``responses`` entries of errors, each in the one error shape."""
    body = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    return {str(status): {"description": "an error", "content": body} for status in statuses}


def _in_path(path: str) -> list[dict[str, Any]]:
    return [
        {"name": name, "in": "path", "required": True, "schema": _STRING}
        for name in _PATH_PARAMETER.findall(path)
    ]


def _operation(path: str, summary: str, query: list[str]) -> dict[str, Any]:
    parameters = _in_path(path)
    for name in query:
        description, kind = PARAMETERS[name]
        parameters.append({"name": name, "in": "query", "description": description, "schema": kind})
    statuses = (400, 404) if "{" in path or query else (400,)
    return {
        "summary": summary,
        "parameters": parameters,
        "responses": {
            "200": {"description": "the answer", "content": {"application/json": {}}},
            **error_responses(*statuses),
        },
    }


def openapi(request: Request) -> Response:
    return json_response(request.app.state.openapi)


ROUTES = [Route("/openapi.json", openapi, methods=["GET"])]
