"""``onrecord bench web`` run small on SQLite: a real server, every call answered, the
load run to its end (timings are not asserted)."""

from __future__ import annotations

import io

import pytest

from onrecord.bench.web import PAGES, WebBenchReport, bench_web
from onrecord.cli.bench_web import print_report
from onrecord.cli.demo import example_articles
from stored_corpus import ISSUE_FILE


@pytest.fixture(scope="module")
def report() -> WebBenchReport:
    articles = list(example_articles())
    return bench_web(articles, ISSUE_FILE, articles=20, repeat=1, clients=3, requests=2)


def test_every_api_call_is_answered_with_its_server_time(report: WebBenchReport) -> None:
    assert report.dialect == "sqlite" and report.articles == 20
    api_calls = [c for c in report.calls if c.url.startswith("/v1")]
    assert len(api_calls) == 19
    assert all(c.status == 200 for c in api_calls), [(c.name, c.status) for c in api_calls]
    assert all(c.server_ms >= 0 and c.bytes > 0 for c in api_calls)


def test_the_search_load_runs_every_request(report: WebBenchReport) -> None:
    load = report.load
    assert (load.clients, load.requests, load.failed) == (3, 6, 0)
    assert load.p50_ms <= load.p99_ms
    shown = io.StringIO()
    print_report(report, shown)
    assert "search, 3 clients: 6 requests (0 failed)" in shown.getvalue()
    assert "load average" in shown.getvalue()


def test_every_page_is_timed_and_answered(report: WebBenchReport) -> None:
    pages = {c.name: c.status for c in report.calls if c.name.startswith("page ")}
    assert set(pages.values()) == {200}, pages
    # Every page; the examples take no position on the issue, so no cell has evidence.
    evidence = "/issues/{issue}/actors/{positioned}?as_of={as_of}"
    assert set(pages) == {f"page {page}" for page in PAGES if page != evidence}
