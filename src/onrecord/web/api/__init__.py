"""The REST API under ``/v1`` (docs/web.md): JSON over ``onrecord.query``.

Each module holds one family of endpoints and its ``ROUTES``; ``routes()`` gathers
them for ``create_app``, which mounts them at ``/v1``. Response keys are only ever
added, never renamed or removed.
"""

from __future__ import annotations

from typing import Any

from starlette.routing import BaseRoute

from onrecord.web.api import actors, articles, index, issues, openapi, quotes, sources, write

__all__ = ["openapi_schema", "routes"]


def routes() -> list[BaseRoute]:
    """Every API route, relative to ``/v1``."""
    families = (index, openapi, quotes, actors, issues, articles, sources, write)
    return [route for family in families for route in family.ROUTES]


def openapi_schema() -> dict[str, Any]:
    """The API's OpenAPI document, served at ``/v1/openapi.json``."""
    return openapi.schema(write.OPERATIONS)
