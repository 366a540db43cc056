"""The positions tracker from the store equals ``PositionTracker`` over the same
analyses (what ``onrecord positions --issue FILE INPUT…`` runs), on both dialects."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from onrecord import api
from onrecord.errors import NotFoundError
from onrecord.query import track_from_store
from onrecord.resolve import PositionTracker
from onrecord.store import Store
from stored_corpus import ISSUE, ISSUE_FILE, analyses, corpus_url, filled


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def store(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Store]:
    with filled(corpus_url(request, tmp_path_factory.mktemp("tracker"))) as stored:
        yield stored


@pytest.fixture(scope="module")
def from_files() -> PositionTracker:
    tracker = PositionTracker(api.load_issue(ISSUE_FILE))
    for analysis in analyses():
        tracker.add(analysis)
    return tracker


def test_the_timeline_equals_the_trackers_on_the_same_analyses(
    store: Store, from_files: PositionTracker
) -> None:
    found = track_from_store(store, ISSUE)
    assert found.issue.id == ISSUE and found.as_of is None
    assert [t.to_dict() for t in found.positions] == [t.to_dict() for t in from_files.timeline()]
    shifts = [(t.actor.id, t.shifted_from) for t in found.positions if t.shift]
    assert shifts == [("government-of-germany", "opposes"), ("jens-stoltenberg", "opposes")]


@pytest.mark.parametrize(
    "as_of", [date(2024, 5, 2), date(2024, 5, 3), date(2024, 5, 30), date(2024, 5, 31)]
)
def test_as_of_a_day_equals_the_trackers(
    store: Store, from_files: PositionTracker, as_of: date
) -> None:
    found = track_from_store(store, ISSUE, as_of)
    assert [t.to_dict() for t in found.positions] == [
        t.to_dict() for t in from_files.current(as_of)
    ]


def test_one_actors_timeline(store: Store, from_files: PositionTracker) -> None:
    found = track_from_store(store, ISSUE, actor_id="jens-stoltenberg").positions
    assert [t.to_dict() for t in found] == [
        t.to_dict() for t in from_files.timeline("jens-stoltenberg")
    ]


def test_an_issue_the_store_does_not_follow(store: Store) -> None:
    with pytest.raises(NotFoundError, match=r"'tolls'.*strikes-inside-russia.*--issue"):
        track_from_store(store, "tolls")
