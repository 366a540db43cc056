"""Where a quote came from: the article that first carried it, and every one that did.

The quote clusters (``resolve.quote_clusters``, kept by the store) group the same
words across articles: wire copies, outlets quoting one another, a partial quote of
a longer one. A quote in no cluster was carried by its own article alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from onrecord.errors import ConfigError, NotFoundError
from onrecord.query.quotes import quote_row, quote_to_dict
from onrecord.query.rows import Row
from onrecord.store import QuoteFilter, Store, StoredQuote

__all__ = [
    "CARRIER_COLUMNS",
    "QuoteProvenance",
    "carrier_row",
    "quote_provenance",
    "stored_quote",
]

CARRIER_COLUMNS = ("first", "id", "day", "outlet", "speaker", "kind", "content", "article", "url")
# A quote's id: the store's number for it, or ARTICLE_ID:ATTRIBUTION_ID.
_KEY = re.compile(r"^(?:(?P<row>\d+)|(?P<article>[0-9a-f]+):(?P<local>\S+))$")


@dataclass(frozen=True)
class QuoteProvenance:
    """A quote, the member of its cluster first seen (the earliest published), and
    every quote of the cluster by publication day (the first seen first)."""

    quote: StoredQuote
    first_seen: StoredQuote
    carried_by: list[StoredQuote]
    cluster: int | None = None  # the cluster's id; None: in no cluster
    text: str | None = None  # the cluster's fullest wording
    method: str | None = None

    @property
    def outlets(self) -> list[str]:
        """Each outlet that carried it once, in the order they did."""
        return list(dict.fromkeys(q.outlet for q in self.carried_by if q.outlet))

    def to_dict(self) -> dict[str, Any]:
        return {
            "quote": quote_to_dict(self.quote),
            "cluster": self.cluster,
            "text": self.text,
            "method": self.method,
            "first_seen": quote_to_dict(self.first_seen),
            "outlets": self.outlets,
            "carried_by": [quote_to_dict(q) for q in self.carried_by],
        }


def quote_provenance(store: Store, quote_id: str | int) -> QuoteProvenance:
    """The provenance of the quote with ``quote_id``: the store's number for it (the
    ``id`` of ``onrecord quotes``), or ``ARTICLE_ID:ATTRIBUTION_ID``."""
    quote = stored_quote(store, quote_id)
    cluster = store.quote_cluster(quote.id)
    if cluster is None:
        return QuoteProvenance(quote, quote, [quote])
    first = cluster.members[0]
    others = sorted(cluster.members[1:], key=_carried_order)
    return QuoteProvenance(quote, first, [first, *others], cluster.id, cluster.text, cluster.method)


def stored_quote(store: Store, quote_id: str | int) -> StoredQuote:
    """The current quote with ``quote_id`` (as :func:`quote_provenance` takes it)."""
    found = store.quotes(QuoteFilter(ids=(_row_id(store, quote_id),)))
    if not found:
        raise NotFoundError(f"quote {quote_id!r}: the store has no current quote of that id")
    return found[0]


def carrier_row(provenance: QuoteProvenance, quote: StoredQuote) -> Row:
    """One article that carried the quote, flat; ``first`` marks the first seen."""
    first = "yes" if quote.id == provenance.first_seen.id else None
    row = quote_row(quote)
    return {"first": first, **{key: row[key] for key in CARRIER_COLUMNS if key != "first"}}


def _row_id(store: Store, quote_id: str | int) -> int:
    if isinstance(quote_id, int):
        return quote_id
    match = _KEY.match(quote_id.strip())
    if match is None:
        raise ConfigError(
            f"quote id {quote_id!r}: give the number `onrecord quotes` shows, "
            "or ARTICLE_ID:ATTRIBUTION_ID"
        )
    if match["row"]:
        return int(match["row"])
    found = store.quote_id(match["article"], match["local"])
    if found is None:
        raise NotFoundError(f"quote {quote_id!r}: the store has no current quote of that id")
    return found


def _carried_order(quote: StoredQuote) -> tuple[date, str, int]:
    return (quote.published or date.max, quote.article_id, quote.id)
