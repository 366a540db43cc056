"""``query.source_shares``: named and anonymous sources by outlet and speaker type."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from onrecord.query.sources import SOURCE_COLUMNS, shares_of, source_row, source_shares
from onrecord.store import SourceCount, Store
from stored_corpus import corpus_url, filled


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def store(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Store]:
    with filled(corpus_url(request, tmp_path_factory.mktemp("sources"))) as stored:
        yield stored


def test_shares_by_outlet_then_by_speaker_type(store: Store) -> None:
    rows = [source_row(share) for share in source_shares(store)]
    assert all(list(row) == list(SOURCE_COLUMNS) for row in rows)
    by_outlet = [(r["group"], r["quotes"], r["named"], r["anonymous"]) for r in rows[:5]]
    assert by_outlet == [
        ("CBC News", 2, 1, 1),
        ("Evening Standard", 2, 1, 1),
        ("Reuters", 2, 1, 1),
        ("(no outlet)", 1, 1, 0),
        ("The Independent", 1, 1, 0),
    ]
    assert rows[0]["anonymous_share"] == 0.5 and rows[0]["share"] == 0.25
    by_type = {r["group"]: r for r in rows[5:]}
    assert {r["by"] for r in rows[5:]} == {"speaker type"}
    assert by_type["anonymous"]["anonymous"] == 3 and by_type["anonymous"]["share"] == 0.375
    assert sum(r["quotes"] for r in rows[5:]) == sum(r["quotes"] for r in rows[:5]) == 8


def test_quotes_with_no_speaker_are_unknown_and_left_out_of_the_anonymous_share() -> None:
    counts = [SourceCount("Wire", None, 2), SourceCount("Wire", "anonymous", 1)]
    (wire, unknown, anonymous) = shares_of(counts)
    assert (wire.quotes, wire.unknown, wire.anonymous, wire.anonymous_share) == (3, 2, 1, 1.0)
    assert unknown.group == "(no speaker)" and unknown.anonymous_share is None
    assert anonymous.anonymous_share == 1.0
    assert shares_of([]) == []
