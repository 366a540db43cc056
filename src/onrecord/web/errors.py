"""One JSON error shape for the API, and the app's exception handlers.

Every error the API gives is ``{"error": {"status": 404, "code": "not_found",
"message": "…"}}`` (with ``"param"`` when one query parameter is to blame): the
status, a stable code to branch on, and a message naming the cause and the fix.
Errors on a page (outside ``/v1``) are rendered by ``web.pages.error_page``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from onrecord.errors import ConfigError, NotFoundError, OnrecordError, ReadError, StoreError

__all__ = [
    "API_PREFIX",
    "ApiError",
    "BodyTooLarge",
    "error_body",
    "error_response",
    "exception_handlers",
]

API_PREFIX = "/v1"
_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    415: "unsupported_media_type",
    422: "unprocessable",
    500: "internal",
    503: "unavailable",
}


class ApiError(Exception):
    """An answer other than success, raised by a route: its status, code, message and,
    when one query parameter is to blame, its name."""

    def __init__(
        self, status: int, message: str, *, code: str | None = None, param: str | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code or _CODES.get(status, "error")
        self.message = message
        self.param = param


class BodyTooLarge(Exception):
    """A streamed request body passed the limit; answered 413."""

    def __init__(self, max_bytes: int) -> None:
        super().__init__(
            f"the request body is over the limit of {max_bytes} bytes; send less at once"
        )


def error_body(status: int, code: str, message: str, param: str | None = None) -> bytes:
    """The JSON error shape, encoded."""
    error: dict[str, Any] = {"status": status, "code": code, "message": message}
    if param is not None:
        error["param"] = param
    return json.dumps({"error": error}, ensure_ascii=False).encode()


def error_response(request: Request, error: ApiError) -> Response:
    """The error as JSON under ``/v1``, else as the pages render it."""
    if not request.url.path.startswith(API_PREFIX):
        from onrecord.web import pages

        return pages.error_page(request, error.status, error.message)
    body = error_body(error.status, error.code, error.message, error.param)
    return Response(body, status_code=error.status, media_type="application/json")


def exception_handlers() -> Mapping[Any, Callable[..., Any]]:
    """The handlers ``create_app`` installs: ours, the library's errors, HTTP ones."""
    return {
        ApiError: _api_error,
        OnrecordError: _library_error,
        HTTPException: _http_error,
        BodyTooLarge: _too_large,
    }


async def _api_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ApiError)
    return error_response(request, exc)


async def _library_error(request: Request, exc: Exception) -> Response:
    return error_response(request, ApiError(_library_status(exc), str(exc)))


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    message = _http_message(request, exc.status_code) or exc.detail
    return error_response(request, ApiError(exc.status_code, message))


async def _too_large(request: Request, exc: Exception) -> Response:
    return error_response(request, ApiError(413, str(exc)))


def _library_status(exc: Exception) -> int:
    if isinstance(exc, NotFoundError):
        return 404
    if isinstance(exc, ConfigError | ReadError):
        return 400
    if isinstance(exc, StoreError):
        return 503
    return 500


def _http_message(request: Request, status: int) -> str | None:
    if status == 404:
        return f"{request.url.path}: no such page or endpoint; the API's are listed at /v1/"
    if status == 405:
        return f"{request.method} {request.url.path}: this method is not allowed here"
    return None
