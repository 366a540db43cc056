"""One stored article whole: its text and blocks, its current analysis (attributions
and positions as offsets into the text), and the store's id of each of its quotes."""

from __future__ import annotations

from dataclasses import dataclass, field

from onrecord.errors import NotFoundError
from onrecord.model import Analysis, Article
from onrecord.store import QuoteFilter, SearchHit, Store

__all__ = ["StoredArticle", "article_hits", "stored_article"]


@dataclass(frozen=True)
class StoredArticle:
    """An article, its current analysis (``None``: none stored) and, by attribution id
    within the analysis, the id of each quote in the store (``onrecord provenance``'s)."""

    article: Article
    analysis: Analysis | None
    quote_ids: dict[str, int] = field(default_factory=dict)


def stored_article(store: Store, article_id: str) -> StoredArticle:
    """The article with ``article_id`` (its content hash) and what was found in it."""
    found = list(store.articles([article_id]))
    if not found:
        raise NotFoundError(f"article {article_id!r}: the store has no article of that id")
    analyses = list(store.analyses([article_id]))
    quotes = store.quotes(QuoteFilter(article_ids=(article_id,)))
    return StoredArticle(
        found[0], analyses[0] if analyses else None, {q.local_id: q.id for q in quotes}
    )


def article_hits(store: Store, text: str, limit: int) -> list[tuple[SearchHit, Article]]:
    """The articles whose title and text have every word of ``text`` (the best first),
    at most ``limit``, each with its article."""
    hits = store.search(text, within="articles", limit=limit)
    by_id = {article.id: article for article in store.articles([h.article_id for h in hits])}
    return [(hit, by_id[hit.article_id]) for hit in hits if hit.article_id in by_id]
