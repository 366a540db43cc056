"""The web app: the REST API under ``/v1`` and the pages, over one store.

An ASGI app (Starlette) made by :func:`create_app`, served by ``onrecord serve``
(uvicorn). Its two halves are separate packages, each with a ``routes()``:
``web.api`` (JSON, under ``/v1``) and ``web.pages`` (HTML). Both read the store the
app opened, :func:`store_of`, through ``onrecord.api`` and ``onrecord.query``.
See docs/web.md.
"""

from onrecord.web.app import create_app
from onrecord.web.state import WebConfig, config_of, store_of

__all__ = ["WebConfig", "config_of", "create_app", "store_of"]
