"""``/v1/articles``: one article with its text, blocks and attributions as offsets into
the text (``text[start:end]`` is the evidence); articles found by their words."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from onrecord import query
from onrecord.model import Article
from onrecord.web.api import _params as params
from onrecord.web.api._json import json_response
from onrecord.web.errors import ApiError
from onrecord.web.state import store_of

__all__ = ["ROUTES"]


def search_articles(request: Request) -> Response:
    params.only(request, ("q", "limit"))
    text = params.text(request, "q")
    if text is None:
        raise ApiError(400, "q: give the words to look for in the articles", param="q")
    hits = query.article_hits(store_of(request), text, params.limit(request))
    return json_response(
        {"articles": [{**_summary(article), "rank": hit.rank} for hit, article in hits]}
    )


def one_article(request: Request) -> Response:
    params.only(request, ())
    found = query.stored_article(store_of(request), request.path_params["article_id"])
    body: dict[str, Any] = {"article": found.article.to_dict(with_block_text=False)}
    analysis = found.analysis.to_dict() if found.analysis else None
    if analysis is not None:
        for attribution in analysis["attributions"]:
            quote_id = found.quote_ids.get(attribution["id"])
            attribution["quote_id"] = quote_id
            if quote_id is not None:
                attribution["links"] = {"provenance": f"/v1/quotes/{quote_id}/provenance"}
    body["analysis"] = analysis
    return json_response(body)


def _summary(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "name": article.name,
        "title": article.title,
        "url": article.url,
        "outlet": article.outlet,
        "published": article.published.isoformat() if article.published else None,
        "language": article.language,
        "links": {"self": f"/v1/articles/{article.id}"},
    }


ROUTES = [
    Route("/articles", search_articles, methods=["GET"]),
    Route("/articles/{article_id}", one_article, methods=["GET"]),
]
