"""``onrecord bench store``: the generator of copies, and the benchmark run small on
SQLite (timings are not asserted)."""

from __future__ import annotations

import io
import json

import pytest

from onrecord.bench._corpus import DAYS, OUTLETS, copies, copy_of
from onrecord.bench.store import StoreBenchReport, bench_store
from onrecord.cli import main
from onrecord.cli.bench_store import print_report
from onrecord.model import ActorType
from stored_corpus import ISSUE_FILE, analyses


def test_a_copy_is_a_new_article_with_the_same_words_at_the_same_places() -> None:
    original = analyses()[0]
    copy = copy_of(original, 41)
    assert copy.article.id != original.article.id
    assert copy.article.text.startswith(original.article.text)
    assert copy.article.outlet == OUTLETS[41 % len(OUTLETS)]
    for attribution in copy.attributions:
        for span in [*attribution.content, attribution.cue, attribution.source]:
            assert span is not None and copy.article.text[span.start : span.end] == span.text
    for position in copy.positions or []:
        assert all(copy.article.text[s.start : s.end] == s.text for s in position.evidence)


def test_a_copy_moves_its_days_and_renames_people_and_organisations() -> None:
    original = analyses()[0]
    copy = copy_of(original, 400)
    moved = copy.article.published - original.article.published  # type: ignore[operator]
    assert moved.days == 400
    before, after = original.attributions[0], copy.attributions[0]
    assert (
        before.said_on and after.said_on and (after.said_on.date - before.said_on.date).days == 400
    )
    assert (copy.positions or [])[0].as_of == (original.positions or [])[0].as_of + moved  # type: ignore[operator]
    people = [
        (b.actor, a.actor) for b, a in zip(original.attributions, copy.attributions, strict=True)
    ]
    for was, now in people:
        assert was is not None and now is not None and was.type is now.type
        if was.type is ActorType.ANONYMOUS:
            assert now == was
    renamed = copy.attributions[0].actor
    assert renamed is not None and renamed.name != "Jens Stoltenberg"
    assert renamed.role == "NATO's secretary general"


def test_copies_are_the_same_on_every_call_and_spread_over_two_years() -> None:
    made = [a.article for a in copies(analyses(), 60)]
    assert [a.id for a in made] == [a.article.id for a in copies(analyses(), 60)]
    assert len({a.id for a in made}) == 60
    assert copy_of(analyses()[0], DAYS).article.published == analyses()[0].article.published


@pytest.fixture(scope="module")
def report() -> StoreBenchReport:
    from onrecord.cli.demo import example_articles

    return bench_store(list(example_articles()), ISSUE_FILE, articles=30, nlp_articles=2, repeat=1)


def test_the_benchmark_reports_every_figure(report: StoreBenchReport) -> None:
    (sqlite,) = report.stores
    assert sqlite.dialect == "sqlite" and sqlite.articles == 30
    assert sqlite.stored_articles == 34  # and the two NLP sets of two
    assert sqlite.nlp is not None and sqlite.nlp.articles == 2 and sqlite.nlp.analyse_seconds > 0
    assert sqlite.size_bytes > 0 and sqlite.actors > 0
    assert (
        set(sqlite.latency_ms)
        == set(sqlite.rows)
        == {
            "quotes --speaker",
            "quotes --about",
            "quotes --about --limit 100",
            "positions --as-of",
        }
    )
    assert sqlite.rows["quotes --speaker"] > 0 and sqlite.rows["quotes --about"] > 0
    shown = report.to_dict()
    assert json.loads(json.dumps(shown))["stores"][0]["articles_per_second"] > 0
    out = io.StringIO()
    print_report(report, out)
    assert "storing adds" in out.getvalue() and "MB per 1,000" in out.getvalue()


def test_bench_store_is_a_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["bench", "store", "--articles", "0"])
    assert stop.value.code == 2
    assert "must be 1 or more" in capsys.readouterr().err
