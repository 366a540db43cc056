"""The positions tracker from the store equals ``PositionTracker`` over the same
analyses (what ``onrecord positions --issue FILE INPUT…`` runs), on both dialects."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from onrecord import api
from onrecord.errors import NotFoundError
from onrecord.query.positions import needed_as_of, track_from_store
from onrecord.resolve import PositionTracker
from onrecord.store import PositionDay, Store
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


def _day(
    number: int,
    actor: str = "a",
    stance: str = "for",
    as_of: date | None = None,
    held_before: date | None = None,
    published: date | None = date(2024, 5, 20),
) -> PositionDay:
    return PositionDay(number, actor, stance, as_of, held_before, published)


def test_as_of_a_day_only_the_last_two_days_of_each_actor_are_read() -> None:
    days = [
        _day(1, as_of=date(2024, 5, 1)),
        _day(2, as_of=date(2024, 5, 10), stance="against"),
        _day(3, as_of=date(2024, 5, 12)),
        _day(4),  # undated: placed on its publication day, 20 May
        _day(5, as_of=date(2024, 6, 1)),  # after the day asked about
        _day(6, actor="b", as_of=date(2024, 5, 2)),
        _day(7, actor="c", as_of=date(2024, 7, 1)),  # nothing by then
    ]
    # a: latest by 31 May is 20 May (undated 4); the dated day before it is 12 May.
    assert needed_as_of(days, date(2024, 5, 31)) == [3, 4, 6]
    # On 12 May itself: that day and the dated day before it (10 May), for the shift.
    assert needed_as_of(days, date(2024, 5, 12)) == [2, 3, 6]
    assert needed_as_of(days, date(2024, 4, 1)) == []


def test_as_of_an_undated_position_brings_those_it_merges_with() -> None:
    days = [
        _day(1, stance="against", held_before=date(2024, 5, 10)),  # placed on 9 May
        _day(2, stance="against"),  # the same article day and stance: merged with 1
        _day(3, stance="against", published=date(2024, 5, 21)),  # another day: not merged
    ]
    assert needed_as_of(days, date(2024, 5, 9)) == [1, 2]
