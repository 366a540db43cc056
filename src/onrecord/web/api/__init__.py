"""The REST API under ``/v1`` (docs/web.md): JSON over ``onrecord.query``.

Each module holds one family of endpoints and its ``ROUTES``; ``routes()`` gathers
them for ``create_app``, which mounts them at ``/v1``. Response keys are only ever
added, never renamed or removed.
"""

from __future__ import annotations

from starlette.routing import BaseRoute

from onrecord.web.api import actors, articles, index, issues, quotes, sources

__all__ = ["routes"]


def routes() -> list[BaseRoute]:
    """Every API route, relative to ``/v1``."""
    families = (index, quotes, actors, issues, articles, sources)
    return [route for family in families for route in family.ROUTES]
