"""``/v1/issues``: the issues the store follows; where each actor stands on one, as of a
day (the tracker), and every actor's positions over time (the timeline)."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from onrecord import query
from onrecord.model import actor_id
from onrecord.resolve import TrackedPosition
from onrecord.web.api import _params as params
from onrecord.web.api._json import json_response
from onrecord.web.state import store_of

__all__ = ["ROUTES"]


def list_issues(request: Request) -> Response:
    params.only(request, ())
    followed = store_of(request).current_issues()
    issues = sorted((stored.issue for stored in followed), key=lambda issue: issue.id)
    return json_response(
        {"issues": [{**issue.to_dict(), "links": _links(issue.id)} for issue in issues]}
    )


def one_issue(request: Request) -> Response:
    params.only(request, ())
    issue = query.stored_issue(store_of(request), request.path_params["issue_id"])
    return json_response({**issue.to_dict(), "links": _links(issue.id)})


def positions(request: Request) -> Response:
    """Where each actor stood on ``as_of`` (default: every position, as the timeline)."""
    params.only(request, ("as_of", "actor"))
    return _tracker(request, params.day(request, "as_of"))


def timeline(request: Request) -> Response:
    """Every actor's positions in date order, shifts marked, undated ones apart."""
    params.only(request, ("actor",))
    return _tracker(request, None)


def _tracker(request: Request, as_of: Any) -> Response:
    actor = params.text(request, "actor")
    found = query.track_from_store(
        store_of(request),
        request.path_params["issue_id"],
        as_of,
        actor_id=actor_id(actor) if actor is not None else None,
    )
    ids = found.article_ids
    return json_response(
        {
            "issue": found.issue.to_dict(),
            "as_of": as_of.isoformat() if as_of else None,
            "positions": [_position_json(item, ids) for item in found.positions],
            # Apart, as the tracker keeps them: an undated position is never the latest.
            "undated": [_position_json(item, ids) for item in found.undated],
        }
    )


def _position_json(item: TrackedPosition, article_ids: dict[str, str]) -> dict[str, Any]:
    out = item.to_dict()
    for part in (*out["evidence"], *out["attributions"]):
        part["article_id"] = article_ids.get(part["article"])
    out["links"] = {"actor": f"/v1/actors/{item.actor.id}"}
    return out


def _links(issue_id: str) -> dict[str, str]:
    return {
        "self": f"/v1/issues/{issue_id}",
        "positions": f"/v1/issues/{issue_id}/positions",
        "timeline": f"/v1/issues/{issue_id}/timeline",
    }


ROUTES = [
    Route("/issues", list_issues, methods=["GET"]),
    Route("/issues/{issue_id}", one_issue, methods=["GET"]),
    Route("/issues/{issue_id}/positions", positions, methods=["GET"]),
    Route("/issues/{issue_id}/timeline", timeline, methods=["GET"]),
]
