"""Opaque cursors: where the next page of a long answer starts.

A cursor is the key of the last item of a page, with a fingerprint of the request's
other parameters, in URL-safe base64 of JSON. Clients pass it back unchanged (it is
not a stable format: only its being passed back is). A cursor used with other
filters than its own is refused rather than giving a page of another answer.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from typing import Any
from urllib.parse import urlencode

from starlette.requests import Request

from onrecord.web.errors import ApiError

__all__ = ["decode_cursor", "encode_cursor", "fingerprint", "next_url"]

_PAGING = ("cursor", "offset", "limit")


def fingerprint(request: Request) -> str:
    """A short hash of the request's parameters other than the paging ones."""
    kept = sorted((k, v) for k, v in request.query_params.multi_items() if k not in _PAGING)
    return hashlib.sha256(json.dumps(kept).encode()).hexdigest()[:12]


def encode_cursor(request: Request, key: Any) -> str:
    raw = json.dumps({"k": key, "f": fingerprint(request)}, separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(request: Request, cursor: str) -> Any:
    """The key a cursor holds; a 400 when it is not one of ours or not for this query."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        data = json.loads(raw)
        key, made_for = data["k"], data["f"]
    except (binascii.Error, ValueError, TypeError, KeyError):
        raise ApiError(
            400, "cursor: not a cursor this API gave; pass `next` back unchanged", param="cursor"
        ) from None
    if made_for != fingerprint(request):
        raise ApiError(
            400,
            "cursor: it was given for other parameters; keep the filters of the request "
            "that gave it, or start again without a cursor",
            param="cursor",
        )
    return key


def next_url(request: Request, cursor: str | None) -> str | None:
    """The URL of the next page: this request's, with ``cursor`` (and no offset)."""
    if cursor is None:
        return None
    given = request.query_params.multi_items()
    params = [(k, v) for k, v in given if k not in ("cursor", "offset")]
    params.append(("cursor", cursor))
    return f"{request.url.path}?{urlencode(params)}"
