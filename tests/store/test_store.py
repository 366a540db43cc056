"""The store itself, on SQLite and PostgreSQL, with hand-built analyses (no NLP)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator

import pytest

from onrecord.errors import StoreError
from onrecord.ingest import parse_text
from onrecord.model import (
    Actor,
    ActorType,
    Analysis,
    Attribution,
    AttributionKind,
    Coarse,
    DateRule,
    Issue,
    Position,
    Provenance,
    SaidOn,
    Span,
    StanceLabel,
)
from onrecord.store import (
    ActorRecord,
    Added,
    FormKey,
    QuoteCluster,
    SqlStore,
    Store,
    SyndicationGroup,
    open_store,
)

PROVENANCE = Provenance(components={"onrecord_attribution_v1": "test"}, settings_hash="abc")
ISSUE = Issue(
    id="tolls",
    title="Tolls",
    statement="The bridge should have tolls.",
    description="",
    stances=(StanceLabel("for", "for it", Coarse.FOR),),
    topics=(("toll",),),
)


@pytest.fixture
def store(db_url: str) -> Iterator[SqlStore]:
    with open_store(db_url) as opened:
        yield opened


def analysis_of(text: str, speaker: str = "Priya Raman", url: str | None = None) -> Analysis:
    """An article with one attribution: ``speaker`` said the first quotation."""
    article = parse_text(text, source="test.txt", url=url)
    article.published = dt.datetime(2025, 3, 4, 9, 0)
    start = text.index("“")
    end = text.index("”") + 1
    cue_at = text.index("said")
    name_at = text.find(speaker)
    attribution = Attribution(
        content=[Span.of(text, start, end)],
        cue=Span.of(text, cue_at, cue_at + 4),
        source=Span.of(text, name_at, name_at + len(speaker)) if name_at >= 0 else None,
        kind=AttributionKind.DIRECT,
        confidence=0.9,
        method="test",
        id="a1",
        actor=Actor(speaker, ActorType.PERSON, role="councillor"),
        said_on=SaidOn(dt.date(2025, 3, 3), DateRule.WEEKDAY, Span.of(text, 0, 3)),
    )
    return Analysis(article, [attribution], provenance=PROVENANCE, positions=[])


def with_position(analysis: Analysis, stance: str | None = "for") -> Analysis:
    text = analysis.article.text
    position = Position(
        issue="tolls",
        actor=analysis.attributions[0].actor or Actor("x", ActorType.PERSON),
        stance=stance,  # type: ignore[arg-type]  # None: a row the database refuses
        coarse=Coarse.FOR,
        conditions=None,
        as_of=dt.date(2025, 3, 3),
        evidence=[Span.of(text, 0, len(text))],
        confidence=0.8,
        method="test",
        attributions=["a1"],
    )
    return dataclasses.replace(analysis, positions=[position])


TEXT = "Monday: “We will not rush the tolls,” Priya Raman said."


def test_the_store_meets_its_protocol(store: SqlStore) -> None:
    assert isinstance(store, Store)
    assert store.dialect in ("sqlite", "postgresql")


def test_an_analysis_is_stored_once_and_read_back_whole(store: SqlStore) -> None:
    run = store.start_run("ingest", ["test.txt"], "abc")
    stored = store.put_issue(ISSUE, "the issue file", "tolls.toml")
    analysis = with_position(analysis_of(TEXT))
    assert store.add_analysis(analysis, "test.txt", run, [stored.hash]) is Added.NEW
    assert store.add_analysis(analysis, "test.txt", run, [stored.hash]) is Added.UNCHANGED
    [back] = store.analyses(canonical=False)
    assert back.to_dict(with_article=True) == analysis.to_dict(with_article=True)
    counts = store.counts()
    assert counts["articles"] == counts["analyses"] == counts["attributions"] == 1
    assert counts["attribution_spans"] == 4  # content, source, cue, the date's words
    assert counts["positions"] == counts["position_evidence"] == 1
    assert counts["position_attributions"] == 1
    assert store.has_article(analysis.article.id)


def test_a_changed_text_at_one_address_is_a_new_version(store: SqlStore) -> None:
    run = store.start_run("ingest", [], "abc")
    first = analysis_of(TEXT, url="https://example.org/a")
    second = analysis_of(TEXT.replace("rush", "hurry"), url="https://example.org/a")
    assert store.add_analysis(first, "https://example.org/a", run) is Added.NEW
    assert store.add_analysis(second, "https://example.org/a", run) is Added.VERSION
    assert [a.article.id for a in store.analyses()] == [first.article.id, second.article.id]
    # Only the latest version is found when asked for current articles.
    hits = store.search("tolls", within="articles")
    assert [h.id for h in hits] == [second.article.id]
    assert len(store.search("tolls", within="articles", current=False)) == 2


def test_a_failing_article_leaves_no_rows_and_the_next_is_stored(store: SqlStore) -> None:
    run = store.start_run("ingest", [], "abc")
    bad = with_position(analysis_of(TEXT), stance=None)  # the positions row is refused
    with pytest.raises(Exception, match="(?i)null"):
        store.add_analysis(bad, "test.txt", run)
    assert {name: n for name, n in store.counts().items() if n and name != "runs"} == {}
    good = analysis_of(TEXT.replace("rush", "hurry"))
    assert store.add_analysis(good, "test.txt", run) is Added.NEW
    assert store.counts()["attributions"] == 1


def test_a_nul_character_is_refused_alike_on_both_engines(store: SqlStore) -> None:
    run = store.start_run("ingest", [], "abc")
    with pytest.raises(StoreError, match="NUL"):
        store.add_analysis(analysis_of(TEXT + "\x00"), "test.txt", run)
    assert store.counts()["articles"] == 0


def test_replacing_an_analysis_supersedes_the_old_one(store: SqlStore) -> None:
    first_run = store.start_run("ingest", [], "abc")
    analysis = analysis_of(TEXT)
    store.add_analysis(analysis, "test.txt", first_run)
    assert store.stale_articles(PROVENANCE, []) == []
    newer = dataclasses.replace(PROVENANCE, settings_hash="def")
    assert store.stale_articles(newer, []) == [analysis.article.id]
    run = store.start_run("reanalyze", [], "def")
    store.set_run_provenance(run, newer)
    store.replace_analysis(dataclasses.replace(analysis, provenance=newer), run)
    assert store.stale_articles(newer, []) == []
    [current] = store.analyses()
    assert current.provenance == newer
    counts = store.counts()
    assert counts["analyses"] == 2 and counts["attributions"] == 2  # the old ones kept
    assert len(store.search("rush")) == 1  # the current analysis's attribution only
    assert len(store.search("rush", current=False)) == 2
    runs = store.runs()
    assert [r.command for r in runs] == ["ingest", "reanalyze"]
    assert runs[1].provenance == newer and runs[0].provenance is None


def test_search_finds_every_word_as_a_word_start_on_both_engines(store: SqlStore) -> None:
    run = store.start_run("ingest", [], "abc")
    store.add_analysis(analysis_of(TEXT), "a.txt", run)
    other = "Tuesday: “Tolls are a tax on commuters,” Marco Ruiz said."
    store.add_analysis(analysis_of(other, "Marco Ruiz"), "b.txt", run)
    assert len(store.search("toll")) == 2  # "tolls" and "Tolls"
    assert len(store.search("TOLLS commuters")) == 1
    assert store.search("tolls NEAR") == []  # an operator word is a word like any other
    assert store.search('"') == [] and store.search("") == []
    assert len(store.search("priya", within="articles")) == 1


def test_actors_point_every_record_at_the_canonical_actor(store: SqlStore) -> None:
    run = store.start_run("ingest", [], "abc")
    store.add_analysis(with_position(analysis_of(TEXT)), "a.txt", run)
    [mention, position_mention] = store.mentions()
    assert mention.actor.name == "Priya Raman" and mention.said_on == dt.date(2025, 3, 3)
    assert position_mention.actor.name == "Priya Raman"
    canonical = Actor("Priya Raman", ActorType.PERSON, "mayor", None, "priya-raman")
    record = ActorRecord(canonical, ("Priya Raman",), 2, 1, {"id": "priya-raman"})
    store.put_actors([record], {FormKey("Priya Raman", ActorType.PERSON): "priya-raman"})
    [analysis] = store.analyses()
    actor = analysis.attributions[0].actor
    assert actor is not None and actor.id == "priya-raman"
    assert actor.role == "councillor"  # the role the article gave, as the registry does
    assert analysis.positions and analysis.positions[0].actor.id == "priya-raman"
    assert store.counts()["actor_aliases"] == 1


def test_syndication_groups_and_quote_clusters_are_replaced_whole(store: SqlStore) -> None:
    run = store.start_run("ingest", [], "abc")
    one, two = analysis_of(TEXT), analysis_of(TEXT + " Again.")
    store.add_analysis(one, "a.txt", run)
    store.add_analysis(two, "b.txt", run)
    members = {one.article.id: None, two.article.id: 0.9}
    group = SyndicationGroup(one.article.id, members, "test", dt.date(2025, 3, 4))
    hits = store.search("rush")
    cluster = QuoteCluster("“We will not rush”", int(hits[0].id), [int(h.id) for h in hits], "t")
    for _ in range(2):
        store.put_syndication([group], run)
        store.put_quote_clusters([cluster], run)
    counts = store.counts()
    assert counts["syndication_groups"] == 1 and counts["syndication_members"] == 2
    assert counts["quote_clusters"] == 1 and counts["quote_cluster_members"] == 2


def test_issues_keep_every_version_the_latest_current(store: SqlStore) -> None:
    store.put_issue(ISSUE, "version 1")
    store.put_issue(dataclasses.replace(ISSUE, title="Tolls again"), "version 2")
    [current] = store.current_issues()
    assert current.issue.title == "Tolls again" and current.content == "version 2"
    store.put_issue(ISSUE, "version 1")
    assert [i.content for i in store.current_issues()] == ["version 1"]
    assert store.counts()["issues"] == 2


def test_meta_values_are_kept(store: SqlStore) -> None:
    assert store.get_meta("aliases") is None
    store.set_meta("aliases", "[[merge]]")
    assert store.get_meta("aliases") == "[[merge]]"
    store.set_meta("aliases", None)
    assert store.get_meta("aliases") is None


def test_a_bad_location_is_a_clear_error(tmp_path: object) -> None:
    with pytest.raises(StoreError, match="no folder"):
        open_store("/nonexistent-folder/x/onrecord.db")
    with pytest.raises(Exception, match="neither a file path"):
        open_store("mysql://somewhere/db")
