"""``query.find_quotes``: a speaker's name, an outlet's name and a kind turned into the
store's filter; on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from onrecord.errors import ConfigError, NotFoundError
from onrecord.query import actors_named, find_quotes, quote_filter, quote_page
from onrecord.store import ActorName, Store
from stored_corpus import article_id, corpus_url, filled


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def store(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Store]:
    with filled(corpus_url(request, tmp_path_factory.mktemp("quotes"))) as stored:
        yield stored


def _said(store: Store, **conditions: object) -> list[tuple[str, str]]:
    return [(q.article, q.local_id) for q in find_quotes(store, **conditions)]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "speaker", ["Jens Stoltenberg", "stoltenberg", "JENS STOLTENBERG", "jens-stoltenberg"]
)
def test_a_speaker_by_name_alias_or_id(store: Store, speaker: str) -> None:
    assert _said(store, speaker=speaker) == [("independent", "a1"), ("cbc", "a1")]


def test_an_unknown_speaker_is_an_error_that_says_what_to_do(store: Store) -> None:
    with pytest.raises(NotFoundError, match=r"'Olaf Scholz'.*onrecord actors --search"):
        find_quotes(store, speaker="Olaf Scholz")


def test_an_outlet_by_its_name_case_aside(store: Store) -> None:
    assert _said(store, outlet="reuters") == [("reuters", "a1"), ("reuters", "a2")]
    assert _said(store, outlet="the independent") == [("independent", "a1")]
    assert _said(store, outlet="Le Monde") == []


def test_everything_a_person_said_about_a_subject_in_a_period(store: Store) -> None:
    found = _said(
        store, speaker="Stoltenberg", about="restrictions", since=date(2024, 5, 10), limit=5
    )
    assert found == [("cbc", "a1")]
    assert _said(store, anonymous=True, kind="DIRECT") == [("reuters", "a1"), ("standard", "a1")]


def test_bad_conditions_are_errors(store: Store) -> None:
    with pytest.raises(ConfigError, match="direct, indirect, mixed"):
        find_quotes(store, kind="quoted")
    with pytest.raises(ConfigError, match="after --until"):
        find_quotes(store, since=date(2024, 6, 1), until=date(2024, 5, 1))


def test_actors_named_folds_names_and_aliases() -> None:
    actors = [
        ActorName("baiba-braze", "Baiba Braže", "person", ("Baiba Braže", "Braže")),
        ActorName("braze-inc", "Braze Inc.", "organization", ("Braze Inc.",)),
    ]
    assert [a.id for a in actors_named(actors, "baiba braze")] == ["baiba-braze"]
    assert [a.id for a in actors_named(actors, "Braze")] == ["baiba-braze"]
    assert [a.id for a in actors_named(actors, "braze inc")] == ["braze-inc"]
    assert [a.id for a in actors_named(actors, "braze-inc")] == ["braze-inc"]
    assert actors_named(actors, "Inc") == []


def test_pages_read_by_key_or_offset_give_the_whole_answer_in_order(store: Store) -> None:
    where = quote_filter(store)
    whole = find_quotes(store)
    assert len(whole) == 8 and whole[-1].day is None  # the undated ISW quote sorts last
    for size in (1, 2, 3, 8, 9):
        by_key, after = [], None
        while True:
            page = quote_page(store, where, size, after=after)
            assert page.total == 8
            by_key += page.quotes
            if page.next_after is None:
                break
            after = page.next_after
        assert [q.id for q in by_key] == [q.id for q in whole]
        by_offset = [
            q
            for start in range(0, 8, size)
            for q in quote_page(store, where, size, offset=start).quotes
        ]
        assert [q.id for q in by_offset] == [q.id for q in whole]


def test_a_page_of_a_filtered_answer_counts_the_filtered_total(store: Store) -> None:
    where = quote_filter(store, about="strikes")
    page = quote_page(store, where, 1)
    assert page.total == len(find_quotes(store, about="strikes")) == 6
    assert len(page.quotes) == 1 and page.next_after is not None


def test_the_quotes_of_one_article(store: Store) -> None:
    where = quote_filter(store, article_id=article_id("reuters"))
    assert [(q.article, q.local_id) for q in store.quotes(where)] == [
        ("reuters", "a1"),
        ("reuters", "a2"),
    ]
