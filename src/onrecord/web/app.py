"""``create_app``: the ASGI app over one store, its routes and its middleware.

The app opens the store once, through ``onrecord.api`` (so through the store package,
never a driver), keeps it on ``app.state`` for both halves (``web.state.store_of``), and
closes it when the server stops. Every response passes the same middleware: the
security headers, a ``Server-Timing`` header, and a bound on the request body.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.routing import BaseRoute, Mount

from onrecord import api as library
from onrecord.errors import StoreError
from onrecord.store import Store
from onrecord.web import api, pages
from onrecord.web.errors import exception_handlers
from onrecord.web.jobs import JobQueue
from onrecord.web.middleware import BodyLimit, SecurityHeaders, ServerTiming
from onrecord.web.state import MAX_BODY_BYTES, WebConfig

__all__ = ["STORE_VARIABLE", "app_from_environment", "create_app"]

# Where a server of several worker processes finds its store: each worker makes its own
# app (uvicorn imports a factory by name), so the URL is handed over in the environment.
STORE_VARIABLE = "ONRECORD_SERVE_DB"


def create_app(
    store_url: str, *, write_token: str | None = None, max_body_bytes: int = MAX_BODY_BYTES
) -> Starlette:
    """The web app over the store at ``store_url`` (a path or a ``postgresql://`` URL):
    the API under ``/v1``, the pages at ``/``. Read-only unless ``write_token`` is given;
    a store named by path must exist unless it is (writing may then make it)."""
    config = WebConfig(store_url, write_token or None, max_body_bytes)
    store = _open(config)

    jobs = JobQueue()

    @asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        yield
        jobs.close()
        store.close()

    app = Starlette(
        routes=_routes(),
        middleware=[
            Middleware(ServerTiming),
            Middleware(SecurityHeaders),
            Middleware(BodyLimit, max_bytes=max_body_bytes),
        ],
        exception_handlers=exception_handlers(),
        lifespan=lifespan,
    )
    app.state.store = store
    app.state.config = config
    app.state.jobs = jobs
    app.state.openapi = api.openapi_schema()
    return app


def app_from_environment() -> Starlette:
    """A read-only app over the store named by ``ONRECORD_SERVE_DB``: the factory each
    worker process of ``onrecord serve --workers N`` calls."""
    url = os.environ.get(STORE_VARIABLE)
    if not url:
        raise StoreError(f"{STORE_VARIABLE} is not set: it names the store to serve")
    return create_app(url)


def _routes() -> list[BaseRoute]:
    return [Mount("/v1", routes=api.routes()), *pages.routes()]


def _open(config: WebConfig) -> Store:
    url = config.store_url
    is_file = "://" not in url or url.startswith("sqlite:///")
    path = Path(url.removeprefix("sqlite:///")).expanduser()
    if is_file and config.write_token is None and not path.exists():
        raise StoreError(
            f"{path}: no store there; `onrecord ingest --db {url} ARTICLES…` makes one"
        )
    return library.open_store(url)
