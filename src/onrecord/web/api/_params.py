"""Query parameters read and checked: each bad one is a 400 that names it and says why.

A parameter the endpoint does not take is an error too, so that a misspelt filter
("speeker=") is not silently ignored and the answer taken for a filtered one.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from starlette.requests import Request

from onrecord.web.errors import ApiError

__all__ = ["MAX_LIMIT", "MAX_TEXT", "boolean", "day", "integer", "limit", "only", "text"]

MAX_LIMIT = 500  # the most items one page holds: bounds the cost of one request
MAX_TEXT = 500  # the longest text parameter, in characters
DEFAULT_LIMIT = 50
_TRUE = ("1", "true", "yes", "on")
_FALSE = ("0", "false", "no", "off", "")


def only(request: Request, allowed: Iterable[str]) -> None:
    """Refuses any parameter outside ``allowed``, and any given twice."""
    known = set(allowed)
    for name in request.query_params:
        if name not in known:
            takes = ", ".join(sorted(known)) or "none"
            raise ApiError(
                400, f"unknown parameter {name!r}; this endpoint takes: {takes}", param=name
            )
        if len(request.query_params.getlist(name)) > 1:
            raise ApiError(400, f"parameter {name!r} is given more than once", param=name)


def text(request: Request, name: str) -> str | None:
    """A text parameter, stripped; ``None`` when absent or blank."""
    value = request.query_params.get(name)
    if value is None or not value.strip():
        return None
    if len(value) > MAX_TEXT:
        raise ApiError(400, f"{name}: longer than {MAX_TEXT} characters", param=name)
    return value.strip()


def day(request: Request, name: str) -> date | None:
    """A day as YYYY-MM-DD."""
    value = text(request, name)
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ApiError(
            400, f"{name}={value!r} is not a date; give it as YYYY-MM-DD", param=name
        ) from None


def boolean(request: Request, name: str) -> bool:
    """A flag: true/false, 1/0, yes/no, on/off; absent is false."""
    value = request.query_params.get(name)
    if value is None or value.lower() in _FALSE:
        return False
    if value.lower() in _TRUE:
        return True
    raise ApiError(400, f"{name}={value!r}: give true or false", param=name)


def integer(request: Request, name: str, default: int, low: int, high: int) -> int:
    """A whole number between ``low`` and ``high``, both included."""
    value = request.query_params.get(name)
    if value is None or not value.strip():
        return default
    try:
        number = int(value)
    except ValueError:
        raise ApiError(400, f"{name}={value!r} is not a whole number", param=name) from None
    if not low <= number <= high:
        raise ApiError(400, f"{name}={number}: give a number from {low} to {high}", param=name)
    return number


def limit(request: Request) -> int:
    """``limit``: how many items a page holds, 1 to :data:`MAX_LIMIT` (default 50)."""
    return integer(request, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT)
