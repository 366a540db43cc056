"""JSON answers: compact, UTF-8, and never cached by a shared cache."""

from __future__ import annotations

import json
from typing import Any

from starlette.responses import Response

__all__ = ["json_response"]


def json_response(data: Any, status: int = 200) -> Response:
    """``data`` as a JSON response (keys in the order given)."""
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
    return Response(
        body,
        status_code=status,
        media_type="application/json",
        headers={"cache-control": "no-store"},
    )
