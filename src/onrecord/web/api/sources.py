"""``/v1/sources``: who gets quoted, named or anonymous, by outlet and by speaker type."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from onrecord import query
from onrecord.web.api import _params as params
from onrecord.web.api._json import json_response
from onrecord.web.state import store_of

__all__ = ["ROUTES"]


def sources(request: Request) -> Response:
    params.only(request, ())
    shares = query.source_shares(store_of(request))
    return json_response({"sources": [share.to_dict() for share in shares]})


ROUTES = [Route("/sources", sources, methods=["GET"])]
