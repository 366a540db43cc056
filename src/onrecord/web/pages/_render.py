"""How a page becomes a response: one Jinja2 environment (autoescape always on), and
the page's JSON twin from the same context.

Every page builds one context of plain data (strings, numbers, lists, dicts: what
JSON holds) and hands it to :func:`render`; ``?format=json`` answers that context as
JSON, anything else the template filled with it. So a page and its twin never
disagree, and nothing reaches the HTML unescaped: no template marks text ``safe``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

from jinja2 import Environment, PackageLoader, StrictUndefined
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from onrecord.web.pages._static import asset_url

__all__ = ["day_text", "href", "render", "render_text", "safe_url", "wants_json"]

_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def day_text(iso: str | None, short: bool = False) -> str:
    """An ISO day as people read it: "30 May 2024" (``short``: "30 May"); "undated"."""
    if not iso:
        return "undated"
    day = date.fromisoformat(iso)
    shown = f"{day.day} {_MONTHS[day.month - 1]}"
    return shown if short else f"{shown} {day.year}"


def href(path: str, **params: Any) -> str:
    """``path`` with the query parameters that have a value, encoded."""
    given = {k: v for k, v in params.items() if v not in (None, "", False)}
    return f"{path}?{urlencode(given)}" if given else path


def safe_url(url: str | None) -> str | None:
    """A link target only when it is http(s): an article's address comes from its
    source, and a ``javascript:`` one must never become a link."""
    if not url:
        return None
    return url if urlsplit(url.strip()).scheme.lower() in ("http", "https") else None


def _path_part(value: str) -> str:
    return quote(str(value), safe="")


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("onrecord.web.pages", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(day=day_text, part=_path_part, safe_url=safe_url, pct=_percent)
    env.globals.update(href=href, asset=asset_url)
    return env


def _percent(share: float | None) -> str:
    return "–" if share is None else f"{share * 100:.0f} %"


_ENV = _environment()


def wants_json(request: Request) -> bool:
    """Whether the page's JSON twin was asked for (``?format=json``)."""
    return request.query_params.get("format") == "json"


def render(
    request: Request, template: str, context: Mapping[str, Any], status: int = 200
) -> Response:
    """The page: ``template`` filled with ``context``, or ``context`` as JSON."""
    if wants_json(request):
        body = json.dumps(context, ensure_ascii=False, default=str)
        return Response(body, status_code=status, media_type="application/json")
    twin = urlencode([*request.query_params.multi_items(), ("format", "json")])
    json_href = f"{request.url.path}?{twin}"
    html = _ENV.get_template(template).render(**context, json_href=json_href)
    return HTMLResponse(html, status_code=status)


def render_text(template: str, context: Mapping[str, Any]) -> str:
    """A template filled in, for answers that are not pages (the timeline as SVG)."""
    return _ENV.get_template(template).render(**context)
