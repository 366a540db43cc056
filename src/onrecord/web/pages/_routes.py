"""The pages' routes: each parses its URL, asks one page module for its data, renders.

The endpoints are plain functions: Starlette runs them in its thread pool, so a slow
question to the store holds one worker thread, never the event loop. The library's
errors (an unknown id, a bad day) reach the app's handlers, which show them as
:func:`error_page`.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from http import HTTPStatus
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from onrecord.errors import ConfigError
from onrecord.model import ActorType
from onrecord.web.pages import actors, article, evidence, issue, quotes, sources
from onrecord.web.pages._render import href, render, render_text
from onrecord.web.pages._static import static_route
from onrecord.web.state import store_of

__all__ = ["error_page", "page_routes"]


def page_routes() -> list[BaseRoute]:
    return [
        Route("/", _home, name="home"),
        Route("/issues/{issue_id}", _issue, name="issue"),
        Route("/issues/{issue_id}/timeline.svg", _timeline_svg, name="issue-timeline"),
        Route("/issues/{issue_id}/actors/{actor_id}", _evidence, name="issue-actor"),
        Route("/articles/{article_id}", _article, name="article"),
        Route("/quotes", _quotes, name="quotes"),
        Route("/quotes/{quote_id}/provenance", _provenance, name="provenance"),
        Route("/actors", _actors, name="actors"),
        Route("/actors/{actor_id}", _actor, name="actor"),
        Route("/sources", _sources, name="sources"),
        static_route(),
    ]


def error_page(request: Request, status: int, message: str) -> Response:
    """The page shown for an error outside the API: the status and what to do."""
    try:
        reason = HTTPStatus(status).phrase
    except ValueError:
        reason = "Error"
    context = {"error": {"status": status, "message": message}}
    if request.query_params.get("format") == "json":
        return render(request, "error.html", context, status)
    page = {"status": status, "reason": reason, "message": message}
    return render(request, "error.html", {**context, **page}, status)


def _home(request: Request) -> Response:
    return render(request, "home.html", sources.home_context(store_of(request)))


def _issue(request: Request) -> Response:
    asked = _issue_query(request)
    found = issue.issue_context(store_of(request), request.path_params["issue_id"], asked)
    if request.query_params.get("format") == "csv":
        return _matrix_csv(found)
    return render(request, "issue.html", found)


def _timeline_svg(request: Request) -> Response:
    asked = _issue_query(request)
    found = issue.issue_context(store_of(request), request.path_params["issue_id"], asked)
    context = {
        "chart": found["chart"],
        "chart_id": "timeline",
        "chart_title": f"{found['issue']['title']}: positions over time",
        "bar_path": f"/issues/{request.path_params['issue_id']}",
        "href": href,
    }
    body = '<?xml version="1.0" encoding="UTF-8"?>\n' + render_text("_timeline.svg", context)
    return Response(body, media_type="image/svg+xml")


def _evidence(request: Request) -> Response:
    params = request.path_params
    as_of = issue.parse_day(request.query_params.get("as_of"))
    found = evidence.evidence_context(
        store_of(request), params["issue_id"], params["actor_id"], as_of
    )
    return render(request, "evidence.html", found)


def _article(request: Request) -> Response:
    found = article.article_context(store_of(request), request.path_params["article_id"])
    return render(request, "article.html", found)


def _quotes(request: Request) -> Response:
    q = request.query_params
    search = quotes.QuoteSearch(
        q=q.get("q") or None,
        speaker=q.get("speaker") or None,
        since=issue.parse_day(q.get("since"), "since"),
        until=issue.parse_day(q.get("until"), "until"),
        outlet=q.get("outlet") or None,
        kind=q.get("kind") or None,
        anonymous=q.get("anonymous") in ("1", "true", "on"),
        page=_page(request),
    )
    found, status = quotes.search_context(store_of(request), search)
    return render(request, "quotes.html", found, status)


def _provenance(request: Request) -> Response:
    found = quotes.provenance_context(store_of(request), request.path_params["quote_id"])
    return render(request, "provenance.html", found)


def _actors(request: Request) -> Response:
    search = request.query_params.get("search") or None
    found = actors.actors_context(store_of(request), search, _page(request))
    return render(request, "actors.html", found)


def _actor(request: Request) -> Response:
    found = actors.actor_context(store_of(request), request.path_params["actor_id"])
    return render(request, "actor.html", found)


def _sources(request: Request) -> Response:
    return render(request, "sources.html", sources.sources_context(store_of(request)))


def _issue_query(request: Request) -> issue.IssueQuery:
    q = request.query_params
    return issue.IssueQuery(
        as_of=issue.parse_day(q.get("as_of")) or date.today(),
        actor_type=_actor_type(q.get("actor_type") or None),
        named_only=q.get("named_only") in ("1", "true", "on"),
        page=_page(request),
    )


def _actor_type(value: str | None) -> str | None:
    types = [t.value for t in ActorType]
    if value is not None and value not in types:
        raise ConfigError(f"actor_type {value!r}: give one of {', '.join(types)}")
    return value


def _page(request: Request) -> int:
    value = request.query_params.get("page") or "1"
    if not value.isdigit() or int(value) < 1:
        raise ConfigError(f"page {value!r}: give a page number, 1 or more")
    return int(value)


_CSV_COLUMNS = ("actor", "actor_id", "actor_type", "stance", "coarse", "day", "shifted_from")


def _matrix_csv(found: dict[str, Any]) -> Response:
    """What the matrix shows, one row a cell entry."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([*_CSV_COLUMNS, "conditions", "articles", "as_of"])
    for row in found["rows"]:
        actor = row["actor"]
        for column, cell in zip(found["columns"], row["cells"], strict=True):
            for entry in cell:
                values = [
                    actor["name"],
                    actor["id"],
                    actor["type"],
                    entry["stance"],
                    column["coarse"],
                    entry["day"],
                    entry["shifted_from"],
                    entry["conditions"],
                    entry["articles"],
                    found["as_of"],
                ]
                writer.writerow([_cell(value) for value in values])
    name = f"{found['issue']['id']}-{found['as_of']}.csv"
    headers = {"content-disposition": f'attachment; filename="{name}"'}
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8", headers=headers)


def _cell(value: object) -> str:
    # A spreadsheet runs a cell that begins with one of these as a formula; names and
    # conditions come from article text, so they are written as text.
    text = "" if value is None else str(value)
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
