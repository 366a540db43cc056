"""``GET /v1/``: what the store holds, and the API's endpoints."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount, Route

from onrecord.web.api._json import json_response
from onrecord.web.errors import API_PREFIX
from onrecord.web.state import config_of, store_of

__all__ = ["ROUTES"]


def index(request: Request) -> Response:
    store = store_of(request)
    return json_response(
        {
            "api": "v1",
            "store": {"url": store.url, "dialect": store.dialect, "counts": store.counts()},
            "writable": config_of(request).write_token is not None,
            "endpoints": _endpoints(request),
        }
    )


def _endpoints(request: Request) -> list[str]:
    return [
        f"{mount.path}{route.path}"
        for mount in request.app.routes
        if isinstance(mount, Mount) and mount.path == API_PREFIX
        for route in mount.routes
        if isinstance(route, Route)
    ]


ROUTES = [Route("/", index, methods=["GET"])]
