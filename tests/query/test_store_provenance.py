"""``query.quote_provenance``: first seen and carried by, from the quote clusters."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from onrecord.errors import ConfigError, NotFoundError
from onrecord.query import carrier_row, quote_provenance
from onrecord.store import Store
from stored_corpus import QUOTE, article_id, corpus_url, filled, quote_row


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def store(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Store]:
    with filled(corpus_url(request, tmp_path_factory.mktemp("provenance"))) as stored:
        yield stored


def test_a_wire_quote_was_first_seen_where_first_published(store: Store) -> None:
    asked = quote_row(store, "standard", "a1")
    found = quote_provenance(store, str(asked))
    assert found.quote.id == asked
    assert found.first_seen.article == "cbc" and found.first_seen.outlet == "CBC News"
    assert [q.article for q in found.carried_by] == ["cbc", "reuters", "standard"]
    assert found.outlets == ["CBC News", "Reuters", "Evening Standard"]
    assert found.text == QUOTE and found.cluster is not None
    rows = [carrier_row(found, q) for q in found.carried_by]
    assert [row["first"] for row in rows] == ["yes", None, None]
    assert found.to_dict()["first_seen"]["outlet"] == "CBC News"


def test_a_quote_by_article_and_attribution_id(store: Store) -> None:
    by_key = quote_provenance(store, f"{article_id('reuters')}:a1")
    assert by_key.quote.article == "reuters"
    assert by_key.first_seen.article == "cbc"


def test_a_quote_in_no_cluster_was_carried_by_its_article_alone(store: Store) -> None:
    found = quote_provenance(store, quote_row(store, "isw", "a1"))
    assert found.cluster is None
    assert found.first_seen == found.quote and found.carried_by == [found.quote]
    assert found.outlets == []


@pytest.mark.parametrize(
    ("quote_id", "error"),
    [("99999", NotFoundError), ("0000000000000000:a1", NotFoundError), ("the quote", ConfigError)],
)
def test_bad_and_unknown_ids(store: Store, quote_id: str, error: type[Exception]) -> None:
    with pytest.raises(error, match=quote_id):
        quote_provenance(store, quote_id)
