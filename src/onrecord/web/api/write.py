"""The write endpoints: ingest articles (given whole, or by URL), add or change an
issue (which analyses the store again for it); each a job to poll.

Allowed only with the write token the server was started with (``Authorization:
Bearer TOKEN``); a token in a header is never sent by a browser on its own, so no
other site can make a visitor's browser write. Bodies are bounded by the app's body
limit, batches by :data:`MAX_BATCH`.
"""

from __future__ import annotations

import hmac
import json
import tempfile
import tomllib
from datetime import datetime
from pathlib import Path
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from onrecord import api as library
from onrecord.errors import ConfigError
from onrecord.issues import parse_issue
from onrecord.model import Article
from onrecord.web.api import _params as params
from onrecord.web.api._json import json_response
from onrecord.web.api.openapi import error_responses
from onrecord.web.errors import ApiError
from onrecord.web.jobs import JobQueue, Work
from onrecord.web.state import config_of

__all__ = ["OPERATIONS", "ROUTES"]

MAX_BATCH = 100  # articles in one request
_FIELDS = ("text", "id", "title", "url", "outlet", "published", "language", "bylines")


async def ingest(request: Request) -> Response:
    _authorised(request)
    params.only(request, ())
    body = await _json_body(request)
    inputs = _inputs(body)
    url = config_of(request).store_url

    def work() -> dict[str, Any]:
        return library.ingest_articles(inputs, db=url).to_dict()

    return _accepted(request, "ingest", work)


async def put_issue(request: Request) -> Response:
    _authorised(request)
    params.only(request, ())
    issue_id = request.path_params["issue_id"]
    content = (await request.body()).decode("utf-8-sig", errors="replace")
    try:
        issue = parse_issue(tomllib.loads(content), f"issue {issue_id}")
    except tomllib.TOMLDecodeError as exc:
        raise ApiError(400, f"issue {issue_id}: not valid TOML: {exc}") from None
    except ConfigError as exc:
        raise ApiError(400, str(exc)) from None
    if issue.id != issue_id:
        raise ApiError(400, f"the issue file's id is {issue.id!r}, not {issue_id!r} as in the path")
    url = config_of(request).store_url

    def work() -> dict[str, Any]:
        with tempfile.TemporaryDirectory(prefix="onrecord-issue-") as folder:
            path = Path(folder) / f"{issue_id}.toml"
            path.write_text(content, encoding="utf-8")
            return library.reanalyze(db=url, issues=[path]).to_dict()

    return _accepted(request, "issue", work)


def job(request: Request) -> Response:
    params.only(request, ())
    found = _jobs(request).get(request.path_params["job_id"])
    if found is None:
        raise ApiError(404, f"job {request.path_params['job_id']!r}: no such job on this server")
    return json_response(found.to_dict())


def _authorised(request: Request) -> None:
    token = config_of(request).write_token
    if token is None:
        raise ApiError(
            403,
            "this server is read-only: start it with ONRECORD_WRITE_TOKEN set to allow writes",
            code="read_only",
        )
    given = request.headers.get("authorization", "")
    scheme, _, value = given.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(value.strip(), token):
        raise ApiError(401, "give the write token as the header 'Authorization: Bearer TOKEN'")


async def _json_body(request: Request) -> Any:
    if request.headers.get("content-type", "").split(";")[0].strip() != "application/json":
        raise ApiError(415, "send the articles as JSON (Content-Type: application/json)")
    try:
        return json.loads(await request.body())
    except (ValueError, UnicodeDecodeError) as exc:
        raise ApiError(400, f"the body is not valid JSON: {exc}") from None


def _inputs(body: Any) -> list[str | Article]:
    """The body's articles: ``{"url": …}``, one article, or ``{"articles": […]}``."""
    if not isinstance(body, dict):
        raise ApiError(400, "the body must be a JSON object: an article, {url}, or {articles}")
    items = body.get("articles", [body])
    if not isinstance(items, list) or not items:
        raise ApiError(400, "articles: give a list of one or more articles")
    if len(items) > MAX_BATCH:
        raise ApiError(400, f"articles: at most {MAX_BATCH} in one request, not {len(items)}")
    return [_input(item, i) for i, item in enumerate(items)]


def _input(item: Any, index: int) -> str | Article:
    where = f"articles[{index}]"
    if not isinstance(item, dict):
        raise ApiError(400, f"{where}: give an object with text (or url)")
    if set(item) == {"url"} and isinstance(item["url"], str):
        return item["url"]  # fetched as `onrecord ingest URL` fetches, public addresses only
    unknown = sorted(set(item) - set(_FIELDS))
    if unknown:
        raise ApiError(400, f"{where}: unknown field {unknown[0]!r}; give {', '.join(_FIELDS)}")
    text = item.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ApiError(400, f"{where}: text must be the article's text (or give only url)")
    return Article(
        text=text,
        source=f"POST /v1/articles {where}",
        external_id=_string(item, "id", where),
        url=_string(item, "url", where),
        outlet=_string(item, "outlet", where),
        title=_string(item, "title", where),
        published=_moment(item, where),
        language=_string(item, "language", where),
        bylines=[str(b) for b in item.get("bylines", [])],
    )


def _string(item: dict[str, Any], key: str, where: str) -> str | None:
    value = item.get(key)
    if value is not None and not isinstance(value, str):
        raise ApiError(400, f"{where}.{key}: must be a string")
    return value


def _moment(item: dict[str, Any], where: str) -> datetime | None:
    value = _string(item, "published", where)
    try:
        return datetime.fromisoformat(value) if value else None
    except ValueError:
        raise ApiError(400, f"{where}.published: {value!r} is not an ISO date or time") from None


def _accepted(request: Request, kind: str, work: Work) -> Response:
    queued = _jobs(request).submit(kind, work)
    response = json_response(queued.to_dict(), status=202)
    response.headers["location"] = f"/v1/jobs/{queued.id}"
    return response


def _jobs(request: Request) -> JobQueue:
    jobs: JobQueue = request.app.state.jobs
    return jobs


def _write(summary: str, *errors: int) -> dict[str, Any]:
    return {
        "summary": summary,
        "security": [{"token": []}],
        "responses": {
            "202": {"description": "the job, to poll at its links.self"},
            **error_responses(400, 401, 403, 413, *errors),
        },
    }


OPERATIONS = [
    ("/v1/articles", "post", _write("ingest an article, a URL or a batch (a job)", 415)),
    ("/v1/issues/{issue_id}", "put", _write("add or change an issue from its TOML (a job)")),
    ("/v1/jobs/{job_id}", "get", {"summary": "a write job", "responses": error_responses(404)}),
]
ROUTES = [
    Route("/articles", ingest, methods=["POST"]),
    Route("/issues/{issue_id}", put_issue, methods=["PUT"]),
    Route("/jobs/{job_id}", job, methods=["GET"]),
]
