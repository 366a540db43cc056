"""The HTML pages of the web app (docs/web.md); ``routes()`` is mounted at ``/``.

Server-rendered pages (Jinja2, autoescape on) with a stylesheet and a small script
served from the package: no inline script or style, so the app's strict
Content-Security-Policy holds; every page answers its data as JSON with
``?format=json``. One module a page: ``issue`` (the tracker matrix and timeline),
``evidence`` (a cell's evidence), ``article``, ``quotes`` (search, provenance),
``actors``, ``sources``.
"""

from __future__ import annotations

from starlette.routing import BaseRoute

from onrecord.web.pages._routes import error_page, page_routes

__all__ = ["error_page", "routes"]


def routes() -> list[BaseRoute]:
    """The pages' routes; mounted by ``create_app`` at the root of the app."""
    return page_routes()
