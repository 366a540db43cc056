"""The HTML pages of the web app (docs/web.md); ``routes()`` is mounted at ``/``."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import BaseRoute

__all__ = ["error_page", "routes"]


def routes() -> list[BaseRoute]:
    """The pages' routes; mounted by ``create_app`` at the root of the app."""
    return []


def error_page(request: Request, status: int, message: str) -> Response:
    """The page shown for an error outside the API (the message is plain text)."""
    return PlainTextResponse(message, status_code=status)
