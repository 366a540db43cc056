"""The pages' stylesheet and script, served from the package.

A fixed set of files read once at import: a request names one of them or gets 404,
so no request path ever reaches the file system. Each is served with a long cache
life under a name that holds its content hash, so a changed file is fetched anew.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from importlib.resources import files

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from onrecord.errors import NotFoundError

__all__ = ["ASSETS", "asset_url", "static_route"]

_TYPES = {".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8"}
_NAMES = ("onrecord.css", "pages.js")


@dataclass(frozen=True)
class Asset:
    name: str
    body: bytes
    media_type: str

    @property
    def url(self) -> str:
        digest = hashlib.sha256(self.body).hexdigest()[:12]
        return f"/static/{digest}/{self.name}"


def _load(name: str) -> Asset:
    body = files("onrecord.web.pages").joinpath("static", name).read_bytes()
    return Asset(name, body, _TYPES[name[name.rindex(".") :]])


ASSETS = {name: _load(name) for name in _NAMES}


def asset_url(name: str) -> str:
    """The address a page links ``name`` at."""
    return ASSETS[name].url


async def _serve(request: Request) -> Response:
    asset = ASSETS.get(request.path_params["name"])
    if asset is None:
        raise NotFoundError(f"{request.url.path}: no such file; the pages use only their own")
    headers = {"cache-control": "public, max-age=31536000, immutable"}
    return Response(asset.body, media_type=asset.media_type, headers=headers)


def static_route() -> Route:
    # The hash in the path is for caches only: any hash serves the current file.
    return Route("/static/{digest}/{name}", _serve, name="static")
