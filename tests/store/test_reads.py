"""The store's read side (``Store.quotes`` and the other ``Reads`` methods), on SQLite and
PostgreSQL, over the hand-built corpus of ``tests/stored_corpus.py``."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from onrecord.store import QuoteFilter, Store, reads
from onrecord.store.read_records import EXPORT_TABLES
from stored_corpus import ISSUE, QUOTE, article_id, corpus_url, filled, quote_row


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def store(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Store]:
    with filled(corpus_url(request, tmp_path_factory.mktemp("reads"))) as stored:
        yield stored


def _names(store: Store, where: QuoteFilter, limit: int | None = None) -> list[tuple[str, str]]:
    return [(q.article, q.local_id) for q in store.quotes(where, limit)]


def test_quotes_come_by_day_then_id_undated_last(store: Store) -> None:
    found = store.quotes(QuoteFilter())
    assert [q.day for q in found] == [
        date(2024, 5, 3),
        date(2024, 5, 30),
        date(2024, 5, 30),
        *[date(2024, 5, 31)] * 4,
        None,
    ]
    same_day = [q.id for q in found if q.day == date(2024, 5, 31)]
    assert same_day == sorted(same_day)
    assert found[-1].article == "isw" and found[-1].outlet is None


def test_a_quote_carries_its_article_and_canonical_speaker(store: Store) -> None:
    short = store.quotes(QuoteFilter(outlets=("The Independent",)))[0]
    # The article called him "Stoltenberg"; the registry's actor is "Jens Stoltenberg".
    assert (short.speaker, short.speaker_id, short.speaker_type) == (
        "Jens Stoltenberg",
        "jens-stoltenberg",
        "person",
    )
    assert short.source == "Stoltenberg" and short.cue == "said"
    assert short.article_id == article_id("independent")
    assert short.url == "https://example.org/independent"
    assert short.published == short.said_on == date(2024, 5, 3)


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        (QuoteFilter(speaker_ids=("jens-stoltenberg",)), [("independent", "a1"), ("cbc", "a1")]),
        (
            QuoteFilter(about="kharkiv allow"),
            [("cbc", "a2"), ("reuters", "a1"), ("standard", "a1")],
        ),
        # A word matches the words it begins; every word must be there.
        (QuoteFilter(about="restriction"), [("independent", "a1"), ("cbc", "a1")]),
        (QuoteFilter(about="restrictions kharkiv"), []),
        (QuoteFilter(about="  ...  "), []),
        (
            QuoteFilter(since=date(2024, 5, 31)),
            [("reuters", "a1"), ("reuters", "a2"), ("standard", "a1"), ("standard", "a2")],
        ),
        (QuoteFilter(until=date(2024, 5, 3)), [("independent", "a1")]),
        (
            QuoteFilter(since=date(2024, 5, 4), until=date(2024, 5, 30)),
            [("cbc", "a1"), ("cbc", "a2")],
        ),
        (
            QuoteFilter(outlets=("Reuters", "CBC News")),
            [("cbc", "a1"), ("cbc", "a2"), ("reuters", "a1"), ("reuters", "a2")],
        ),
        (QuoteFilter(kind="mixed"), [("isw", "a1")]),
        (QuoteFilter(kind="direct", anonymous=True), [("reuters", "a1"), ("standard", "a1")]),
        (QuoteFilter(anonymous=True, about="kharkiv", until=date(2024, 5, 30)), [("cbc", "a2")]),
        (QuoteFilter(speaker_ids=()), []),
        (QuoteFilter(outlets=()), []),
    ],
)
def test_quotes_meet_every_condition(
    store: Store, where: QuoteFilter, expected: list[tuple[str, str]]
) -> None:
    assert _names(store, where) == expected


def test_quotes_by_id_and_a_limit(store: Store) -> None:
    wanted = quote_row(store, "reuters", "a2")
    assert _names(store, QuoteFilter(ids=(wanted,))) == [("reuters", "a2")]
    assert _names(store, QuoteFilter(), limit=2) == [("independent", "a1"), ("cbc", "a1")]


def test_quote_id_by_article_and_attribution(store: Store) -> None:
    found = store.quote_id(article_id("cbc"), "a2")
    assert found is not None
    assert store.quotes(QuoteFilter(ids=(found,)))[0].content.startswith("we will allow")
    assert store.quote_id(article_id("cbc"), "a9") is None
    assert store.quote_id("0" * 16, "a1") is None


def test_outlets_and_actor_names(store: Store) -> None:
    assert store.outlets() == ["CBC News", "Evening Standard", "Reuters", "The Independent"]
    names = {actor.id: actor for actor in store.actor_names()}
    assert sorted(names) == [
        "anonymous-u-s-official",
        "government-of-germany",
        "government-of-the-united-states",
        "institute-for-the-study-of-war",
        "jens-stoltenberg",
    ]
    assert names["jens-stoltenberg"].aliases == ("Jens Stoltenberg", "Stoltenberg")
    assert names["anonymous-u-s-official"].type == "anonymous"


def test_actor_names_as_written(store: Store) -> None:
    assert [a.id for a in store.actor_names(exact=["Stoltenberg"])] == ["jens-stoltenberg"]
    assert [a.id for a in store.actor_names(exact=["jens-stoltenberg", "ISW"])] == [
        "jens-stoltenberg"
    ]
    assert store.actor_names(exact=["Jens Stoltenberg"])[0].aliases == (
        "Jens Stoltenberg",
        "Stoltenberg",
    )
    assert store.actor_names(exact=["stoltenberg"]) == []  # as written: folding is the caller's


def test_stored_actors_keep_the_registry_entry(store: Store) -> None:
    (jens,) = store.stored_actors(["jens-stoltenberg"])
    assert (jens.name, jens.type, jens.role, jens.affiliation) == (
        "Jens Stoltenberg",
        "person",
        "NATO's secretary general",
        "NATO",
    )
    assert jens.articles == 2 and jens.aliases == ("Jens Stoltenberg", "Stoltenberg")
    assert jens.record["roles"] == [
        {"role": "NATO's secretary general", "article": article_id("cbc"), "date": "2024-05-30"}
    ]
    assert [a.id for a in store.stored_actors()] == sorted(a.id for a in store.actor_names())


def test_stored_positions_have_canonical_actors_and_their_article(store: Store) -> None:
    found = store.stored_positions(ISSUE)
    assert [(p.article, p.position.actor.id) for p in found] == [
        ("cbc", "jens-stoltenberg"),
        ("cbc", "government-of-the-united-states"),
        ("reuters", "government-of-germany"),
        ("reuters", "government-of-germany"),
        ("standard", "government-of-germany"),
        ("independent", "jens-stoltenberg"),
    ]
    independent = found[-1]
    # The canonical name; no role, as the article gave none (the registry's is kept).
    assert independent.position.actor.name == "Jens Stoltenberg"
    assert independent.position.actor.role == "NATO's secretary general"
    assert independent.published == date(2024, 5, 3)
    voiced = found[1].position
    assert voiced.speaker is not None and voiced.speaker.id == "anonymous-u-s-official"
    mine = store.stored_positions(actor_id="jens-stoltenberg")
    assert [p.article for p in mine] == ["cbc", "independent"]
    assert store.stored_positions("no-such-issue") == []
    assert [p.article for p in store.stored_positions(ISSUE, ids=[found[1].id, 999])] == ["cbc"]
    assert store.position_issues("government-of-germany") == [ISSUE]
    assert store.position_issues("institute-for-the-study-of-war") == []


def test_positions_as_of_a_day_are_those_the_tracker_needs(store: Store) -> None:
    by_id = {p.id: (p.article, p.position.stance) for p in store.stored_positions(ISSUE)}

    def chosen(day: date) -> list[tuple[str, str]]:
        return [by_id[i] for i in store.positions_as_of(ISSUE, day)]

    # Stoltenberg opposed on 3 May; the U.S. and he on 30 May; Germany, undated "opposes"
    # placed on 30 May (held before 31 May), then "supports" on 31 May in two articles.
    assert chosen(date(2024, 5, 2)) == []
    assert chosen(date(2024, 5, 3)) == [("independent", "opposes")]
    assert chosen(date(2024, 5, 30)) == [
        ("cbc", "supports"),
        ("cbc", "supports with limits"),
        ("reuters", "opposes"),
        ("independent", "opposes"),
    ]
    assert chosen(date(2024, 6, 1)) == [
        ("cbc", "supports"),
        ("cbc", "supports with limits"),
        ("reuters", "supports"),
        ("reuters", "opposes"),
        ("standard", "supports"),
        ("independent", "opposes"),
    ]
    assert store.positions_as_of("no-such-issue", date(2024, 6, 1)) == []


def test_quote_cluster_members_come_first_seen_first(store: Store) -> None:
    first = quote_row(store, "cbc", "a2")
    cluster = store.quote_cluster(quote_row(store, "standard", "a1"))
    assert cluster is not None
    assert cluster.text == QUOTE and cluster.first_attribution_id == first
    assert cluster.first_seen == date(2024, 5, 30)
    assert [q.article for q in cluster.members] == ["cbc", "reuters", "standard"]
    assert store.quote_cluster(quote_row(store, "cbc", "a1")) is None


def test_source_counts_by_outlet_and_speaker_type(store: Store) -> None:
    counts = [(c.outlet, c.speaker_type, c.quotes) for c in store.source_counts()]
    assert counts == [
        (None, "organization", 1),
        ("CBC News", "anonymous", 1),
        ("CBC News", "person", 1),
        ("Evening Standard", "anonymous", 1),
        ("Evening Standard", "government", 1),
        ("Reuters", "anonymous", 1),
        ("Reuters", "government", 1),
        ("The Independent", "person", 1),
    ]


@pytest.mark.parametrize("table", EXPORT_TABLES)
def test_export_rows_hold_their_columns_in_pages(
    store: Store, table: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = list(store.export_rows(table))  # type: ignore[arg-type]
    monkeypatch.setattr(reads, "PAGE", 2)
    paged = list(store.export_rows(table))  # type: ignore[arg-type]
    assert paged == whole
    names = [c.name for c in store.export_columns(table)]  # type: ignore[arg-type]
    assert all(list(row) == names for row in whole)
    counts = {"articles": 5, "attributions": 8, "actors": 5, "positions": 6}
    assert len(whole) == counts[table]


def test_exported_rows_say_who_and_what(store: Store) -> None:
    actors = {row["id"]: row for row in store.export_rows("actors")}
    assert actors["jens-stoltenberg"]["aliases"] == "Jens Stoltenberg; Stoltenberg"
    positions = list(store.export_rows("positions"))
    assert positions[1]["speaker"] == "anonymous U.S. official"
    assert positions[1]["evidence"] == "we will allow strikes near Kharkiv"
    assert positions[-1]["actor"] == "Jens Stoltenberg"
    said = list(store.export_rows("attributions"))
    assert said[-1]["speaker"] == "Institute for the Study of War"
    assert said[-1]["said_on"] is None
    articles = list(store.export_rows("articles"))
    assert [row["external_id"] for row in articles] == [
        "cbc",
        "reuters",
        "standard",
        "independent",
        "isw",
    ]
    assert articles[0]["published_on"] == date(2024, 5, 30)
