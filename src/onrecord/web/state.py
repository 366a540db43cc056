"""What every route of the app reads off the request: the store and the app's config."""

from __future__ import annotations

from dataclasses import dataclass

from starlette.requests import Request

from onrecord.store import Store

__all__ = ["MAX_BODY_BYTES", "WebConfig", "config_of", "store_of"]

# The largest request body taken (a write: an article or a batch of them), in bytes.
MAX_BODY_BYTES = 5_000_000


@dataclass(frozen=True)
class WebConfig:
    """What the app was made with: where the store is, and the write token (``None``:
    the app is read-only)."""

    store_url: str
    write_token: str | None = None
    max_body_bytes: int = MAX_BODY_BYTES


def store_of(request: Request) -> Store:
    """The store the app serves, for a route of either half."""
    store: Store = request.app.state.store
    return store


def config_of(request: Request) -> WebConfig:
    """What the app was made with (the write token among it)."""
    config: WebConfig = request.app.state.config
    return config
